import { describe, expect, it } from "vitest";
import { outlook } from "../src/engine/certainty.js";
import { checkLimit, checkRuleSet, MAX_COMBINATIONS, MAX_WORK } from "../src/engine/check.js";
import { compile } from "../src/engine/compile.js";
import { evaluate } from "../src/engine/evaluate.js";
import { advise, marginOf, questionsThatMatter, whatIf } from "../src/engine/explain.js";
import type { Result } from "../src/engine/model.js";
import { choiceLabel, optionLabel, sourceInfo } from "../src/engine/sources.js";
import { valueProblem } from "../src/engine/values.js";
import { compiledSet, question, rule, ruleSet, tieBreak } from "./helpers/factory.js";

// One behaviour at a time, each worked out by hand from the rules written in the test.

const small = { size: "small", trust: "high" };

describe("what the result says about a tie", () => {
  it("names the conditional tie-break in force when the top two are equal", () => {
    const rules = [rule("a-plus", {}, ["a", 1]), rule("b-plus", {}, ["b", 1])];
    const tie = tieBreak("low-trust-prefers-b", { trust: "low" }, ["b", "a", "c"]);
    const c = compiledSet(rules, { tieBreaks: [tie] });
    // trust low: the conditional order holds, b wins the tie and the result says why.
    const low = evaluate(c, { size: "small", trust: "low" });
    expect(low.recommendation).toBe("b");
    expect(low.tieBreak).toEqual({ rule: "low-trust-prefers-b", text: "low-trust-prefers-b.", source: "test#section" });
    expect(low.options.map((o) => o.id)).toEqual(["b", "a", "c"]);
    // trust high: the default order, named as such.
    const high = evaluate(c, small);
    expect(high.recommendation).toBe("a");
    expect(high.tieBreak).toEqual({ rule: "default-order", text: "Ties go to the first option.", source: "" });
  });

  it("names no tie-break when the winner leads, or when the option it ties with is ruled out", () => {
    const leads = compiledSet([rule("a-plus", {}, ["a", 2]), rule("b-plus", {}, ["b", 1])]);
    expect(evaluate(leads, small).tieBreak).toBeUndefined();
    // a and b both score 0, but b is out and c scores less: a stands above the rest alone.
    const out = compiledSet([rule("b-out", {}, ["b", "exclude"]), rule("c-minus", {}, ["c", -1])]);
    expect(evaluate(out, small).options.map((o) => [o.id, o.score, o.eligible])).toEqual([
      ["a", 0, true],
      ["c", -1, true],
      ["b", 0, false],
    ]);
    expect(evaluate(out, small).tieBreak).toBeUndefined();
    // Only a is eligible; b, ruled out, has the same score: no tie to settle.
    const alone = compiledSet([rule("b-out", {}, ["b", "exclude"]), rule("c-out", {}, ["c", "exclude"])]);
    expect(evaluate(alone, small).options.map((o) => [o.id, o.score, o.eligible])).toEqual([
      ["a", 0, true],
      ["b", 0, false],
      ["c", 0, false],
    ]);
    expect(evaluate(alone, small).tieBreak).toBeUndefined();
  });

  it("records only the answers given, for the rule set's questions", () => {
    const c = compiledSet([]);
    expect(evaluate(c, { size: "small", other: "x" }).answers).toStrictEqual({ size: "small" });
  });
});

