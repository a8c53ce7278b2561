import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  answerSpace,
  budgetShare,
  MAX_ADVICE_WORK,
  MAX_SWEEP_COMPLETIONS,
  policyAnswerSpaces,
} from "../src/engine/budget.js";
import { compile } from "../src/engine/compile.js";
import { buildRuleSet } from "../src/ruleset/layer.js";
import { allFlags, baseAnswers, shipped } from "./helpers/shipped.js";
import { STACK, vmvc } from "./helpers/cli.js";

// Issue 22, section 2: a policy cannot stall or crash a run. `rules validate` said "ok" to
// policies whose advice then took minutes, gigabytes, or died on "Invalid typed array length".
// The expectations come from the arithmetic of the answer space: the outlook sweeps the product
// of the sizes of the open questions some rule reads, and each what-if opens one answered
// question more.

const dir = mkdtempSync(join(tmpdir(), "vmvc-bounds-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = { id: "bounds", title: "Bounds", url: "https://example.com/", sections: [{ id: "s", title: "S" }] };

/** `count` optional questions of `values` values each, each read by one rule (the policies). */
function optionalQuestions(count: number, values: number) {
  return {
    sources: [source],
    questions: Array.from({ length: count }, (_, q) => ({
      id: `extra-${q}`,
      prompt: `Extra ${q}?`,
      optional: true,
      choices: Array.from({ length: values }, (_, v) => ({ value: `v${v}`, label: `V${v}`, meaning: "a value" })),
    })),
    rules: Array.from({ length: count }, (_, q) => ({
      id: `extra-${q}-rule`,
      when: { [`extra-${q}`]: "v0" },
      effect: { option: "vm", score: 1 },
      reason: "A generated rule.",
      source: "bounds#s",
    })),
  };
}

function policyFile(count: number, values: number): string {
  const file = join(dir, `${count}x${values}.json`);
  writeFileSync(file, JSON.stringify(optionalQuestions(count, values)));
  return file;
}

// Scripted advice, every required answer given: the policy's optional questions and --edition stay open.
const scripted = [...allFlags(), "--json"];

describe("the answer space an advice weighs", () => {
  it("is the product of the open questions some rule reads, and every what-if adds one sweep per value", () => {
    const c = compile(buildRuleSet(shipped, [[{ file: "p.json", data: optionalQuestions(4, 30) }]]));
    const assumed = Object.fromEntries(shipped.questions.flatMap((q) => (q.assume ? [[q.id, q.assume]] : [])));
    const space = answerSpace(c, { ...baseAnswers, ...assumed }, true);
    // 30^4 for the policy's questions, times --edition's 2.
    expect(space.completions).toBe(30 ** 4 * 2);
    expect(space.multipliers.map((m) => m.values)).toEqual([30, 30, 30, 30, 2]);
    // One sweep for the outlook, and one per value of each answered question some rule reads.
    // Answered: the required questions, and the optional ones that take their assumed value.
    const answeredValues = shipped.questions
      .filter((q) => !q.optional || q.assume !== undefined)
      .reduce((n, q) => n + q.choices.length, 0);
    expect(space.sweeps).toBe(1 + answeredValues);
    // The largest what-if opens the largest answered question (6 values: workload, guest-os).
    expect(space.largestSweep).toBe(30 ** 4 * 2 * 6);
  });

  it("fits the shipped rules with every answer unknown, the assumed questions too (25,194,240 completions)", () => {
    const space = answerSpace(compile(shipped), {}, false);
    expect(space.completions).toBe(25_194_240);
    expect(space.largestSweep).toBeLessThan(MAX_SWEEP_COMPLETIONS);
    expect(space.work).toBeLessThan(MAX_ADVICE_WORK);
    const r = vmvc(["advise", ...allFlags().map((f) => (f.startsWith("--") ? f : "unknown")), "--json"]);
    expect(r.code).toBe(0);
  });
});

describe("a policy that makes the answer space too large", () => {
  for (const [count, values] of [
    [5, 30],
    [5, 50],
    [6, 100],
  ] as const) {
    it(`(${count} optional questions x ${values} values) is refused at once, naming the questions that multiply it`, () => {
      const file = policyFile(count, values);
      const r = vmvc(["advise", ...scripted, "--rules", file], { timeout: 30_000 });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toContain("unexpected failure");
      expect(r.stderr).toMatch(/^error: the answers left open make /);
      for (let q = 0; q < Math.min(count, 6); q++) expect(r.stderr).toContain(`--extra-${q} (${values})`);
      expect(r.stdout).toBe("");
    });
  }

  it("is weighed in full once the questions that multiply it are answered", () => {
    const file = policyFile(5, 30);
    const answered = [0, 1, 2, 3, 4].flatMap((q) => [`--extra-${q}`, "v1"]);
    const r = vmvc(["advise", ...scripted, ...answered, "--rules", file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ certainty: { unknown: ["edition"] } });
  });

  it("is refused by assess too: the outlook of each row is under the same budget", () => {
    const file = policyFile(6, 100);
    const inventory = join(dir, "inventory.csv");
    writeFileSync(
      inventory,
      `name,${Object.keys(baseAnswers).join(",")}\nweb-01,${Object.values(baseAnswers).join(",")}\n`,
    );
    const r = vmvc(["assess", inventory, "--format", "ndjson", "--rules", file], { timeout: 30_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--extra-0 (100)");
    expect(r.stderr).not.toContain("unexpected failure");
  });

  it("is reported by rules validate: the answer space's size, and a warning before and past the bound", () => {
    // 3 x 30: 27,000 x 2 editions = 54,000 completions, 40 sweeps, 79 rules: 171 M of the 400 M
    // budget, under half: no warning for the scripted case. With every answer unknown, 933,120 x
    // 27,000 is past the bound: that case is warned about.
    const small = vmvc(["rules", "validate", policyFile(3, 30), "--json"]);
    expect(small.code).toBe(0);
    type Result = { answerSpace: { optionalLeftOut: number }; problems: { code: string; message: string }[] };
    const [smallResult] = JSON.parse(small.stdout) as Result[];
    expect(smallResult!.answerSpace.optionalLeftOut).toBe(54_000);
    expect(smallResult!.problems.map((p) => p.message.split(":")[0])).toEqual([
      "an advice with every answer unknown is refused",
    ]);

    // 4 x 30: 1,620,000 completions, 49 sweeps. Two of the four questions (30 x 30 = 900 states) are
    // swept apart, so a sweep costs the core's 1,800 completions times its rules plus an addition per
    // option per completion: past half of the work budget, under the bound: warned, not refused.
    const c4 = compile(buildRuleSet(shipped, [[{ file: "p.json", data: optionalQuestions(4, 30) }]]));
    const share = budgetShare(policyAnswerSpaces(c4).optionalLeftOut);
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(1);
    const near = vmvc(["rules", "validate", policyFile(4, 30)]);
    expect(near.code).toBe(0);
    expect(near.stdout).toContain("answer space: 1,620,000 combinations with the optional questions left out");
    expect(near.stderr).toContain(
      "warning: " +
        join(dir, "4x30.json") +
        `: an advice that leaves the optional questions out takes ${Math.round(100 * share)}% of the answer space`,
    );

    // 5 x 30: 48,600,000 completions, and a what-if opening a 6-valued question makes one sweep of
    // 291,600,000, past the 60,000,000 a sweep may hold: refused.
    const over = vmvc(["rules", "validate", policyFile(5, 30)]);
    expect(over.code).toBe(0);
    expect(over.stdout).toContain("answer space: 48,600,000 combinations with the optional questions left out");
    expect(over.stderr).toContain("warning:");
    expect(over.stderr).toContain("an advice that leaves the optional questions out is refused");
    expect(over.stderr).toContain("--extra-0 (30)");
  });
});
