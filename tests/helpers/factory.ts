import fc from "fast-check";
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
  options: {
    questions?: Question[];
    /** Option ids, in display order: a, b and c unless given. */
    options?: string[];
    tieBreak?: string[];
    tieBreaks?: RuleSet["tieBreaks"];
  } = {},
): RuleSet {
  const ids = options.options ?? ["a", "b", "c"];
  return {
    options: ids.map((id) => ({ id, label: `Option ${id.toUpperCase()}`, short: id })),
    tieBreak: options.tieBreak ?? ids,
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

/** A conditional tie-break order, for the factory's rule sets. */
export const tieBreak = (
  id: string,
  when: Conditions | Conditions[],
  order: string[],
): RuleSet["tieBreaks"][number] => ({
  id,
  when: rule(id, when, ["a", 0]).when,
  order,
  reason: `${id}.`,
  source: "test#section",
});

const OPTION_IDS = ["a", "b", "c", "d", "e", "f", "g", "h"];

/**
 * Random small rule sets through the factory: 2 to 8 options, 1 to 4 custom questions of 2 or 3
 * values, rules with several `when` clauses (an empty one holds always), `unless` clauses,
 * exclusions, small scores so that ties are common, and conditional tie-break orders.
 */
export function arbitraryRuleSet(): fc.Arbitrary<RuleSet> {
  return fc
    .record({
      optionCount: fc.integer({ min: 2, max: 8 }),
      sizes: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 1, maxLength: 4 }),
      // Questions that describe the environment are asked even when they cannot matter.
      alwaysAsk: fc.array(
        fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
        { minLength: 4, maxLength: 4 },
      ),
    })
    .chain(({ optionCount, sizes, alwaysAsk }) => {
      const options = OPTION_IDS.slice(0, optionCount);
      const questions = sizes.map((size, q) =>
        question(
          `q${q}`,
          Array.from({ length: size }, (_, v) => `v${v}`),
          { alwaysAsk: alwaysAsk[q]! },
        ),
      );
      const clause: fc.Arbitrary<Conditions> = fc
        .subarray(questions, { minLength: 0, maxLength: Math.min(2, questions.length) })
        .chain((named) =>
          fc
            .tuple(
              ...named.map((nq) =>
                fc.subarray(
                  nq.choices.map((c) => c.value),
                  { minLength: 1 },
                ),
              ),
            )
            .map((values) => Object.fromEntries(named.map((nq, i) => [nq.id, values[i]!]))),
        );
      const effect = fc.tuple(
        fc.constantFrom(...options),
        fc.oneof(
          { weight: 1, arbitrary: fc.constant("exclude" as const) },
          { weight: 3, arbitrary: fc.integer({ min: -3, max: 3 }) },
        ),
      );
      const ruleArb = fc.record({
        when: fc.array(clause, { minLength: 1, maxLength: 3 }),
        unless: fc.array(clause, { minLength: 0, maxLength: 2 }),
        effect,
      });
      const permutation = fc.shuffledSubarray(options, { minLength: optionCount, maxLength: optionCount });
      return fc
        .record({
          rules: fc.array(ruleArb, { minLength: 1, maxLength: 8 }),
          order: permutation,
          tieBreaks: fc.array(fc.tuple(fc.array(clause, { minLength: 1, maxLength: 2 }), permutation), {
            maxLength: 2,
          }),
        })
        .map(({ rules, order, tieBreaks }) =>
          ruleSet(
            rules.map((r, i) => rule(`r${i}`, r.when, r.effect, r.unless)),
            {
              questions,
              options,
              tieBreak: order,
              tieBreaks: tieBreaks.map(([when, o], i) => tieBreak(`t${i}`, when, o)),
            },
          ),
        );
    });
}

/** Answers to a rule set's questions: each one a value, "unknown", or left out. */
export function arbitraryAnswers(set: RuleSet, open = true): fc.Arbitrary<Record<string, string>> {
  return fc
    .tuple(
      ...set.questions.map((q) =>
        fc.constantFrom(...q.choices.map((c) => c.value), ...(open ? ["unknown", "(left out)"] : [])),
      ),
    )
    .map((values) =>
      Object.fromEntries(
        set.questions.map((q, i) => [q.id, values[i]!] as const).filter(([, v]) => v !== "(left out)"),
      ),
    );
}
