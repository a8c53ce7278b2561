import { describe, expect, it } from "vitest";
import { planApart } from "../src/engine/apart.js";
import { outlook, UNKNOWN } from "../src/engine/certainty.js";
import { checkRuleSet } from "../src/engine/check.js";
import { compile } from "../src/engine/compile.js";
import { evaluate } from "../src/engine/evaluate.js";
import type { Answers, Rule } from "../src/engine/model.js";
import { question, rule, ruleSet } from "./helpers/factory.js";
import { compiled } from "./helpers/shipped.js";

// Questions swept apart must give exactly what a sweep of every completion gives. The
// reference here is evaluate() on each completion, which never sweeps anything apart.

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number) {
  let a = seed + 0x6d2b79f5;
  return (n: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

function randomRuleSet(seed: number) {
  const next = random(seed);
  const questions = Array.from({ length: 5 }, (_, q) =>
    question(
      `q${q}`,
      Array.from({ length: 2 + next(2) }, (_, v) => `v${v}`),
    ),
  );
  const value = (q: number) => questions[q]!.choices[next(questions[q]!.choices.length)]!.value;
  const rules: Rule[] = Array.from({ length: 10 }, (_, i) => {
    const q = next(5);
    const when: Record<string, string> = { [`q${q}`]: value(q) };
    // Now and then a rule joins two questions, so the components vary from seed to seed.
    if (next(4) === 0) {
      const other = next(5);
      if (other !== q) when[`q${other}`] = value(other);
    }
    const option = ["a", "b", "c"][next(3)]!;
    const kind = next(10);
    const made = rule(`r${i}`, when, [option, kind < 2 ? "exclude" : next(7) - 3]);
    return kind === 2 ? { ...made, effect: { option, caution: true as const } } : made;
  });
  const tieBreaks =
    next(2) === 0
      ? [{ id: "t", when: [{ q0: ["v0"] }], order: ["c", "b", "a"], reason: "T.", source: "test#section" }]
      : [];
  return compile(ruleSet(rules, { questions, tieBreaks }));
}

function completions(c: ReturnType<typeof compile>, answers: Answers): Answers[] {
  let all: Answers[] = [{}];
  for (const q of c.ruleSet.questions) {
    const given = answers[q.id];
    const values = given === undefined || given === UNKNOWN ? q.choices.map((x) => x.value) : [given];
    all = all.flatMap((a) => values.map((v) => ({ ...a, [q.id]: v })));
  }
  return all;
}

describe("questions swept apart", () => {
  it("sweeps the shipped rules' scaling, network, host-type and identity apart", () => {
    const plan = planApart(
      compiled,
      compiled.questionIds.map((_, q) => q),
    )!;
    const apart = compiled.questionIds.filter((_, q) => plan.isApart[q] === 1);
    expect(apart).toEqual(["scaling", "network", "host-type", "identity"]);
  });

  it("sweeps something apart in most of the random rule sets below, so they test it", () => {
    const planned = Array.from({ length: 40 }, (_, seed) => randomRuleSet(seed)).filter((c) =>
      planApart(
        c,
        c.questionIds.map((_, q) => q),
      ),
    ).length;
    expect(planned).toBeGreaterThan(25);
  });

  it.each(Array.from({ length: 40 }, (_, seed) => seed))("gives the exact outlook and check, seed %i", (seed) => {
    const c = randomRuleSet(seed);
    const next = random(seed + 1000);
    const answers: Answers = {};
    for (const q of c.ruleSet.questions) if (next(3) === 0) answers[q.id] = q.choices[next(q.choices.length)]!.value;
    const cases = completions(c, answers).map((a) => ({ answers: a, result: evaluate(c, a) }));

    const view = outlook(c, answers);
    const outcomes: Record<string, number> = { a: 0, b: 0, c: 0, none: 0 };
    const eligible = [0, 0, 0];
    for (const { result } of cases) {
      outcomes[result.recommendation ?? "none"]!++;
      result.options.forEach((o) => {
        if (o.eligible) eligible[["a", "b", "c"].indexOf(o.id)]!++;
      });
    }
    expect(view.certainty.outcomes).toEqual(outcomes);
    expect(Array.from(view.eligible)).toEqual(eligible);
    // A question matters when two completions that differ only in it get different advice.
    const open = c.ruleSet.questions.filter((q) => answers[q.id] === undefined).map((q) => q.id);
    const advice = new Map(cases.map(({ answers: a, result }) => [JSON.stringify(a), result.recommendation]));
    const matters = open.filter((id) =>
      cases.some(({ answers: a, result }) =>
        c.ruleSet.questions
          .find((q) => q.id === id)!
          .choices.some((v) => advice.get(JSON.stringify({ ...a, [id]: v.value })) !== result.recommendation),
      ),
    );
    expect(view.certainty.dependsOn.map((d) => d.question).sort()).toEqual(matters.sort());
    // The case explained is a completion whose advice is the recommendation.
    expect(evaluate(c, view.representative).recommendation).toBe(view.recommendation);

    const report = checkRuleSet(c);
    const everything = completions(c, {}).map((a) => evaluate(c, a));
    const recommended: Record<string, number> = { a: 0, b: 0, c: 0, none: 0 };
    const fired = new Set<string>();
    const mattered = new Set<string>();
    for (const result of everything) {
      recommended[result.recommendation ?? "none"]!++;
      for (const r of result.reasons) {
        fired.add(r.rule);
        if (r.effect === "excluded" || result.options.find((o) => o.id === r.option)!.eligible) mattered.add(r.rule);
      }
    }
    expect(report.recommended).toEqual(recommended);
    const flagged = (kind: string) =>
      report.findings
        .filter((f) => f.kind === kind)
        .map((f) => f.rule)
        .sort();
    const ids = c.ruleSet.rules.map((r) => r.id);
    expect(flagged("never-fires")).toEqual(ids.filter((id) => !fired.has(id)).sort());
    expect(flagged("never-matters")).toEqual(ids.filter((id) => fired.has(id) && !mattered.has(id)).sort());
  });
});
