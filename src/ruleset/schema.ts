import { z } from "zod";
import { CONTROL_CHARACTER } from "../escape.js";

// The shape of a rule file. References between files (question ids, values, sources) are
// checked after layering, in validate.ts, because a file may use what another file defines.

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes, like "my-rule"');
// Rule files are printed to terminals and documents: no escape sequences, line breaks or bidi overrides.
const printable = z
  .string()
  .refine(
    (s) => !CONTROL_CHARACTER.test(s),
    "must not contain control characters (escape sequences, tabs, line breaks, bidi overrides)",
  );
const text = printable.trim().min(1, "must not be empty");

/** Question and value ids become flags and flag values, so they take the shape commander reads back unchanged. */
export const ANSWER_ID_PATTERN =
  'lower-case letters and digits in words joined by single dashes, not starting with "no-"';
const answerId = z
  .string()
  .regex(/^(?!no-)[a-z0-9]+(-[a-z0-9]+)*$/, `expected ${ANSWER_ID_PATTERN}, like "gpu" or "host-os"`);

const conditionValues = z.union([text, z.array(text).min(1, "must list at least one value")], {
  error: "expected a value or a list of values",
});
const clause = z.record(z.string(), conditionValues, {
  error: "expected an object that maps question ids to values",
});
const clauses = z.union([clause, z.array(clause).min(1, "must list at least one set of conditions")], {
  error: "expected an object of conditions, or a list of them (any one may hold)",
});

const effect = z
  .strictObject({
    option: id,
    score: z.number().int("expected a whole number").min(-100).max(100).optional(),
    exclude: z.literal(true).optional(),
    /** Leaves the points alone: something to confirm before relying on this option. */
    caution: z.literal(true).optional(),
  })
  .refine((e) => [e.score, e.exclude, e.caution].filter((x) => x !== undefined).length === 1, {
    message: 'expected one of "score" (a whole number), "exclude": true or "caution": true',
  });

/** `<page>#<section>`: a source page and one of its sections. */
const sourceRef = z
  .string()
  .regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'expected "<page>#<section>", like "containers-vs-vm#isolation"');

const hardFactOverride = z.literal("hard-fact", {
  error: 'the only accepted value is "hard-fact"',
});

// effect, reason and source are required of a new rule; a rule that replaces another by id
// may leave out what it keeps (checked in layer.ts).
export const ruleSchema = z.strictObject({
  id,
  when: clauses.optional(),
  unless: clauses.optional(),
  effect: effect.optional(),
  reason: text.optional(),
  remedy: text.optional(),
  source: sourceRef.optional(),
  rationale: text.optional(),
  override: hardFactOverride.optional(),
});

const choice = z.strictObject({
  value: answerId.refine(
    (value) => value !== "unknown",
    '"unknown" is the answer for "not sure" to every question; choose another value',
  ),
  label: text,
  meaning: text,
  /** For a value added to an existing question: the existing value it behaves like, whose rules it inherits. */
  as: answerId.optional(),
});

export const questionSchema = z.strictObject({
  id: answerId,
  prompt: text.optional(),
  help: text.optional(),
  topic: text.optional(),
  alwaysAsk: z.boolean().optional(),
  optional: z.boolean().optional(),
  /** For an optional question: the value the advice takes, and says it takes, when it is not given. */
  assume: answerId.optional(),
  /** The choice a prompt starts on. */
  default: answerId.optional(),
  /** A question whose answer, when it is also a value of this one, is the default here. */
  defaultFrom: answerId.optional(),
  choices: z.array(choice).min(1, "must list at least one choice"),
});

const section = z.strictObject({ id, title: text, anchor: printable.optional() });

export const sourcePageSchema = z.strictObject({
  id,
  title: text,
  url: printable.pipe(z.url({ protocol: /^https?$/, error: "expected an http(s) URL" })),
  sections: z.array(section).min(1, "must list at least one section"),
});

