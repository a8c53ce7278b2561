import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { outlook, UNKNOWN } from "../src/engine/certainty.js";
import { checkRuleSet } from "../src/engine/check.js";
import { createScratch, decode, evaluate, recommendIndex, sweep } from "../src/engine/evaluate.js";
import { advise, skippableQuestions, whatIf, withAssumptions } from "../src/engine/explain.js";
import type { Answers, Rule, RuleSet } from "../src/engine/model.js";
import { isExclusion, pointsOf } from "../src/engine/model.js";
import { compiledSet, question, rule } from "./helpers/factory.js";
import { baseAnswers, compiled, shipped } from "./helpers/shipped.js";

const answersArb = fc.record(
  Object.fromEntries(shipped.questions.map((q) => [q.id, fc.constantFrom(...q.choices.map((c) => c.value))])) as Record<
    string,
    fc.Arbitrary<string>
  >,
);

/** A deliberately naive reading of the rule data, to hold the compiled engine to. */
function reference(
  ruleSet: RuleSet,
  answers: Answers,
): { scores: Record<string, number>; eligible: Set<string>; recommendation: string | null } {
  const applies = (r: Rule) => {
    const holds = (clause: Record<string, string[]>) =>
      Object.entries(clause).every(([q, vs]) => vs.includes(answers[q]!));
    return r.when.some(holds) && !r.unless.some(holds);
  };
  const scores: Record<string, number> = Object.fromEntries(ruleSet.options.map((o) => [o.id, 0]));
  const eligible = new Set(Object.keys(scores));
  for (const r of ruleSet.rules.filter(applies)) {
    if (isExclusion(r.effect)) eligible.delete(r.effect.option);
    else scores[r.effect.option]! += pointsOf(r.effect);
  }
  const holds = (clause: Record<string, string[]>) =>
    Object.entries(clause).every(([q, vs]) => vs.includes(answers[q]!));
  const order = ruleSet.tieBreaks.find((t) => t.when.some(holds))?.order ?? ruleSet.tieBreak;
  let recommendation: string | null = null;
  for (const id of order) {
    if (eligible.has(id) && (recommendation === null || scores[id]! > scores[recommendation]!)) recommendation = id;
  }
  return { scores, eligible, recommendation };
}

const YEARS = ["2016", "2019", "2022", "2025"];
const processAllowed = (host: string, guest: string) => guest === host || (host === "2025" && guest === "2022");
const hypervAllowed = (host: string, guest: string) =>
  YEARS.includes(guest) && YEARS.indexOf(guest) <= YEARS.indexOf(host);

/**
 * The whole-space sweeps hold the optional questions with an assumed value at it, as advise
 * does when they are left out (933,120 answer sets); their own facts are tested in truth.test.ts.
 */
const FIXED = Int32Array.from(shipped.questions, (q) =>
  q.assume === undefined ? -1 : q.choices.findIndex((c) => c.value === q.assume),
);
const sizeOf = (id: string): number => {
  const q = shipped.questions.findIndex((x) => x.id === id);
  return FIXED[q] === -1 ? shipped.questions[q]!.choices.length : 1;
};

/** Scores of every combination, in sweep order; computed once, by whichever test asks first. */
let sweptSpace: { total: number; scores: Int16Array[]; best: Int8Array } | undefined;
function space() {
  if (sweptSpace) return sweptSpace;
  const total = shipped.questions.reduce((n, q) => n * sizeOf(q.id), 1);
  const scores = shipped.options.map(() => new Int16Array(total));
  const best = new Int8Array(total);
  let i = 0;
  sweep(
    compiled,
    (_codes, b, scratch) => {
      scores.forEach((s, o) => (s[i] = scratch.scores[o]!));
      best[i++] = b;
    },
    FIXED,
  );
  return (sweptSpace = { total, scores, best });
}
const optionIndex = (id: string) => shipped.options.findIndex((o) => o.id === id);
const strideOf = (id: string) =>
  shipped.questions.slice(shipped.questions.findIndex((q) => q.id === id) + 1).reduce((n, q) => n * sizeOf(q.id), 1);

