import type {
  AddedValue,
  Clause,
  ComparisonRow,
  Option,
  Question,
  Rule,
  RuleSet,
  SourcePage,
  TieBreak,
} from "../engine/model.js";
import { isExclusion } from "../engine/model.js";
import { didYouMean } from "../suggest.js";
import { escapeControls, quote } from "../escape.js";
import type { OptionsFile, RuleFile } from "./schema.js";
import { RuleSetError } from "../errors.js";
import { problem, type Problem, type Where } from "../problems.js";

export interface RuleFileLayer {
  /** As the user named it. */
  file: string;
  data: RuleFile;
  /** Where it was read from, for the texts beside it (fr/<name>.json). */
  path?: string;
}

/**
 * Files in one tier are peers: an id defined twice among them is an error.
 * A later tier layers over the earlier ones: it may add, replace or disable.
 */
export type Tier = readonly RuleFileLayer[];

function toClauses(
  raw: Record<string, string | string[]> | Record<string, string | string[]>[] | undefined,
  fallback: Clause[],
): Clause[] {
  if (raw === undefined) return fallback;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((entry) => {
    const clause: Clause = Object.create(null) as Clause;
    for (const [question, values] of Object.entries(entry))
      clause[question] = Array.isArray(values) ? [...values] : [values];
    return clause;
  });
}

const describeEffect = (rule: Rule): string =>
  isExclusion(rule.effect) ? `it excludes ${rule.effect.option}` : `it scores ${rule.effect.option}`;

/** A rule set with only the options: the base the shipped files are layered on. */
export const emptyRuleSet = (optionsFile: OptionsFile): RuleSet => ({
  options: optionsFile.options.map((o) => ({ ...o })),
  tieBreak: [...optionsFile.tieBreak],
  tieBreakReason: optionsFile.tieBreakReason,
  tieBreaks: (optionsFile.tieBreaks ?? []).map((t) => ({ ...t, when: toClauses(t.when, []), order: [...t.order] })),
  questions: [],
  sources: [],
  rules: [],
  comparison: [],
});

/** What the layering steps build up, tier by tier. */
interface Layered {
  questions: Map<string, Question>;
  sources: Map<string, SourcePage>;
  rules: Map<string, Rule>;
  comparison: Map<string, ComparisonRow>;
  /** Hard facts disabled or replaced on purpose. */
  overriddenHardFacts: { rule: string; file: string }[];
  /** Values added to existing questions, in the order met. */
  addedValues: AddedValue[];
}

type Kind = "question" | "source" | "rule" | "row";

/** The ids defined so far in one tier, whose files are peers: a second definition is a problem. */
class TierIds {
  private readonly seen = new Map<Kind, Map<string, string>>();

  /** The problem with defining `id` in `file`, or undefined when it is the first definition in the tier. */
  claim(kind: Kind, id: string, file: string): Problem | undefined {
    const ids = this.seen.get(kind) ?? new Map<string, string>();
    this.seen.set(kind, ids);
    const earlier = ids.get(id);
    if (earlier !== undefined) {
      const label = kind === "row" ? "comparison row" : kind;
      return problem({ file, entry: `${label} "${id}"` }, "duplicate-id", `duplicate id (also defined in ${earlier})`);
    }
    ids.set(id, file);
    return undefined;
  }
}

type RawQuestion = NonNullable<RuleFile["questions"]>[number];