describe("rules with several `when` clauses", () => {
  // The engine treats a rule with one clause and a rule with several by different paths.
  it("rule their option out when any clause holds", () => {
    const c = compiledSet([rule("b-out", [{ size: "large" }, { trust: "low" }], ["b", "exclude"])]);
    expect(evaluate(c, { size: "small", trust: "low" }).options.find((o) => o.id === "b")!.eligible).toBe(false);
    expect(evaluate(c, { size: "large", trust: "high" }).options.find((o) => o.id === "b")!.eligible).toBe(false);
    expect(evaluate(c, small).options.find((o) => o.id === "b")!.eligible).toBe(true);
  });

  it("rule out two options together, as two rules", () => {
    const c = compiledSet([
      rule("a-out", [{ size: "large" }, { trust: "low" }], ["a", "exclude"]),
      rule("b-out", [{ size: "large" }, { trust: "low" }], ["b", "exclude"]),
    ]);
    expect(evaluate(c, { size: "large", trust: "low" }).recommendation).toBe("c");
  });

  it("do not apply when an `unless` clause holds", () => {
    const c = compiledSet([rule("c-plus", [{ size: "large" }, { trust: "low" }], ["c", 3], { size: "large" })]);
    // size large: a `when` holds but so does the `unless`.
    expect(evaluate(c, { size: "large", trust: "low" }).reasons).toEqual([]);
    expect(evaluate(c, { size: "large", trust: "low" }).recommendation).toBe("a");
    expect(evaluate(c, { size: "small", trust: "low" }).recommendation).toBe("c");
  });
});

describe("the margin", () => {
  const result = (scores: [string, number, boolean][]): Result => ({
    recommendation: scores[0]![0],
    options: scores.map(([id, score, eligible]) => ({ id, label: id, score, eligible })),
    reasons: [],
    answers: {},
  });

  it.each([
    [6, "clear"],
    [7, "clear"],
    [5, "moderate"],
    [3, "moderate"],
    [2, "narrow"],
    [0, "narrow"],
  ] as const)("calls a lead of %i points %s (6 or more clear, 3 or more moderate)", (points, verdict) => {
    expect(
      marginOf(
        result([
          ["a", points, true],
          ["b", 0, true],
          ["c", 99, false],
        ]),
      ),
    ).toEqual({ points, runnerUp: "b", verdict });
  });

  it("has no points when one option stands alone, and says none when nothing fits", () => {
    expect(
      marginOf(
        result([
          ["a", 1, true],
          ["b", 5, false],
        ]),
      ),
    ).toEqual({ points: null, runnerUp: null, verdict: "only-option" });
    expect(marginOf({ ...result([["a", 1, false]]), recommendation: null })).toEqual({
      points: null,
      runnerUp: null,
      verdict: "none",
    });
  });
});

describe("the lead over the runner-up", () => {
  it("is the winner's score minus the best other eligible score, not the last one in the order", () => {
    // a 5, b 1, c 3: the runner-up is c (3), so the lead is 2 whatever the tie order.
    const c = compiledSet(
      [
        rule("a", {}, ["a", 5]),
        rule("b", {}, ["b", 1]),
        rule("c", {}, ["c", 3]),
        rule("c-out", { trust: "low" }, ["c", "exclude"]),
      ],
      { tieBreak: ["a", "c", "b"] },
    );
    expect(outlook(c, small).lead).toBe(2);
    // With c ruled out, b is the runner-up.
    expect(outlook(c, { size: "small", trust: "low" }).lead).toBe(4);
    // Alone: no lead.
    const alone = compiledSet([rule("b-out", {}, ["b", "exclude"]), rule("c-out", {}, ["c", "exclude"])]);
    expect(outlook(alone, small).lead).toBeNull();
  });

  it("is read in the case shown when answers are unknown, and is what-ifs' margin", () => {
    const c = compiledSet([rule("a-small", { size: "small" }, ["a", 4]), rule("b-large", { size: "large" }, ["b", 1])]);
    // size unknown: a in the small case, b in the large one; a comes first in the tie-break
    // order and is eligible as often, so a is the advice and the case shown is size small.
    const view = outlook(c, { size: "unknown", trust: "high" });
    expect(view.recommendation).toBe("a");
    expect(view.representative).toEqual(small);
    expect(view.lead).toBe(4);
    // Changing trust does nothing; changing size (known small) to large makes b win by 1.
    expect(whatIf(c, small, "a")).toEqual([
      {
        question: "size",
        from: "small",
        answer: "large",
        recommendation: "b",
        margin: 1,
        forced: false,
        dependsOn: [],
      },
    ]);
  });
});