describe("the whole answer space", () => {
  it("has 933,120 combinations with the assumed questions at their assumed values (466,560 for the 11 required questions, times 2 editions), and every one obeys the invariants and the hard facts", () => {
    const violations: string[] = [];
    const count = sweep(
      compiled,
      (codes, best, scratch) => {
        const answers = decode(compiled, codes);
        const fail = (what: string) => {
          if (violations.length < 5) violations.push(`${what}: ${JSON.stringify(answers)}`);
        };
        const eligible = (id: string) => (scratch.excluded & (1 << optionIndex(id))) === 0;
        if (best !== -1 && !eligible(shipped.options[best]!.id)) fail("recommendation not eligible");
        for (const opt of shipped.options)
          if (best !== -1 && eligible(opt.id) && scratch.scores[optionIndex(opt.id)]! > scratch.scores[best]!)
            fail("a better eligible option");
        const { "guest-os": guest, "host-os": host, workload, boundary, deploy } = answers as Record<string, string>;
        const onlyVm = !eligible("container") && !eligible("hyperv-container");
        if ((guest === "linux" || guest === "other") && !onlyVm) fail("fact 1: non-Windows guest");
        if (eligible("container") && !processAllowed(host!, guest!)) fail("fact 2: process isolation matrix");
        if (YEARS.includes(guest!) && !hypervAllowed(host!, guest!) && eligible("hyperv-container"))
          fail("fact 3: image newer than host");
        if ((workload === "gui" || workload === "infrastructure") && !onlyVm) fail("fact 4: GUI or server role");
        if (boundary === "hostile" && eligible("container")) fail("fact 5: hostile tenants");
        if (deploy === "kubernetes" && eligible("hyperv-container")) fail("fact 6: Kubernetes");
        if (deploy === "kubernetes" && host === "2016" && !onlyVm && eligible("container"))
          fail("fact 7: Kubernetes on 2016");
        const vmSupported = !(
          (guest === "2025" && (host === "2016" || host === "2019")) ||
          (guest === "2022" && host === "2016")
        );
        if (eligible("vm") !== vmSupported) fail("fact 8: Hyper-V guest support");
        if ((best === -1) !== shipped.options.every((o) => !eligible(o.id)))
          fail("nothing fits exactly when every option is ruled out");
      },
      FIXED,
    );
    expect(count).toBe(933_120);
    expect(violations).toEqual([]);
  });

  it("agrees with a naive reading of the rules on a large sample", () => {
    const scratch = createScratch(compiled);
    let checked = 0;
    sweep(
      compiled,
      (codes) => {
        if (checked++ % 97 !== 0) return;
        const answers = decode(compiled, codes);
        const best = recommendIndex(compiled, codes, scratch);
        const expected = reference(shipped, answers);
        expect(best === -1 ? null : shipped.options[best]!.id).toBe(expected.recommendation);
        for (const opt of shipped.options) expect(scratch.scores[optionIndex(opt.id)]).toBe(expected.scores[opt.id]);
      },
      FIXED,
    );
    expect(checked).toBe(933_120);
  });

  it("never favours process isolation over Hyper-V isolation more as the tenants grow less trusted", () => {
    const { total, scores } = space();
    const s = strideOf("boundary");
    expect(shipped.questions.find((q) => q.id === "boundary")!.choices.map((c) => c.value)).toEqual([
      "trusted",
      "internal",
      "hostile",
    ]);
    const gap = (i: number) => scores[optionIndex("container")]![i]! - scores[optionIndex("hyperv-container")]![i]!;
    let bad = 0;
    let compared = 0;
    for (let i = 0; i < total; i++) {
      if (Math.floor(i / s) % 3 !== 0) continue;
      compared++;
      if (!(gap(i) >= gap(i + s) && gap(i + s) >= gap(i + 2 * s))) bad++;
    }
    expect(compared).toBe(total / 3);
    expect(bad).toBe(0);
  });

  it("never lowers the containers against VMs when the load turns elastic", () => {
    const { total, scores } = space();
    const s = strideOf("scaling");
    expect(shipped.questions.find((q) => q.id === "scaling")!.choices.map((c) => c.value)).toEqual([
      "steady",
      "elastic",
    ]);
    const vm = scores[optionIndex("vm")]!;
    let bad = 0;
    for (let i = 0; i < total; i++) {
      if (Math.floor(i / s) % 2 !== 0) continue;
      for (const id of ["container", "hyperv-container"]) {
        const o = scores[optionIndex(id)]!;
        if (o[i + s]! - vm[i + s]! < o[i]! - vm[i]!) bad++;
      }
    }
    expect(bad).toBe(0);
  });

  /** Pairs of combinations that differ only in `question`, going from value `from` to value `to`. */
  function pairs(question: string, from: string, to: string, visit: (before: number, after: number) => void): number {
    const { total } = space();
    const q = shipped.questions.find((x) => x.id === question)!;
    const s = strideOf(question);
    const size = q.choices.length;
    const a = q.choices.findIndex((c) => c.value === from);
    const b = q.choices.findIndex((c) => c.value === to);
    let count = 0;
    for (let i = 0; i < total; i++) {
      if (Math.floor(i / s) % size !== a) continue;
      visit(i, i + (b - a) * s);
      count++;
    }
    return count;
  }
  const vm = () => optionIndex("vm");

  it.each([
    ["low", "medium"],
    ["medium", "high"],
  ])("never moves the advice towards the VM when density rises from %s to %s", (from, to) => {
    const { scores, best } = space();
    let bad = 0;
    const n = pairs("density", from, to, (before, after) => {
      // No option loses ground on the VM, and a non-VM advice never turns into the VM.
      for (const o of ["container", "hyperv-container"].map(optionIndex)) {
        if (scores[o]![after]! - scores[vm()]![after]! < scores[o]![before]! - scores[vm()]![before]!) bad++;
      }
      if (best[before] !== vm() && best[after] === vm()) bad++;
    });
    expect(n).toBe(space().total / 3);
    expect(bad).toBe(0);
  });

  it.each(["manual", "scripted"].flatMap((from) => ["docker", "swarm", "kubernetes"].map((to) => [from, to])))(
    "never moves the advice towards the VM when the deploy changes from %s to %s",
    (from, to) => {
      const { scores, best } = space();
      let bad = 0;
      pairs("deploy", from, to, (before, after) => {
        for (const o of ["container", "hyperv-container"].map(optionIndex)) {
          // Kubernetes rules Hyper-V isolation out; its score then no longer counts.
          if (to === "kubernetes" && o === optionIndex("hyperv-container")) continue;
          if (scores[o]![after]! - scores[vm()]![after]! < scores[o]![before]! - scores[vm()]![before]!) bad++;
        }
        if (best[before] !== vm() && best[after] === vm() && to !== "kubernetes") bad++;
      });
      expect(bad).toBe(0);
    },
  );

  it("lets the edition weigh on the VM and on Hyper-V isolation alike, so it never decides between them", () => {
    const { scores } = space();
    let bad = 0;
    pairs("edition", "datacenter", "standard", (before, after) => {
      const hyperv = optionIndex("hyperv-container");
      const vmDrop = scores[vm()]![before]! - scores[vm()]![after]!;
      const hypervDrop = scores[hyperv]![before]! - scores[hyperv]![after]!;
      // A Linux guest's VM uses no Windows licence, and then only Hyper-V isolation (ruled out anyway) pays.
      if (vmDrop !== hypervDrop && vmDrop !== 0) bad++;
    });
    expect(bad).toBe(0);
  });

  it("reaches every option and fires every rule", () => {
    const report = checkRuleSet(compiled);
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    for (const opt of shipped.options) expect(report.recommended[opt.id]).toBeGreaterThan(0);
  });
});