/** Values a later layer adds to an existing question: it may add, never remove or rename. */
function layerValues(layered: Layered, raw: RawQuestion, existing: Question, file: string): Problem[] {
  const problems: Problem[] = [];
  const where: Where = { file, entry: `question "${raw.id}"` };
  const known = existing.choices.map((c) => c.value);
  const added = raw.choices.filter((c) => !known.includes(c.value));
  for (const { value, as } of added) {
    if (as !== undefined && !known.includes(as))
      problems.push(
        problem(
          { ...where, path: `choices` },
          "invalid-added-value",
          `value "${value}": as: ${quote(as)} is not one of ${known.join(", ")}${didYouMean(as, known)}`,
        ),
      );
    else if (
      as !== undefined &&
      layered.addedValues.some((a) => a.question === raw.id && a.value === as && a.as === undefined)
    ) {
      problems.push(
        problem(
          { ...where, path: `choices` },
          "invalid-added-value",
          `value "${value}": as: "${as}" was itself added without "as"; name a value it behaves like that the shipped rules know`,
        ),
      );
    } else
      layered.addedValues.push({ question: raw.id, value, ...(as !== undefined ? { as } : {}), file, ruledOut: [] });
  }
  layered.questions.set(raw.id, {
    ...existing,
    prompt: raw.prompt ?? existing.prompt,
    help: raw.help ?? existing.help,
    topic: raw.topic ?? existing.topic,
    ...((raw.default ?? existing.default) !== undefined ? { default: raw.default ?? existing.default } : {}),
    ...((raw.defaultFrom ?? existing.defaultFrom) !== undefined
      ? { defaultFrom: raw.defaultFrom ?? existing.defaultFrom }
      : {}),
    choices: [...existing.choices, ...added.map(({ value, label, meaning }) => ({ value, label, meaning }))],
  });
  return problems;
}

/** Questions: a new one is whole; one that exists takes new texts and values ({@link layerValues}). */
function layerQuestions(layered: Layered, ids: TierIds, file: string, list: readonly RawQuestion[]): Problem[] {
  const problems: Problem[] = [];
  for (const raw of list) {
    const duplicate = ids.claim("question", raw.id, file);
    if (duplicate !== undefined) {
      problems.push(duplicate);
      continue;
    }
    const where: Where = { file, entry: `question "${raw.id}"` };
    const values = raw.choices.map((c) => c.value);
    const dupe = values.find((v, i) => values.indexOf(v) !== i);
    if (dupe !== undefined)
      problems.push(problem({ ...where, path: `choices` }, "invalid-question", `value "${dupe}" is listed twice`));
    const existing = layered.questions.get(raw.id);
    if (existing) {
      problems.push(...layerValues(layered, raw, existing, file));
      continue;
    }
    for (const c of raw.choices.filter((c) => c.as !== undefined)) {
      problems.push(
        problem(
          { ...where, path: `choices` },
          "invalid-question",
          `value "${c.value}": as: only a value added to an existing question can say which value it behaves like`,
        ),
      );
    }
    if (raw.prompt === undefined)
      problems.push(problem({ ...where, path: `prompt` }, "invalid-question", `is required for a new question`));
    layered.questions.set(raw.id, {
      id: raw.id,
      prompt: raw.prompt ?? raw.id,
      help: raw.help ?? "",
      topic: raw.topic ?? `the answer to --${raw.id}`,
      choices: raw.choices.map((c) => ({ ...c })),
      alwaysAsk: raw.alwaysAsk ?? false,
      optional: raw.optional ?? false,
      ...(raw.assume !== undefined ? { assume: raw.assume } : {}),
      ...(raw.default !== undefined ? { default: raw.default } : {}),
      ...(raw.defaultFrom !== undefined ? { defaultFrom: raw.defaultFrom } : {}),
      file,
    });
  }
  return problems;
}

/** Source pages: only new ones; a page's sections are never redefined. */
function layerSources(layered: Layered, ids: TierIds, file: string, list: NonNullable<RuleFile["sources"]>): Problem[] {
  const problems: Problem[] = [];
  for (const page of list) {
    const duplicate = ids.claim("source", page.id, file);
    if (duplicate !== undefined) {
      problems.push(duplicate);
      continue;
    }
    if (layered.sources.has(page.id)) {
      problems.push(
        problem(
          { file, entry: `source "${page.id}"` },
          "invalid-source",
          `a page with this id already exists; pick a new id`,
        ),
      );
      continue;
    }
    layered.sources.set(page.id, { ...page, file });
  }
  return problems;
}

