import { describe, expect, it } from "vitest";
import { compile } from "../src/engine/compile.js";
import { evaluate } from "../src/engine/evaluate.js";
import type { RuleSet } from "../src/engine/model.js";
import { RuleSetError } from "../src/errors.js";
import { problemLine } from "../src/problems.js";
import { buildRuleSet } from "../src/ruleset/layer.js";
import { checkRuleFile } from "../src/ruleset/validate.js";
import { rule, ruleSet } from "./helpers/factory.js";

// Layering rule files over a tiny base, one step at a time: what each kind of entry may do, and
// the message when it may not. The base: options a, b, c; questions size (small, large) and trust
// (high, low); a hard fact ruling b out on low trust, with a remedy; a preference for a when small.

function base(): RuleSet {
  const set = ruleSet([
    rule("b-out-low", { trust: "low" }, ["b", "exclude"]),
    rule("a-small", { size: "small" }, ["a", 2]),
  ]);
  set.rules[0]!.remedy = "Raise the trust.";
  set.rules[1]!.rationale = "Small fits a.";
  return set;
}

/** Tiers of files, each given as { file name: contents }. */
const layer = (...tiers: Record<string, unknown>[]) =>
  buildRuleSet(
    base(),
    tiers.map((files) => Object.entries(files).map(([file, data]) => ({ file, data: checkRuleFile(data, file) }))),
  );

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleSetError) return error.problems.map(problemLine);
    throw error;
  }
  return [];
}

const choice = (value: string, as?: string) => ({
  value,
  label: value.toUpperCase(),
  meaning: `the ${value} one`,
  ...(as ? { as } : {}),
});
const addTrust = (...choices: ReturnType<typeof choice>[]) => ({ questions: [{ id: "trust", choices }] });
const eligible = (set: RuleSet, answers: Record<string, string>) =>
  evaluate(compile(set), answers)
    .options.filter((o) => o.eligible)
    .map((o) => o.id);

describe("ids in one tier", () => {
  it("are peers: a second definition of a question, source, rule or row is a problem naming both files", () => {
    const entries = {
      questions: [{ id: "zone", prompt: "Zone?", choices: [choice("east")] }],
      sources: [{ id: "extra", title: "Extra", url: "https://example.com/x", sections: [{ id: "s", title: "S" }] }],
      rules: [
        { id: "c-east", when: { zone: "east" }, effect: { option: "c", score: 1 }, reason: "R.", source: "extra#s" },
      ],
      comparison: [{ id: "row", feature: "F", source: "extra#s", values: { a: "1", b: "2", c: "3" } }],
    };
    expect(problemsOf(() => layer({ "one.json": entries, "two.json": entries }))).toEqual([
      'two.json: question "zone": duplicate id (also defined in one.json)',
      'two.json: source "extra": duplicate id (also defined in one.json)',
      'two.json: rule "c-east": duplicate id (also defined in one.json)',
      'two.json: comparison row "row": duplicate id (also defined in one.json)',
    ]);
    // In a later tier, the same rule and row replace the earlier ones.
    const replacing = { rules: entries.rules, comparison: entries.comparison };
    const set = layer({ "one.json": entries }, { "two.json": replacing });
    expect(set.rules.find((r) => r.id === "c-east")!.file).toBe("two.json");
    expect(set.comparison.map((r) => [r.id, r.file])).toEqual([["row", "two.json"]]);
  });

  it("start afresh in each tier", () => {
    const file = { rules: [{ id: "a-small", effect: { option: "a", score: 3 } }] };
    expect(layer({ "one.json": file }, { "two.json": file }).rules.find((r) => r.id === "a-small")!.effect).toEqual({
      option: "a",
      score: 3,
    });
  });
});

describe("questions", () => {
  it("need a prompt when new, may not say `as`, and list each value once", () => {
    expect(
      problemsOf(() =>
        layer({
          "p.json": { questions: [{ id: "zone", choices: [choice("east", "west"), choice("east")] }] },
        }),
      ),
    ).toEqual([
      'p.json: question "zone": choices: value "east" is listed twice',
      'p.json: question "zone": choices: value "east": as: only a value added to an existing question can say which value it behaves like',
      'p.json: question "zone": prompt: is required for a new question',
    ]);
  });

  it("come whole when new, with defaults for what is left out", () => {
    const set = layer({ "p.json": { questions: [{ id: "zone", prompt: "Zone?", choices: [choice("east")] }] } });
    expect(set.questions.find((q) => q.id === "zone")).toEqual({
      id: "zone",
      prompt: "Zone?",
      help: "",
      topic: "the answer to --zone",
      choices: [{ value: "east", label: "EAST", meaning: "the east one" }],
      alwaysAsk: false,
      optional: false,
      file: "p.json",
    });
  });

  it("keep their values and texts when a later layer restates them, and take the new ones", () => {
    const set = layer({
      "p.json": {
        questions: [
          { id: "size", topic: "the size", default: "large", choices: [choice("small"), choice("huge", "large")] },
        ],
      },
    });
    const size = set.questions.find((q) => q.id === "size")!;
    expect(size).toEqual({
      ...base().questions[0],
      topic: "the size",
      default: "large",
      choices: [...base().questions[0]!.choices, { value: "huge", label: "HUGE", meaning: "the huge one" }],
    });
    expect(set.policy!.addedValues).toEqual([
      { question: "size", value: "huge", as: "large", file: "p.json", ruledOut: [] },
    ]);
  });
});