describe("hard facts, scenario by scenario", () => {
  const eligibleFor = (answers: Answers) =>
    evaluate(compiled, answers)
      .options.filter((o) => o.eligible)
      .map((o) => o.id)
      .sort();
  const scenarios: [string, Partial<Answers>, string[], string][] = [
    ["1. a Linux guest", { "guest-os": "linux" }, ["vm"], "non-windows-guest-excludes-process-isolation"],
    ["1. another OS", { "guest-os": "other", deploy: "docker" }, ["vm"], "non-windows-guest-excludes-hyperv-isolation"],
    [
      "2. a 2019 image on a 2022 host",
      { "guest-os": "2019", deploy: "docker" },
      ["hyperv-container", "vm"],
      "process-isolation-on-2022-host",
    ],
    [
      "2. a 2022 image on a 2025 host runs process-isolated",
      { "host-os": "2025", "guest-os": "2022", deploy: "docker" },
      ["container", "hyperv-container", "vm"],
      "",
    ],
    [
      "2. a 2016 image on a 2025 host",
      { "host-os": "2025", "guest-os": "2016", deploy: "swarm" },
      ["hyperv-container", "vm"],
      "process-isolation-on-2025-host",
    ],
    [
      "3. a 2025 image on a 2022 host",
      { "guest-os": "2025", deploy: "docker" },
      ["vm"],
      "hyperv-isolation-on-2022-host",
    ],
    [
      "3. a 2019 image on a 2016 host",
      { "host-os": "2016", "guest-os": "2019", deploy: "docker" },
      ["vm"],
      "hyperv-isolation-on-2016-host",
    ],
    ["4. a desktop app", { workload: "gui", deploy: "docker" }, ["vm"], "desktop-apps-exclude-hyperv-isolation"],
    [
      "4. a server role",
      { workload: "infrastructure", deploy: "docker" },
      ["vm"],
      "server-roles-exclude-process-isolation",
    ],
    [
      "5. hostile tenants",
      { boundary: "hostile", deploy: "docker" },
      ["hyperv-container", "vm"],
      "hostile-excludes-process-isolation",
    ],
    ["6. Kubernetes", { deploy: "kubernetes" }, ["container", "vm"], "kubernetes-excludes-hyperv-isolation"],
    [
      "5 and 6 together leave the VM",
      { boundary: "hostile", deploy: "kubernetes" },
      ["vm"],
      "kubernetes-excludes-hyperv-isolation",
    ],
  ];
  it.each(scenarios)("%s", (_name, change, eligible, ruleId) => {
    const answers = { ...baseAnswers, ...change } as Answers;
    expect(eligibleFor(answers)).toEqual([...eligible].sort());
    if (ruleId) {
      const reason = evaluate(compiled, answers).reasons.find((r) => r.rule === ruleId)!;
      expect(reason.effect).toBe("excluded");
    }
  });
});

