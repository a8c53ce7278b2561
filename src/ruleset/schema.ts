import { z } from "zod";

// The shape of a rule file. References between files (question ids, values, sources) are
// checked after layering, in validate.ts, because a file may use what another file defines.

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "expected lower-case letters, digits and dashes, like \"my-rule\"");
const text = z.string().trim().min(1, "must not be empty");

const conditionValues = z.union([text, z.array(text).min(1, "must list at least one value")], {
  error: "expected a value or a list of values",
});
const clause = z.record(z.string(), conditionValues, {
  error: "expected an object that maps question ids to values",
});
const clauses = z.union([clause, z.array(clause).min(1, "must list at least one set of conditions")], {
  error: "expected an object of conditions, or a list of them (any one may hold)",
});

export const OPTION_IDS = ["vm", "container", "hyperv-container"] as const;

const effect = z
  .strictObject({
    option: z.enum(OPTION_IDS),
    score: z.number().int("expected a whole number").min(-100).max(100).optional(),
    exclude: z.literal(true).optional(),
  })
  .refine((e) => (e.score === undefined) !== (e.exclude === undefined), {
    message: 'expected either "score" (a whole number) or "exclude": true',
  });

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
  source: z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'expected "<page>#<section>", like "containers-vs-vm#isolation"').optional(),
  override: hardFactOverride.optional(),
});

const choice = z.strictObject({ value: id, label: text, meaning: text });

export const questionSchema = z.strictObject({
  id,
  prompt: text.optional(),
  help: text.optional(),
  alwaysAsk: z.boolean().optional(),
  choices: z.array(choice).min(1, "must list at least one choice"),
});

const section = z.strictObject({ id, title: text, anchor: z.string().optional() });

export const sourcePageSchema = z.strictObject({
  id,
  title: text,
  url: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }),
  sections: z.array(section).min(1, "must list at least one section"),
});

export const comparisonRowSchema = z.strictObject({
  id,
  feature: text,
  source: z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'expected "<page>#<section>"'),
  values: z.strictObject({ vm: text, container: text, "hyperv-container": text }),
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

const eachOptionOnce = `must list each of ${OPTION_IDS.join(", ")} once`;
const distinct = (ids: readonly string[]): boolean => new Set(ids).size === ids.length;

export const optionsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  options: z
    .array(z.strictObject({ id: z.enum(OPTION_IDS), label: text, short: text }))
    .length(OPTION_IDS.length, eachOptionOnce)
    .refine((options) => distinct(options.map((o) => o.id)), eachOptionOnce),
  tieBreak: z.array(z.enum(OPTION_IDS)).length(OPTION_IDS.length, eachOptionOnce).refine(distinct, eachOptionOnce),
});

export type RuleFile = z.infer<typeof ruleFileSchema>;
export type OptionsFile = z.infer<typeof optionsFileSchema>;