export const comparisonRowSchema = z.strictObject({
  id,
  feature: text,
  source: sourceRef,
  /** One cell per option id (checked against the options after layering). */
  values: z.record(id, text),
  /** Where a cell's facts come from, when not (only) from the row's source. */
  cellSources: z.record(id, z.array(sourceRef).min(1, "must list at least one source")).optional(),
});

const disableEntry = z.union(
  [id, z.strictObject({ id, override: hardFactOverride.optional(), because: text.optional() })],
  { error: 'expected a rule id, or { "id": …, "override": "hard-fact" }' },
);

export const ruleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  questions: z.array(questionSchema).optional(),
  sources: z.array(sourcePageSchema).optional(),
  rules: z.array(ruleSchema).optional(),
  disable: z.array(disableEntry).optional(),
  comparison: z.array(comparisonRowSchema).optional(),
});

const distinct = (ids: readonly string[]): boolean => new Set(ids).size === ids.length;

/**
 * The engine keeps the excluded options of an answer set as bits of one number, and a survey of
 * every completion keeps them in one byte each (Uint8Array), so a rule set has at most 8 options.
 */
export const MAX_OPTIONS = 8;

export const optionsFileSchema = z
  .strictObject({
    $comment: z.string().optional(),
    options: z
      .array(z.strictObject({ id, label: text, short: text }))
      .min(2, "must list at least two options")
      .max(
        MAX_OPTIONS,
        `must list at most ${MAX_OPTIONS} options: the engine keeps which options are ruled out in one byte per answer set`,
      ),
    tieBreak: z.array(id),
    tieBreakReason: text,
    tieBreaks: z
      .array(z.strictObject({ id, when: clauses, order: z.array(id), reason: text, source: sourceRef }))
      .optional(),
  })
  .refine((file) => distinct(file.options.map((o) => o.id)), {
    message: "must list each option id once",
    path: ["options"],
  })
  .refine(
    (file) =>
      distinct(file.tieBreak) &&
      file.tieBreak.length === file.options.length &&
      file.options.every((o) => file.tieBreak.includes(o.id)),
    {
      message: "must list each option id once",
      path: ["tieBreak"],
    },
  );

export type RuleFile = z.infer<typeof ruleFileSchema>;
export type OptionsFile = z.infer<typeof optionsFileSchema>;

// The texts of a rule file in another language: `fr/<name>.json` beside `<name>.json`. It
// translates what the file beside it defines, by id; it never adds an entity or changes logic.
const textsOf = <T extends z.ZodType>(entry: T) => z.record(z.string(), entry);

export const ruleTextsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  lang: z.literal("fr", { error: 'the only language vmvc has besides English is "fr"' }),
  rules: textsOf(
    z.strictObject({ reason: text.optional(), remedy: text.optional(), rationale: text.optional() }),
  ).optional(),
  tieBreaks: textsOf(z.strictObject({ reason: text })).optional(),
  tieBreakReason: text.optional(),
  questions: textsOf(
    z.strictObject({
      prompt: text.optional(),
      help: text.optional(),
      topic: text.optional(),
      choices: textsOf(z.strictObject({ label: text.optional(), meaning: text.optional() })).optional(),
    }),
  ).optional(),
  options: textsOf(z.strictObject({ label: text.optional(), short: text.optional() })).optional(),
  comparison: textsOf(z.strictObject({ feature: text.optional(), values: textsOf(text).optional() })).optional(),
  sources: textsOf(
    z.strictObject({
      title: text.optional(),
      /** The page in this language, when it has one. */
      url: printable.pipe(z.url({ protocol: /^https?$/, error: "expected an http(s) URL" })).optional(),
      sections: textsOf(
        z.strictObject({
          title: text.optional(),
          /** The section's anchor on the translated page, which comes from its translated heading. */
          anchor: printable.optional(),
        }),
      ).optional(),
    }),
  ).optional(),
});

export type RuleTextsFile = z.infer<typeof ruleTextsFileSchema>;