describe("what-ifs", () => {
  it("are other answers only, whatever the recommendation they are measured against", () => {
    const c = compiledSet([rule("b-large", { size: "large" }, ["b", 1])]);
    // Against "nothing", every answer that recommends something differs; the current one is still left out.
    expect(whatIf(c, small, null).map((w) => [w.question, w.from, w.answer])).toEqual([["size", "small", "large"]]);
  });

  it("say forced when the change rules the recommendation out, not when it only outscores it", () => {
    const c = compiledSet([
      rule("a-plus", {}, ["a", 2]),
      rule("a-out-large", { size: "large" }, ["a", "exclude"]),
      rule("b-low", { trust: "low" }, ["b", 5]),
    ]);
    expect(whatIf(c, small, "a")).toEqual([
      { question: "size", from: "small", answer: "large", recommendation: "b", margin: 0, forced: true, dependsOn: [] },
      { question: "trust", from: "high", answer: "low", recommendation: "b", margin: 3, forced: false, dependsOn: [] },
    ]);
  });
});

describe("questions worth asking", () => {
  it("come with one that alone decides the outcome first, even when listed after another", () => {
    // `site` is asked always (it describes the environment) and listed first, but cannot matter;
    // `size` alone decides. Ask `size` first.
    const questions = [question("site", ["east", "west"], { alwaysAsk: true }), question("size", ["small", "large"])];
    const c = compiledSet([rule("b-large", { size: "large" }, ["b", 1])], { questions });
    expect(questionsThatMatter(c, {}).map((q) => q.id)).toEqual(["size", "site"]);
    expect(advise(c, {}).certainty.dependsOn).toEqual([{ question: "size", byValue: { small: "a", large: "b" } }]);
  });
});

describe("checking a rule set", () => {
  const wide = (count: number) => Array.from({ length: count }, (_, i) => question(`q${i}`, ["yes", "no"]));
  const n = (x: number) => x.toLocaleString("en-US");

  it("refuses more combinations than a check can sweep", () => {
    // 2^26 = 67,108,864 combinations: over the bound.
    const c = compiledSet([rule("a-plus", {}, ["a", 1])], { questions: wide(26) });
    expect(2 ** 26).toBeGreaterThan(MAX_COMBINATIONS);
    expect(checkLimit(c)).toBe(
      `${n(2 ** 26)} combinations of answers is more than the ${n(MAX_COMBINATIONS)} a check can sweep; trim custom questions or values`,
    );
  });

  it("refuses combinations times rules beyond the work a check can do, and accepts just below", () => {
    // 2^25 = 33,554,432 combinations is under the bound; times 60 rules it is over 2 billion, times 59 under.
    // One rule reads every question, so none can be swept apart: each costs its full factor.
    const all = Object.fromEntries(wide(25).map((q) => [q.id, "yes"]));
    const rules = (count: number) =>
      Array.from({ length: count }, (_, i) => rule(`r${i}`, i === 0 ? all : {}, ["a", 1]));
    expect(2 ** 25 * 60).toBeGreaterThan(MAX_WORK);
    expect(2 ** 25 * 59).toBeLessThan(MAX_WORK);
    expect(checkLimit(compiledSet(rules(60), { questions: wide(25) }))).toBe(
      `${n(2 ** 25)} combinations times 60 rules is more than the ${n(MAX_WORK)} a check can sweep in reasonable time; check the policy in parts, or trim custom questions`,
    );
    expect(checkLimit(compiledSet(rules(59), { questions: wide(25) }))).toBeUndefined();
    expect(checkLimit(compiledSet([], { questions: wide(25) }))).toBeUndefined();
  });

  it("explains each finding in words, with the rule and its file", () => {
    const set = ruleSet([
      rule("never", { size: "small" }, ["b", 1], { size: "small" }),
      rule("large-only", { size: ["large"], trust: "low" }, ["c", 1], { trust: "low" }),
      rule("b-out", {}, ["b", "exclude"]),
      rule("b-plus", {}, ["b", 2]),
    ]);
    set.policy = {
      layers: [],
      overriddenHardFacts: [],
      addedValues: [
        { question: "size", value: "huge", file: "policy.json", ruledOut: ["b"] },
        { question: "size", value: "tiny", as: "small", file: "policy.json", ruledOut: [] },
      ],
    };
    const messages = checkRuleSet(compile(set)).findings.map((f) => [f.severity, f.kind, f.message]);
    expect(messages).toEqual([
      [
        "warning",
        "unknown-value",
        'value "huge" of --size (policy.json): no hard fact knows it and it has no "as", so it rules out b; give it "as": the existing value it behaves like',
      ],
      [
        "warning",
        "contradiction",
        'rule "never" (test.json): its "unless" cancels every "when", so it can never apply',
      ],
      [
        "warning",
        "contradiction",
        'rule "large-only" (test.json): its "unless" cancels every "when", so it can never apply',
      ],
      [
        "warning",
        "never-matters",
        'rule "b-plus" (test.json): it only applies when b is already ruled out, so it never changes a score that counts',
      ],
      ["warning", "unreachable-option", "option b is never recommended, whatever the answers"],
      ["warning", "unreachable-option", "option c is never recommended, whatever the answers"],
    ]);
  });

  it("counts the combinations where nothing fits, with up to three as examples", () => {
    const c = compiledSet(
      ["a", "b", "c"].map((o) => rule(`${o}-out`, { size: "small" }, [o, "exclude"])),
      {
        questions: [question("size", ["small", "large"]), question("zone", ["1", "2", "3", "4"])],
      },
    );
    const [finding] = checkRuleSet(c).findings;
    expect(finding).toEqual({
      severity: "info",
      kind: "nothing-fits",
      message:
        '4 combinations of answers leave no option eligible; advise reports them as "nothing fits", with every blocker and its remedy',
      count: 4,
      examples: expect.any(Array),
    });
    // At most three examples, each a combination where nothing fits (zone is swept apart, so the
    // sweep may meet fewer than three before it counts the rest by state).
    expect(finding!.examples.length).toBeGreaterThan(0);
    expect(finding!.examples.length).toBeLessThanOrEqual(3);
    for (const example of finding!.examples) expect(example).toMatchObject({ size: "small" });
  });
});