/** Disabling rules: a preference freely, a hard fact only with "override": "hard-fact". */
function layerDisables(layered: Layered, file: string, list: NonNullable<RuleFile["disable"]>): Problem[] {
  const problems: Problem[] = [];
  const { rules } = layered;
  for (const entry of list) {
    const { id, override } = typeof entry === "string" ? { id: entry, override: undefined } : entry;
    const target = rules.get(id);
    if (!target) {
      problems.push(
        problem(
          { file, entry: `disable "${id}"` },
          "invalid-disable",
          `no such rule${didYouMean(id, [...rules.keys()])}`,
        ),
      );
      continue;
    }
    if (isExclusion(target.effect) && override === "hard-fact") layered.overriddenHardFacts.push({ rule: id, file });
    if (isExclusion(target.effect) && override !== "hard-fact") {
      problems.push(
        problem(
          { file, entry: `disable "${id}"` },
          "invalid-disable",
          `this rule is a hard fact (${describeEffect(target)}); to disable it anyway, write { "id": "${id}", "override": "hard-fact" }`,
        ),
      );
      continue;
    }
    rules.delete(id);
  }
  return problems;
}

/** Rules: new ones whole; one that replaces another by id may restate only what changes. */
function layerRules(layered: Layered, ids: TierIds, file: string, list: NonNullable<RuleFile["rules"]>): Problem[] {
  const problems: Problem[] = [];
  const { rules } = layered;
  for (const raw of list) {
    const duplicate = ids.claim("rule", raw.id, file);
    if (duplicate !== undefined) {
      problems.push(duplicate);
      continue;
    }
    const replaced = rules.get(raw.id);
    if (replaced && isExclusion(replaced.effect) && raw.override === "hard-fact")
      layered.overriddenHardFacts.push({ rule: raw.id, file });
    if (replaced && isExclusion(replaced.effect) && raw.override !== "hard-fact") {
      problems.push(
        problem(
          { file, entry: `rule "${raw.id}"` },
          "invalid-rule",
          `replaces a hard fact from ${replaced.file} (${describeEffect(replaced)}); add "override": "hard-fact" to do so on purpose`,
        ),
      );
      continue;
    }
    // Replacing a rule may restate only what changes (its weight, say); a new rule is whole.
    const missing = (["effect", "reason", "source"] as const).filter((field) => raw[field] === undefined);
    if (!replaced && missing.length > 0) {
      for (const field of missing)
        problems.push(problem({ file, entry: `rule "${raw.id}"`, path: `${field}` }, "invalid-rule", `is required`));
      continue;
    }
    const effect = !raw.effect
      ? replaced!.effect
      : raw.effect.exclude
        ? { option: raw.effect.option, exclude: true as const }
        : raw.effect.caution
          ? { option: raw.effect.option, caution: true as const }
          : { option: raw.effect.option, score: raw.effect.score ?? 0 };
    const remedy = raw.remedy ?? (isExclusion(effect) ? replaced?.remedy : undefined);
    rules.set(raw.id, {
      id: raw.id,
      when: toClauses(raw.when, replaced?.when ?? [Object.create(null) as Clause]),
      unless: toClauses(raw.unless, replaced?.unless ?? []),
      effect,
      reason: raw.reason ?? replaced!.reason,
      ...(remedy !== undefined ? { remedy } : {}),
      source: raw.source ?? replaced!.source,
      ...((raw.rationale ?? replaced?.rationale) ? { rationale: raw.rationale ?? replaced!.rationale } : {}),
      file,
    });
  }
  return problems;
}

/** Comparison rows: new ones, or whole replacements by id. */
function layerComparison(
  layered: Layered,
  ids: TierIds,
  file: string,
  list: NonNullable<RuleFile["comparison"]>,
): Problem[] {
  const problems: Problem[] = [];
  for (const row of list) {
    const duplicate = ids.claim("row", row.id, file);
    if (duplicate !== undefined) {
      problems.push(duplicate);
      continue;
    }
    layered.comparison.set(row.id, {
      ...row,
      values: { ...row.values },
      ...(row.cellSources ? { cellSources: { ...row.cellSources } } : {}),
      file,
    });
  }
  return problems;
}

