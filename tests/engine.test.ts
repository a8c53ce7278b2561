import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRuleSet } from "../src/engine/check.js";
import { createScratch, decode, encode, evaluate, recommendIndex, sweep } from "../src/engine/evaluate.js";
import { advise, openOptions, skippableQuestions, whatIf } from "../src/engine/explain.js";
import type { Answers, Rule } from "../src/engine/model.js";
import { isExclusion } from "../src/engine/model.js";
import { baseAnswers, compiled, shipped } from "./helpers/shipped.js";

const answersArb = fc.record(Object.fromEntries(shipped.questions.map((q) => [q.id, fc.constantFrom(...q.choices.map((c) => c.value))])) as Record<string, fc.Arbitrary<string>>);

/** A deliberately naive reading of the rule data, to hold the compiled engine to. */
function reference(answers: Answers): { scores: Record<string, number>; eligible: Set<string>; recommendation: string | null } {
  const applies = (rule: Rule) => {
    const holds = (clause: Record<string, string[]>) => Object.entries(clause).every(([q, vs]) => vs.includes(answers[q]!));
    return rule.when.some(holds) && !rule.unless.some(holds);
  };
  const scores: Record<string, number> = { vm: 0, container: 0, "hyperv-container": 0 };
  const eligible = new Set(Object.keys(scores));
  for (const rule of shipped.rules.filter(applies)) {
    if (isExclusion(rule.effect)) eligible.delete(rule.effect.option);
    else scores[rule.effect.option]! += rule.effect.score;
  }
  let recommendation: string | null = null;
  for (const id of shipped.tieBreak) {
    if (eligible.has(id) && (recommendation === null || scores[id]! > scores[recommendation]!)) recommendation = id;
  }
  return { scores, eligible, recommendation };
}

const YEARS = ["2016", "2019", "2022", "2025"];
const processAllowed = (host: string, guest: string) => guest === host || (host === "2025" && guest === "2022");
const hypervAllowed = (host: string, guest: string) => YEARS.includes(guest) && YEARS.indexOf(guest) <= YEARS.indexOf(host);