describe("sources and labels", () => {
  const set = ruleSet([]);
  set.sources[0]!.sections.push({ id: "anchored", title: "Anchored", anchor: "the-anchor" });

  it("links a section to its anchor when it has one, else to the page", () => {
    expect(sourceInfo(set, "test#anchored")).toEqual({
      ref: "test#anchored",
      page: "Test",
      section: "Anchored",
      url: "https://example.com/test#the-anchor",
      // An English rule set links English pages.
      linkLang: "en",
    });
    expect(sourceInfo(set, "test#section").url).toBe("https://example.com/test");
    expect(sourceInfo(set, "nowhere#thing")).toEqual({
      ref: "nowhere#thing",
      page: "nowhere",
      section: "thing",
      url: "",
      linkLang: "en",
    });
  });

  it("labels options and choices, falling back to the id", () => {
    expect(optionLabel(set, "b")).toBe("Option B");
    expect(optionLabel(set, "zz")).toBe("zz");
    expect(optionLabel(set, null)).toBe("nothing (every option is ruled out)");
    expect(choiceLabel(set, "trust", "low")).toBe("LOW");
    expect(choiceLabel(set, "trust", "mid")).toBe("mid");
    expect(choiceLabel(set, "nope", "low")).toBe("low");
  });
});

describe("a value given for a question", () => {
  const q = question("trust", ["high", "low"]);
  it("names what was given and the allowed values, with a near miss only for text", () => {
    expect(valueProblem(q, "low")).toBeUndefined();
    expect(valueProblem(q, "unknown")).toBeUndefined();
    expect(valueProblem(q, "lwo")).toBe('"lwo" is not one of high, low, unknown (did you mean low?)');
    expect(valueProblem(q, 5)).toBe("a number is not one of high, low, unknown");
    expect(valueProblem(q, null)).toBe("null is not one of high, low, unknown");
    expect(valueProblem(q, ["low"])).toBe("a list is not one of high, low, unknown");
    expect(valueProblem(q, { low: 1 })).toBe("an object is not one of high, low, unknown");
  });
});