describe("the engine on tiny rule sets", () => {
  const small = { size: "small", trust: "high" };

  it("breaks a tie by the tie-break order, whichever rule came first", () => {
    const rules = [rule("b-plus", {}, ["b", 2]), rule("a-plus", {}, ["a", 2])];
    expect(evaluate(compiledSet(rules), small).recommendation).toBe("a");
    expect(evaluate(compiledSet(rules, { tieBreak: ["b", "a", "c"] }), small).recommendation).toBe("b");
  });

  it("applies a rule only when no `unless` clause holds", () => {
    const c = compiledSet([rule("b-unless-low", { size: "small" }, ["b", 5], { trust: "low" })]);
    expect(evaluate(c, small).recommendation).toBe("b");
    expect(evaluate(c, { size: "small", trust: "low" }).recommendation).toBe("a");
    expect(evaluate(c, { size: "small", trust: "low" }).reasons).toEqual([]);
  });

  it("holds a rule with several `when` clauses when any one of them holds", () => {
    const c = compiledSet([rule("c-either", [{ size: "large" }, { trust: "low" }], ["c", 1])]);
    expect(evaluate(c, { size: "small", trust: "low" }).recommendation).toBe("c");
    expect(evaluate(c, { size: "large", trust: "high" }).recommendation).toBe("c");
    expect(evaluate(c, small).recommendation).toBe("a");
  });

  it("recommends nothing when every option is ruled out, and lists every blocker", () => {
    const c = compiledSet(["a", "b", "c"].map((o) => rule(`no-${o}`, { size: "small" }, [o, "exclude"])));
    const advice = advise(c, small);
    expect(advice.recommendation).toBeNull();
    expect(advice.excluded.map((e) => e.reasons.map((r) => r.rule))).toEqual([["no-a"], ["no-b"], ["no-c"]]);
    expect(advice.margin.verdict).toBe("none");
    expect(checkRuleSet(c).recommended.none).toBe(2);
  });

  it("never counts points on an option that is ruled out", () => {
    const c = compiledSet([
      rule("a-out", {}, ["a", "exclude"]),
      rule("a-big", {}, ["a", 50]),
      rule("b-small", {}, ["b", 1]),
    ]);
    expect(evaluate(c, small).recommendation).toBe("b");
  });
});