describe("the whole answer space", () => {
  const total = shipped.questions.reduce((n, q) => n * q.choices.length, 1);
  const recommendations = new Int8Array(total);
  const containerMinusHyperv = new Int16Array(total);
  const containerMinusVm = new Int16Array(total);
  const hypervMinusVm = new Int16Array(total);
  const violations: string[] = [];
  const o = Object.fromEntries(shipped.options.map((opt, i) => [opt.id, i])) as Record<string, number>;

  it("has 466,560 combinations, and every one obeys the invariants and the six hard facts", () => {
    expect(total).toBe(466_560);
    let index = 0;
    const count = sweep(compiled, (codes, best, scratch) => {
      const { scores, excluded } = scratch;
      const eligible = (id: string) => (excluded & (1 << o[id]!)) === 0;
      const fail = (what: string) => {
        if (violations.length < 5) violations.push(`${what}: ${JSON.stringify(decode(compiled, codes))}`);
      };
      recommendations[index] = best;
      containerMinusHyperv[index] = scores[o.container!]! - scores[o["hyperv-container"]!]!;
      containerMinusVm[index] = scores[o.container!]! - scores[o.vm!]!;
      hypervMinusVm[index] = scores[o["hyperv-container"]!]! - scores[o.vm!]!;
      index++;

      if (best === -1) return fail("no eligible option");
      if (!eligible(shipped.options[best]!.id)) fail("recommendation not eligible");
      for (const opt of shipped.options) if (eligible(opt.id) && scores[o[opt.id]!]! > scores[best]!) fail("a better eligible option");
      if (!eligible("vm")) fail("vm excluded");

      const a = (q: string) => shipped.questions.find((x) => x.id === q)!.choices[codes[compiled.questionIds.indexOf(q)]!]!.value;
      const guest = a("guest-os"), host = a("host-os"), workload = a("workload");
      const onlyVm = !eligible("container") && !eligible("hyperv-container");
      if ((guest === "linux" || guest === "other") && !onlyVm) fail("fact 1: non-Windows guest");
      if (eligible("container") !== (processAllowed(host, guest) && workload !== "gui" && workload !== "infrastructure" && a("boundary") !== "hostile")) fail("fact 2: process isolation matrix");
      if (YEARS.includes(guest) && !hypervAllowed(host, guest) && !onlyVm) fail("fact 3: image newer than host");
      if (eligible("hyperv-container") && !hypervAllowed(host, guest)) fail("fact 3: Hyper-V matrix");
      if ((workload === "gui" || workload === "infrastructure") && !onlyVm) fail("fact 4: GUI or server role");
      if (a("boundary") === "hostile" && eligible("container")) fail("fact 5: hostile tenants");
      if (a("deploy") === "kubernetes" && eligible("hyperv-container")) fail("fact 6: Kubernetes");
    });
    expect(count).toBe(total);
    expect(violations).toEqual([]);
  });

  it("agrees with a naive reading of the rules on a large sample", () => {
    const scratch = createScratch(compiled);
    let checked = 0;
    sweep(compiled, (codes) => {
      if (checked++ % 97 !== 0) return;
      const answers = decode(compiled, codes);
      const best = recommendIndex(compiled, codes, scratch);
      const expected = reference(answers);
      expect(best === -1 ? null : shipped.options[best]!.id).toBe(expected.recommendation);
      for (const opt of shipped.options) expect(scratch.scores[o[opt.id]!]).toBe(expected.scores[opt.id]);
    });
  });

  it("is deterministic: a second sweep gives the same recommendation everywhere", () => {
    let index = 0;
    let differences = 0;
    sweep(compiled, (_codes, best) => {
      if (recommendations[index++] !== best) differences++;
    });
    expect(differences).toBe(0);
  });

  it("never favours process isolation over Hyper-V isolation more as the tenants grow less trusted", () => {
    const strides = shipped.questions.map((_, q) => shipped.questions.slice(q + 1).reduce((n, x) => n * x.choices.length, 1));
    const b = compiled.questionIds.indexOf("boundary");
    const values = shipped.questions[b]!.choices.map((c) => c.value);
    expect(values).toEqual(["trusted", "internal", "hostile"]);
    let bad = 0;
    for (let i = 0; i < total; i++) {
      if (Math.floor(i / strides[b]!) % 3 !== 0) continue;
      const s = strides[b]!;
      if (!(containerMinusHyperv[i]! >= containerMinusHyperv[i + s]! && containerMinusHyperv[i + s]! >= containerMinusHyperv[i + 2 * s]!)) bad++;
    }
    expect(bad).toBe(0);
  });

  it("never lowers the containers against VMs when the load turns elastic", () => {
    const strides = shipped.questions.map((_, q) => shipped.questions.slice(q + 1).reduce((n, x) => n * x.choices.length, 1));
    const q = compiled.questionIds.indexOf("scaling");
    expect(shipped.questions[q]!.choices.map((c) => c.value)).toEqual(["steady", "elastic"]);
    const s = strides[q]!;
    let bad = 0;
    for (let i = 0; i < total; i++) {
      if (Math.floor(i / s) % 2 !== 0) continue;
      if (containerMinusVm[i + s]! < containerMinusVm[i]! || hypervMinusVm[i + s]! < hypervMinusVm[i]!) bad++;
    }
    expect(bad).toBe(0);
  });

  it("reaches every option, fires every rule, and leaves no combination without an option", () => {
    const report = checkRuleSet(compiled);
    expect(report.findings).toEqual([]);
    for (const opt of shipped.options) expect(report.recommended[opt.id]).toBeGreaterThan(0);
    expect(report.recommended.none).toBe(0);
  });
});