/** Layers tiers of rule files over `base`, then checks every reference; throws RuleSetError. */
export function buildRuleSet(base: RuleSet, tiers: readonly Tier[]): RuleSet {
  const layered: Layered = {
    questions: new Map(base.questions.map((q) => [q.id, q])),
    sources: new Map(base.sources.map((p) => [p.id, p])),
    rules: new Map(base.rules.map((r) => [r.id, r])),
    comparison: new Map(base.comparison.map((r) => [r.id, r])),
    overriddenHardFacts: [...(base.policy?.overriddenHardFacts ?? [])],
    addedValues: [],
  };
  const problems: Problem[] = [];
  for (const tier of tiers) {
    const ids = new TierIds();
    // Within a file: questions first (rules may name them), then sources, disables, rules, rows.
    for (const { file, data } of tier) {
      problems.push(
        ...layerQuestions(layered, ids, file, data.questions ?? []),
        ...layerSources(layered, ids, file, data.sources ?? []),
        ...layerDisables(layered, file, data.disable ?? []),
        ...layerRules(layered, ids, file, data.rules ?? []),
        ...layerComparison(layered, ids, file, data.comparison ?? []),
      );
    }
  }

  const { questions, sources, rules, comparison, overriddenHardFacts, addedValues } = layered;
  const options: Option[] = base.options;
  const tieBreaks = placeAddedValues(addedValues, rules, base.tieBreaks, questions, options, problems);
  const ruleSet: RuleSet = {
    ...(tiers.length > 0 || base.policy
      ? {
          policy: {
            layers: base.policy?.layers ?? [],
            overriddenHardFacts,
            addedValues: [...(base.policy?.addedValues ?? []), ...addedValues],
          },
        }
      : {}),
    options,
    tieBreak: base.tieBreak,
    tieBreakReason: base.tieBreakReason,
    tieBreaks,
    questions: [...questions.values()],
    sources: [...sources.values()],
    rules: [...rules.values()],
    comparison: [...comparison.values()],
  };
  problems.push(...checkReferences(ruleSet));
  if (problems.length > 0) throw new RuleSetError(problems);
  return ruleSet;
}

const mentions = (rule: Rule, question: string): boolean =>
  [...rule.when, ...rule.unless].some((c) => Object.hasOwn(c, question));

/** Every clause that lists `as` lists `value` too, so the value inherits the rules of the one it behaves like. */
function inherit(list: readonly Clause[], question: string, as: string, value: string): Clause[] {
  return list.map((clause) =>
    clause[question]?.includes(as) ? { ...clause, [question]: [...clause[question]!, value] } : clause,
  );
}

/**
 * Hard facts name the values they know, so a value a policy adds would slip past them.
 * With `as`, it takes on the rules of an existing value; without, every option a hard fact
 * governs through that question is ruled out for it (fails closed). Returns the tie-breaks,
 * which inherit too.
 */