describe('values added with "as"', () => {
  it("must name a value the question had before", () => {
    expect(problemsOf(() => layer({ "p.json": addTrust(choice("partner", "hgih")) }))).toEqual([
      'p.json: question "trust": choices: value "partner": as: "hgih" is not one of high, low (did you mean high?)',
    ]);
  });

  it("may not name a value that was itself added without `as`, whose rules nobody knows", () => {
    expect(
      problemsOf(() =>
        layer({ "one.json": addTrust(choice("partner")) }, { "two.json": addTrust(choice("ally", "partner")) }),
      ),
    ).toEqual([
      'two.json: question "trust": choices: value "ally": as: "partner" was itself added without "as"; name a value it behaves like that the shipped rules know',
    ]);
  });

  it("may name a value that was itself added with `as`, and then behave like that one's model", () => {
    const set = layer(
      { "one.json": addTrust(choice("partner", "low")) },
      { "two.json": addTrust(choice("ally", "partner")) },
    );
    // low rules b out; partner is like low, ally like partner.
    for (const trust of ["low", "partner", "ally"])
      expect(eligible(set, { size: "large", trust }), trust).toEqual(["a", "c"]);
    expect(eligible(set, { size: "large", trust: "high" })).toEqual(["a", "b", "c"]);
  });

  it("without `as`, rule out what a hard fact governs through the question, with a remedy naming the known values", () => {
    const set = layer({ "p.json": addTrust(choice("partner")) });
    expect(eligible(set, { size: "large", trust: "partner" })).toEqual(["a", "c"]);
    expect(set.policy!.addedValues).toEqual([{ question: "trust", value: "partner", file: "p.json", ruledOut: ["b"] }]);
    const added = set.rules.find((r) => r.id === "unknown-trust-partner-rules-out-b")!;
    expect(added.remedy).toBe(
      'In p.json, give the value "as": the existing answer it behaves like (one of high, low).',
    );
    expect(added.source).toBe("test#section");
    // The words: the value's label, the file, the question's topic and the option's label.
    expect(added.reason).toBe(
      '"PARTNER", an answer p.json adds to the trust, does not say which existing answer it is like, so the hard facts about Option B cannot tell whether they hold.',
    );
  });

  it("say when the id of the rule that fails closed is taken", () => {
    const taken = {
      rules: [
        {
          id: "unknown-trust-partner-rules-out-b",
          effect: { option: "c", score: 1 },
          reason: "R.",
          source: "test#section",
        },
      ],
    };
    expect(problemsOf(() => layer({ "p.json": { ...addTrust(choice("partner")), ...taken } }))).toEqual([
      'p.json: question "trust": value "partner": the rule id "unknown-trust-partner-rules-out-b" is taken; vmvc needs it to rule b out for this value',
    ]);
  });
});

describe("sources", () => {
  it("may only be added, never redefined", () => {
    const page = { id: "test", title: "Again", url: "https://example.com/t", sections: [{ id: "s", title: "S" }] };
    expect(problemsOf(() => layer({ "p.json": { sources: [page] } }))).toEqual([
      'p.json: source "test": a page with this id already exists; pick a new id',
    ]);
  });
});

describe("disabling rules", () => {
  it("removes a preference, and names a rule that does not exist with a near miss", () => {
    expect(layer({ "p.json": { disable: ["a-small"] } }).rules.map((r) => r.id)).toEqual(["b-out-low"]);
    expect(problemsOf(() => layer({ "p.json": { disable: ["a-smal"] } }))).toEqual([
      'p.json: disable "a-smal": no such rule (did you mean a-small?)',
    ]);
  });

  it("removes a hard fact only on purpose, and records that it did", () => {
    expect(problemsOf(() => layer({ "p.json": { disable: ["b-out-low"] } }))).toEqual([
      'p.json: disable "b-out-low": this rule is a hard fact (it excludes b); to disable it anyway, write { "id": "b-out-low", "override": "hard-fact" }',
    ]);
    const set = layer({ "p.json": { disable: [{ id: "b-out-low", override: "hard-fact" }] } });
    expect(set.rules.map((r) => r.id)).toEqual(["a-small"]);
    expect(set.policy!.overriddenHardFacts).toEqual([{ rule: "b-out-low", file: "p.json" }]);
  });
});