describe("hard facts, scenario by scenario", () => {
  const eligibleFor = (answers: Answers) =>
    evaluate(compiled, answers).options.filter((o) => o.eligible).map((o) => o.id).sort();
  const scenarios: [string, Partial<Answers>, string[], string][] = [
    ["1. a Linux guest", { "guest-os": "linux" }, ["vm"], "non-windows-guest-excludes-process-isolation"],
    ["1. another OS", { "guest-os": "other", deploy: "docker" }, ["vm"], "non-windows-guest-excludes-hyperv-isolation"],
    ["2. a 2019 image on a 2022 host", { "guest-os": "2019", deploy: "docker" }, ["hyperv-container", "vm"], "process-isolation-on-2022-host"],
    ["2. a 2022 image on a 2025 host runs process-isolated", { "host-os": "2025", "guest-os": "2022", deploy: "docker" }, ["container", "hyperv-container", "vm"], ""],
    ["2. a 2016 image on a 2025 host", { "host-os": "2025", "guest-os": "2016", deploy: "swarm" }, ["hyperv-container", "vm"], "process-isolation-on-2025-host"],
    ["3. a 2025 image on a 2022 host", { "guest-os": "2025", deploy: "docker" }, ["vm"], "hyperv-isolation-on-2022-host"],
    ["3. a 2019 image on a 2016 host", { "host-os": "2016", "guest-os": "2019", deploy: "docker" }, ["vm"], "hyperv-isolation-on-2016-host"],
    ["4. a desktop app", { workload: "gui", deploy: "docker" }, ["vm"], "desktop-apps-exclude-hyperv-isolation"],
    ["4. a server role", { workload: "infrastructure", deploy: "docker" }, ["vm"], "server-roles-exclude-process-isolation"],
    ["5. hostile tenants", { boundary: "hostile", deploy: "docker" }, ["hyperv-container", "vm"], "hostile-excludes-process-isolation"],
    ["6. Kubernetes", { deploy: "kubernetes" }, ["container", "vm"], "kubernetes-excludes-hyperv-isolation"],
    ["5 and 6 together leave the VM", { boundary: "hostile", deploy: "kubernetes" }, ["vm"], "kubernetes-excludes-hyperv-isolation"],
  ];
  it.each(scenarios)("%s", (_name, change, eligible, rule) => {
    const answers = { ...baseAnswers, ...change } as Answers;
    expect(eligibleFor(answers)).toEqual([...eligible].sort());
    const result = evaluate(compiled, answers);
    if (rule) {
      const reason = result.reasons.find((r) => r.rule === rule)!;
      expect(reason.effect).toBe("excluded");
      expect(reason.source).toMatch(/^(containers-vs-vm|version-compatibility|lift-shift-to-containers|container-security)#/);
    }
  });

  it("recommends what a senior engineer would for textbook cases", () => {
    expect(evaluate(compiled, { ...baseAnswers }).recommendation).toBe("container");
    expect(evaluate(compiled, { ...baseAnswers, boundary: "hostile", deploy: "docker", density: "medium" }).recommendation).toBe("hyperv-container");
    expect(evaluate(compiled, { ...baseAnswers, workload: "database", deploy: "scripted", density: "low", scaling: "steady", "update-cadence": "monthly", storage: "local", recovery: "restart", network: "dedicated", boundary: "internal" }).recommendation).toBe("vm");
  });

  it("breaks ties towards the stronger isolation", () => {
    expect(shipped.tieBreak).toEqual(["vm", "hyperv-container", "container"]);
  });
});

describe("explanations", () => {
  it("lists exactly the single changes that alter the recommendation", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const result = evaluate(compiled, answers);
        const listed = whatIf(compiled, result);
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
      { numRuns: 300 },
    );
  });

  it("skips only questions that cannot change the recommendation", () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 0, max: 10 }), (full, asked) => {
        const partial: Answers = {};
        for (const q of shipped.questions.slice(0, asked)) partial[q.id] = full[q.id]!;
        const skipped = skippableQuestions(shipped, partial);
        if (skipped.length === 0) return;
        const open = openOptions(shipped, partial);
        expect(open.length).toBeLessThanOrEqual(1);
        // Any completion of the partial answers lands on the one open option.
        expect(evaluate(compiled, full).recommendation).toBe(open[0]);
        for (const q of skipped) expect(q.alwaysAsk).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("answers from a skipped flow still give a result with reasons", () => {
    const advice = advise(compiled, { workload: "gui", "host-os": "2022" });
    expect(advice.recommendation).toBe("vm");
    expect(advice.skipped).toContain("guest-os");
    expect(advice.skipped).not.toContain("host-os");
    expect(advice.margin.verdict).toBe("only-option");
    expect(advice.excluded.map((e) => e.option).sort()).toEqual(["container", "hyperv-container"]);
  });

  it("returns the same advice for the same answers", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        expect(advise(compiled, answers)).toEqual(advise(compiled, { ...answers }));
      }),
      { numRuns: 100 },
    );
  });

  it("encodes answers it does not know as unanswered", () => {
    const codes = encode(compiled, { workload: "nope" });
    expect(codes[0]).toBe(compiled.sizes[0]);
  });
});