function placeAddedValues(
  addedValues: AddedValue[],
  rules: Map<string, Rule>,
  tieBreaks: readonly TieBreak[],
  questions: ReadonlyMap<string, Question>,
  options: readonly Option[],
  problems: Problem[],
): TieBreak[] {
  let result = [...tieBreaks];
  const hardFacts = [...rules.values()].filter((r) => isExclusion(r.effect));
  for (const added of addedValues) {
    const { question, value, as, file } = added;
    if (as !== undefined) {
      for (const rule of rules.values()) {
        if (mentions(rule, question))
          rules.set(rule.id, {
            ...rule,
            when: inherit(rule.when, question, as, value),
            unless: inherit(rule.unless, question, as, value),
          });
      }
      result = result.map((t) => ({ ...t, when: inherit(t.when, question, as, value) }));
      continue;
    }
    const q = questions.get(question)!;
    const label = q.choices.find((c) => c.value === value)!.label;
    for (const option of options) {
      const governing = hardFacts.find((r) => r.effect.option === option.id && mentions(r, question));
      if (!governing) continue;
      const id = `unknown-${question}-${value}-rules-out-${option.id}`;
      if (rules.has(id)) {
        problems.push(
          problem(
            { file, entry: `question "${question}"` },
            "id-taken",
            `value "${value}": the rule id "${id}" is taken; vmvc needs it to rule ${option.id} out for this value`,
          ),
        );
        continue;
      }
      added.ruledOut.push(option.id);
      rules.set(id, {
        id,
        when: [{ [question]: [value] }],
        unless: [],
        effect: { option: option.id, exclude: true },
        reason: `"${label}", an answer ${escapeControls(file)} adds to ${q.topic}, does not say which existing answer it is like, so the hard facts about ${option.label} cannot tell whether they hold.`,
        remedy: `In ${escapeControls(file)}, give the value "as": the existing answer it behaves like (one of ${q.choices
          .filter((c) => !addedValues.some((a) => a.question === question && a.value === c.value))
          .map((c) => c.value)
          .join(", ")}).`,
        source: governing.source,
        rationale: "Fails closed: an answer the hard facts do not know is ruled out rather than assumed safe.",
        file,
      });
    }
  }
  return result;
}

function checkSource(ref: string, sources: readonly SourcePage[]): string | undefined {
  const [pageId = "", sectionId = ""] = ref.split("#");
  const page = sources.find((p) => p.id === pageId);
  if (!page)
    return `no source page "${pageId}"${didYouMean(
      pageId,
      sources.map((p) => p.id),
    )}`;
  if (!page.sections.some((s) => s.id === sectionId)) {
    return `page "${pageId}" has no section "${sectionId}"${didYouMean(
      sectionId,
      page.sections.map((s) => s.id),
    )}`;
  }
  return undefined;
}

/** Conditions that name a question or value the rule set does not have. */
function clauseProblems(ruleSet: RuleSet, where: Where, field: string, list: readonly Clause[]): Problem[] {
  const problems: Problem[] = [];
  const questionIds = ruleSet.questions.map((q) => q.id);
  list.forEach((clause, index) => {
    const at = list.length > 1 ? `${field}[${index}]` : field;
    for (const [questionId, values] of Object.entries(clause)) {
      const question = ruleSet.questions.find((q) => q.id === questionId);
      if (!question) {
        problems.push(
          problem(
            { ...where, path: `${at}` },
            "unknown-reference",
            `unknown question ${quote(questionId)}${didYouMean(questionId, questionIds)}`,
          ),
        );
        continue;
      }
      const allowed = question.choices.map((c) => c.value);
      for (const value of values) {
        if (!allowed.includes(value))
          problems.push(
            problem(
              { ...where, path: `${at}.${questionId}` },
              "unknown-reference",
              `${quote(value)} is not one of ${allowed.join(", ")}${didYouMean(value, allowed)}`,
            ),
          );
      }
    }
  });
  return problems;
}