describe("rules", () => {
  it("need an effect, a reason and a source when new", () => {
    expect(problemsOf(() => layer({ "p.json": { rules: [{ id: "fresh", when: { size: "large" } }] } }))).toEqual([
      'p.json: rule "fresh": effect: is required',
      'p.json: rule "fresh": reason: is required',
      'p.json: rule "fresh": source: is required',
    ]);
  });

  it("hold always when new without `when`, and never meet `unless` without one", () => {
    const set = layer({
      "p.json": {
        rules: [{ id: "c-always", effect: { option: "c", score: 5 }, reason: "R.", source: "test#section" }],
      },
    });
    const added = set.rules.find((r) => r.id === "c-always")!;
    expect([added.when.map((c) => Object.keys(c)), added.unless]).toEqual([[[]], []]);
    expect(evaluate(compile(set), { size: "small", trust: "high" }).recommendation).toBe("c");
  });

  it("keep what a replacement leaves out: conditions, reason, source, rationale", () => {
    const set = layer({ "p.json": { rules: [{ id: "a-small", effect: { option: "a", score: 4 } }] } });
    expect(set.rules.find((r) => r.id === "a-small")).toEqual({
      ...base().rules[1],
      effect: { option: "a", score: 4 },
      file: "p.json",
    });
  });

  it("replace a hard fact only on purpose, keeping its remedy while it still excludes", () => {
    expect(problemsOf(() => layer({ "p.json": { rules: [{ id: "b-out-low", when: { trust: "high" } }] } }))).toEqual([
      'p.json: rule "b-out-low": replaces a hard fact from test.json (it excludes b); add "override": "hard-fact" to do so on purpose',
    ]);
    const narrowed = layer({
      "p.json": { rules: [{ id: "b-out-low", when: { size: "large" }, override: "hard-fact" }] },
    });
    const fact = narrowed.rules.find((r) => r.id === "b-out-low")!;
    expect([fact.when, fact.effect, fact.remedy]).toEqual([
      [{ size: ["large"] }],
      { option: "b", exclude: true },
      "Raise the trust.",
    ]);
    expect(narrowed.policy!.overriddenHardFacts).toEqual([{ rule: "b-out-low", file: "p.json" }]);
    // Turned into a preference, a remedy no longer applies.
    const softened = layer({
      "p.json": { rules: [{ id: "b-out-low", effect: { option: "b", score: -3 }, override: "hard-fact" }] },
    });
    expect(softened.rules.find((r) => r.id === "b-out-low")!.remedy).toBeUndefined();
  });
});

describe("comparison rows", () => {
  it("need a cell for each option and none for anything else", () => {
    const row = { id: "row", feature: "F", source: "test#section", values: { a: "1", b: "2", c: "3", vm: "4" } };
    expect(problemsOf(() => layer({ "p.json": { comparison: [row] } }))).toEqual([
      'p.json: comparison row "row": values.vm: not an option; options are a, b, c',
    ]);
  });
});

describe("the policy record", () => {
  it("is absent for the base alone and present once anything is layered", () => {
    expect(buildRuleSet(base(), []).policy).toBeUndefined();
    expect(layer({}).policy).toEqual({ layers: [], overriddenHardFacts: [], addedValues: [] });
  });
});

describe("the problems of one file", () => {
  it("come in one list, questions first, then sources, disables, rules and rows", () => {
    const problems = problemsOf(() =>
      layer({
        "p.json": {
          comparison: [{ id: "row", feature: "F", source: "test#section", values: { a: "1", b: "2" } }],
          rules: [{ id: "fresh", when: { size: "large" }, effect: { option: "a", score: 1 }, reason: "R." }],
          disable: ["nothing"],
          sources: [{ id: "test", title: "T", url: "https://example.com/t", sections: [{ id: "s", title: "S" }] }],
          questions: [{ id: "zone", choices: [choice("east")] }],
        },
      }),
    );
    expect(problems).toEqual([
      'p.json: question "zone": prompt: is required for a new question',
      'p.json: source "test": a page with this id already exists; pick a new id',
      'p.json: disable "nothing": no such rule',
      'p.json: rule "fresh": source: is required',
      'p.json: comparison row "row": values.c: is required',
    ]);
  });
});