/** The outcome of every completion, the slow way: for each unknown question, try every value. */
function bruteForce(answers: Answers) {
  const unknown = shipped.questions.filter((q) => answers[q.id] === UNKNOWN);
  const completions: { answers: Answers; recommendation: string | null }[] = [];
  const walk = (i: number, current: Answers) => {
    if (i === unknown.length) {
      completions.push({ answers: current, recommendation: evaluate(compiled, current).recommendation });
      return;
    }
    for (const c of unknown[i]!.choices) walk(i + 1, { ...current, [unknown[i]!.id]: c.value });
  };
  walk(0, answers);
  return { unknown, completions };
}

describe("unknown answers", () => {
  const withUnknowns = fc
    .tuple(
      answersArb,
      fc.subarray(
        shipped.questions.map((q) => q.id),
        { maxLength: 4 },
      ),
    )
    .map(([answers, unknown]) => {
      const mixed: Answers = { ...answers };
      for (const id of unknown) mixed[id] = UNKNOWN;
      return mixed;
    });

  it("matches a brute-force reference: share, nothing fits, and what the advice depends on", () => {
    fc.assert(
      fc.property(withUnknowns, (answers) => {
        const { unknown, completions } = bruteForce(answers);
        const view = outlook(compiled, answers);
        expect(view.certainty.combinations).toBe(completions.length);
        const tally = new Map<string | null, number>();
        for (const c of completions) tally.set(c.recommendation, (tally.get(c.recommendation) ?? 0) + 1);
        expect(view.certainty.share).toBeCloseTo((tally.get(view.recommendation) ?? 0) / completions.length, 10);
        expect(view.certainty.nothingFits).toBe(tally.get(null) ?? 0);
        // The recommendation is an outcome no other outcome beats on count.
        const fits = [...tally].filter(([id]) => id !== null).map(([, n]) => n);
        if (fits.length === 0) expect(view.recommendation).toBeNull();
        else expect(Math.max(...fits)).toBe(tally.get(view.recommendation));
        for (const q of unknown) {
          const entry = view.certainty.dependsOn.find((d) => d.question === q.id);
          // It matters iff two completions that differ only in q have different outcomes.
          const others = (a: Answers) => JSON.stringify({ ...a, [q.id]: "" });
          const groups = new Map<string, Set<string | null>>();
          for (const c of completions)
            groups.set(others(c.answers), (groups.get(others(c.answers)) ?? new Set()).add(c.recommendation));
          expect(entry !== undefined, q.id).toBe([...groups.values()].some((g) => g.size > 1));
          if (!entry) continue;
          const byValue = new Map<string, Set<string | null>>();
          for (const c of completions)
            byValue.set(c.answers[q.id]!, (byValue.get(c.answers[q.id]!) ?? new Set()).add(c.recommendation));
          const decisive = [...byValue.values()].every((s) => s.size === 1);
          if (decisive) expect(entry.byValue).toEqual(Object.fromEntries([...byValue].map(([v, s]) => [v, [...s][0]])));
          else expect(entry.mixed).toBe(true);
        }
        // The case shown is one of the completions, and its advice is the recommendation.
        expect(evaluate(compiled, view.representative).recommendation).toBe(view.recommendation);
      }),
      { numRuns: 150 },
    );
  });

  it("evaluates all 25,194,240 completions when every answer is unknown, with the shares rules check counts", () => {
    const all = Object.fromEntries(shipped.questions.map((q) => [q.id, UNKNOWN]));
    const view = outlook(compiled, all);
    const report = checkRuleSet(compiled);
    expect(view.certainty.combinations).toBe(25_194_240);
    expect(view.certainty.outcomes).toEqual(report.recommended);
  });

  it("counts a question no rule mentions without enumerating it, and never lists it as mattering", () => {
    const c = compiledSet([rule("b-if-large", { size: "large" }, ["b", 1])], {
      questions: [
        question("size", ["small", "large"]),
        question("trust", ["high", "low"]),
        question("colour", ["red", "green", "blue"]),
      ],
    });
    const view = outlook(c, { size: UNKNOWN, trust: "high", colour: UNKNOWN });
    expect(view.certainty.combinations).toBe(6);
    expect(view.certainty.outcomes).toEqual({ a: 3, b: 3, c: 0, none: 0 });
    expect(view.certainty.dependsOn).toEqual([{ question: "size", byValue: { small: "a", large: "b" } }]);
  });

  it("says a what-if depends on the unknown answers when it does", () => {
    fc.assert(
      fc.property(withUnknowns, (answers) => {
        const current = outlook(compiled, answers).recommendation;
        for (const w of whatIf(compiled, answers, current)) {
          const alternative = { ...answers, [w.question]: w.answer };
          const outcomes = new Set(bruteForce(alternative).completions.map((c) => c.recommendation));
          expect(outcomes.size > 1).toBe(w.dependsOn.length > 0);
          expect(outcomes.has(w.recommendation)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("explanations", () => {
  it("lists exactly the single changes that alter the recommendation", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const result = evaluate(compiled, answers);
        const listed = whatIf(compiled, answers, result.recommendation);
        for (const q of shipped.questions) {
          for (const c of q.choices) {
            if (c.value === answers[q.id]) continue;
            const rerun = evaluate(compiled, { ...answers, [q.id]: c.value }).recommendation;
            const entry = listed.find((w) => w.question === q.id && w.answer === c.value);
            if (rerun === result.recommendation) expect(entry).toBeUndefined();
            else expect(entry?.recommendation).toBe(rerun);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("skips only questions whose answer cannot change the recommendation", () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 1, max: 10 }), (full, asked) => {
        const partial: Answers = {};
        for (const q of shipped.questions.slice(0, asked)) partial[q.id] = full[q.id]!;
        const skipped = skippableQuestions(compiled, partial);
        for (const q of skipped) {
          expect(q.alwaysAsk).toBe(false);
          // Changing only this answer, in the full set, never changes the outcome. Optional questions
          // with an assumed value take it when left out, as they are here (asked <= 10).
          const assumed = withAssumptions(shipped.questions, partial).answers;
          const completed = {
            ...full,
            ...Object.fromEntries(Object.entries(assumed).filter(([id]) => !(id in partial))),
          };
          const outcomes = new Set(
            q.choices.map((c) => evaluate(compiled, { ...completed, [q.id]: c.value }).recommendation),
          );
          expect(outcomes.size).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("answers from a skipped flow still give a result with reasons", () => {
    const advice = advise(compiled, { workload: "gui", "host-os": "2022" });
    expect(advice.recommendation).toBe("vm");
    expect(advice.skipped).toContain("boundary");
    expect(advice.skipped).not.toContain("host-os");
    expect(advice.certainty.share).toBe(1);
    expect(advice.excluded.map((e) => e.option).sort()).toEqual(["container", "hyperv-container"]);
  });
});

describe("what-ifs over questions left out", () => {
  it("says a changed guest still depends on the questions a Linux guest made moot", () => {
    // With a Linux guest only a VM is left, so the other questions are not needed...
    const given = { workload: "web", "host-os": "2022", "guest-os": "linux", boundary: "trusted" };
    const advice = advise(compiled, given);
    expect(advice.recommendation).toBe("vm");
    expect(advice.skipped.length).toBeGreaterThanOrEqual(6);
    // ...but with a Windows guest they matter again, and the what-if must say so.
    const windows = advice.whatIf.find((w) => w.question === "guest-os" && w.answer === "2022")!;
    expect(windows).toBeDefined();
    expect(windows.dependsOn.length).toBeGreaterThan(0);
    const outcomes = new Set<string | null>();
    sweep(
      compiled,
      (_codes, best) => outcomes.add(best === -1 ? null : shipped.options[best]!.id),
      Int32Array.from(shipped.questions, (q) =>
        q.id in given
          ? q.choices.findIndex((c) => c.value === ({ ...given, "guest-os": "2022" } as Record<string, string>)[q.id])
          : -1,
      ),
    );
    expect(outcomes.size).toBeGreaterThan(1);
  });
});