/** Problems with what rules and rows point at: questions, values and sources. */
function checkReferences(ruleSet: RuleSet): Problem[] {
  const problems: Problem[] = [];
  const optionIds = ruleSet.options.map((o) => o.id);
  for (const rule of ruleSet.rules) {
    const where: Where = { file: rule.file, entry: `rule "${rule.id}"` };
    const option = rule.effect.option;
    if (!optionIds.includes(option))
      problems.push(
        problem(
          { ...where, path: `effect.option` },
          "unknown-reference",
          `${quote(option)} is not one of ${optionIds.join(", ")}${didYouMean(option, optionIds)}`,
        ),
      );
    problems.push(
      ...clauseProblems(ruleSet, where, "when", rule.when),
      ...clauseProblems(ruleSet, where, "unless", rule.unless),
    );
    const sourceProblem = checkSource(rule.source, ruleSet.sources);
    if (sourceProblem) problems.push(problem({ ...where, path: `source` }, "unknown-source", sourceProblem));
    if (rule.remedy !== undefined && !isExclusion(rule.effect))
      problems.push(
        problem({ ...where, path: `remedy` }, "unknown-reference", `only an exclusion rule can have a remedy`),
      );
  }
  const questionIds = ruleSet.questions.map((q) => q.id);
  for (const q of ruleSet.questions) {
    const where: Where = { file: q.file, entry: `question "${q.id}"` };
    const values = q.choices.map((c) => c.value);
    if (q.default !== undefined && !values.includes(q.default))
      problems.push(
        problem(
          { ...where, path: `default` },
          "unknown-reference",
          `${quote(q.default)} is not one of ${values.join(", ")}${didYouMean(q.default, values)}`,
        ),
      );
    if (q.assume !== undefined && !values.includes(q.assume))
      problems.push(
        problem(
          { ...where, path: `assume` },
          "unknown-reference",
          `${quote(q.assume)} is not one of ${values.join(", ")}${didYouMean(q.assume, values)}`,
        ),
      );
    if (q.assume !== undefined && !q.optional)
      problems.push(
        problem(
          { ...where, path: `assume` },
          "unknown-reference",
          `only an optional question can have an assumed value; add "optional": true`,
        ),
      );
    if (q.defaultFrom !== undefined && (!questionIds.includes(q.defaultFrom) || q.defaultFrom === q.id)) {
      problems.push(
        problem(
          { ...where, path: `defaultFrom` },
          "unknown-reference",
          `${quote(q.defaultFrom)} is not another question${didYouMean(q.defaultFrom, questionIds)}`,
        ),
      );
    }
  }
  for (const t of ruleSet.tieBreaks) {
    const where: Where = { file: "rules/options.json", entry: `tie-break "${t.id}"` };
    problems.push(...clauseProblems(ruleSet, where, "when", t.when));
    if (t.order.length !== optionIds.length || !optionIds.every((o) => t.order.includes(o)))
      problems.push(
        problem({ ...where, path: `order` }, "unknown-reference", `must list each of ${optionIds.join(", ")} once`),
      );
    const sourceProblem = checkSource(t.source, ruleSet.sources);
    if (sourceProblem) problems.push(problem({ ...where, path: `source` }, "unknown-source", sourceProblem));
  }
  for (const row of ruleSet.comparison) {
    const cells = Object.keys(row.values);
    for (const cell of cells.filter((c) => !optionIds.includes(c)))
      problems.push(
        problem(
          { file: row.file, entry: `comparison row "${row.id}"` },
          "unknown-reference",
          `values.${cell}: not an option; options are ${optionIds.join(", ")}`,
        ),
      );
    for (const id of optionIds.filter((o) => !cells.includes(o)))
      problems.push(
        problem(
          { file: row.file, entry: `comparison row "${row.id}"` },
          "unknown-reference",
          `values.${id}: is required`,
        ),
      );
    const sourceProblem = checkSource(row.source, ruleSet.sources);
    if (sourceProblem)
      problems.push(
        problem(
          { file: row.file, entry: `comparison row "${row.id}"`, path: `source` },
          "unknown-reference",
          `${sourceProblem}`,
        ),
      );
    for (const [cell, refs] of Object.entries(row.cellSources ?? {})) {
      if (!optionIds.includes(cell))
        problems.push(
          problem(
            { file: row.file, entry: `comparison row "${row.id}"`, path: `cellSources.${cell}` },
            "unknown-reference",
            `not an option; options are ${optionIds.join(", ")}`,
          ),
        );
      for (const ref of refs) {
        const trouble = checkSource(ref, ruleSet.sources);
        if (trouble)
          problems.push(
            problem(
              { file: row.file, entry: `comparison row "${row.id}"`, path: `cellSources.${cell}` },
              "unknown-source",
              trouble,
            ),
          );
      }
    }
  }
  return problems;
}
