import { compile } from "../../src/engine/compile.js";
import type { Clause, Effect, Question, Rule, RuleSet } from "../../src/engine/model.js";

// Tiny rule sets for testing one behaviour at a time, in the style of json-rules-engine's
// rule factory: two questions, three options, and only the rules a test writes.

const question = (id: string, values: string[], extra: Partial<Question> = {}): Question => ({
  id,
  prompt: `${id}?`,
  help: "",
  topic: `the ${id}`,
  choices: values.map((value) => ({ value, label: value.toUpperCase(), meaning: value })),
  alwaysAsk: false,
  optional: false,
  file: "test.json",
  ...extra,
});

type Conditions = Record<string, string | string[]>;

/** A rule: `when` and `unless` as one clause or a list of them; the effect as [option, points | "exclude"]. */
export function rule(
  id: string,
  when: Conditions | Conditions[],
  [option, effect]: [string, number | "exclude"],
  unless: Conditions | Conditions[] = [],
): Rule {
  const clause = (c: Conditions): Clause =>
    Object.fromEntries(Object.entries(c).map(([q, v]) => [q, Array.isArray(v) ? v : [v]]));
  const list = (c: Conditions | Conditions[]) => (Array.isArray(c) ? c : [c]).map(clause);
  const shaped: Effect = effect === "exclude" ? { option, exclude: true } : { option, score: effect };
  return {
    id,
    when: list(when),
    unless: list(unless),
    effect: shaped,
    reason: `${id}.`,
    source: "test#section",
    file: "test.json",
  };
}

export function ruleSet(
  rules: Rule[],
  options: { questions?: Question[]; tieBreak?: string[]; tieBreaks?: RuleSet["tieBreaks"] } = {},
): RuleSet {
  return {
    options: ["a", "b", "c"].map((id) => ({ id, label: `Option ${id.toUpperCase()}`, short: id })),
    tieBreak: options.tieBreak ?? ["a", "b", "c"],
    tieBreakReason: "Ties go to the first option.",
    tieBreaks: options.tieBreaks ?? [],
    questions: options.questions ?? [question("size", ["small", "large"]), question("trust", ["high", "low"])],
    sources: [
      {
        id: "test",
        title: "Test",
        url: "https://example.com/test",
        sections: [{ id: "section", title: "Section" }],
        file: "test.json",
      },
    ],
    rules,
    comparison: [],
  };
}

export const compiledSet = (rules: Rule[], options?: Parameters<typeof ruleSet>[1]) => compile(ruleSet(rules, options));
export { question };
