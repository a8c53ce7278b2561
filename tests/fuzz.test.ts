import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildRuleSet } from "../src/ruleset/layer.js";
import { RuleSetError } from "../src/errors.js";
import { checkRuleFile, parseRuleJson } from "../src/ruleset/validate.js";
import { allFlags, shipped } from "./helpers/shipped.js";
import { cli, STACK, vmvc } from "./helpers/cli.js";

const questionIds = shipped.questions.map((q) => q.id);
/** The questions allFlags() answers: the required ones. */
const answeredIds = shipped.questions.filter((q) => !q.optional).map((q) => q.id);
const nasty = fc.oneof(
  fc.constant(""),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("__proto__", "constructor", "toString", "-", "--", "--json", "null", "💥", "ｈｏｓｔｉｌｅ", "hostile\n", " hostile"),
  fc.string({ minLength: 2000, maxLength: 5000 }),
);

type Mutation = { argv: string[]; culprit: string };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // A wrong value for a real question.
  fc.tuple(fc.constantFrom(...answeredIds), nasty).map(([q, v]) => {
    const base = allFlags();
    const i = base.indexOf(`--${q}`);
    base[i + 1] = v;
    return { argv: ["advise", ...base], culprit: `--${q}` };
  }),
  // An unknown flag, before or after the known ones.
  fc.tuple(fc.stringMatching(/^[a-z][a-z-]{0,20}$/).filter((f) => !questionIds.includes(f) && !["json", "format", "answers", "rules", "input", "no-input", "help", "color", "no-color"].includes(f)), fc.boolean()).map(([flag, first]) => {
    const argv = first ? ["advise", `--${flag}`, ...allFlags()] : ["advise", ...allFlags(), `--${flag}`];
    return { argv, culprit: `--${flag}` };
  }),
  // A stray word after "--" or in the middle.
  fc.tuple(fc.stringMatching(/^[a-z]{1,12}$/), fc.boolean()).map(([word, dashes]) => ({
    argv: ["advise", ...allFlags(), ...(dashes ? ["--", word] : [word])],
    culprit: word,
  })),
  // A flag with its value missing at the end.
  fc.constantFrom(...answeredIds).map((q) => ({ argv: ["advise", ...allFlags().filter((_, i, a) => a[i] !== `--${q}` && a[i - 1] !== `--${q}`), `--${q}`], culprit: `--${q}` })),
);

describe("random command lines", () => {
  it("always exit 0 or 2, never with a stack trace, and name what was wrong", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async ({ argv, culprit }) => {
        const { code, stderr } = await cli(argv);
        expect([0, 2]).toContain(code);
        expect(stderr).not.toMatch(STACK);
        if (code === 2) expect(stderr).toContain(culprit.length > 60 ? culprit.slice(0, 60) : culprit);
      }),
      { numRuns: 400 },
    );
  });

  it("accept repeated flags (the last one wins) and flags in any order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(allFlags().reduce<string[][]>((pairs, x, i, a) => (i % 2 ? pairs : [...pairs, [x, a[i + 1]!]]), []), { minLength: 11, maxLength: 11 }), async (pairs) => {
        const argv = ["advise", "--json", ...pairs.flat(), "--boundary", "trusted", "--boundary", "hostile"];
        const { code, stdout } = await cli(argv);
        expect(code).toBe(0);
        expect(JSON.parse(stdout).answers.boundary).toBe("hostile");
      }),
      { numRuns: 30 },
    );
  });

  it("survive fully random words", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(nasty, fc.constantFrom("advise", "compare", "rules", "list", "check", "--json", "--rows", "--format", ...questionIds.map((q) => `--${q}`))), { maxLength: 8 }), async (argv) => {
        if (argv.includes("check")) return; // a full sweep per case is too slow here; covered elsewhere
        const { code, stderr } = await cli(argv);
        expect([0, 2]).toContain(code);
        expect(stderr).not.toMatch(STACK);
      }),
      { numRuns: 300 },
    );
  });

  it("behave the same as a real process", () => {
    for (const argv of [["advise", "--bogus"], ["advise", ...allFlags(), "--workload", "💥"], ["compare", "--rows", ""], ["advise", "--", "x"]]) {
      const result = vmvc(argv);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toMatch(STACK);
    }
  });
});

describe("random and corrupted answers files", () => {
  const dir = mkdtempSync(join(tmpdir(), "vmvc-fuzz-"));
  const valid = JSON.stringify(Object.fromEntries(allFlags().reduce<[string, string][]>((p, x, i, a) => (i % 2 ? p : [...p, [x.slice(2), a[i + 1]!]]), [])));

  it.each([
    ["truncated", valid.slice(0, 40)],
    ["deeply nested", "[".repeat(200_000) + "]".repeat(200_000)],
    ["a huge string", JSON.stringify({ workload: "w".repeat(3_000_000) })],
    ["wrong types", '{"workload":["web"],"boundary":{"x":1}}'],
    ["prototype keys", '{"__proto__":{"polluted":true},"workload":"web"}'],
    ["constructor key", '{"constructor":{"prototype":{"polluted":true}}}'],
    ["binary garbage", "\u0000\u0001\uffff{"],
  ])("rejects %s with exit 2 and a clear message", async (_name, content) => {
    const file = join(dir, "answers.json");
    writeFileSync(file, content);
    const { code, stderr, stdout } = await cli(["advise", "--answers", file]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: .*answers\.json/);
    expect(stderr.length).toBeLessThan(2000);
    expect(stderr).not.toMatch(STACK);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects random JSON without crashing or polluting anything", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const { code, stderr } = await cli(["advise", "--answers", "-", "--json"], { input: JSON.stringify(value) });
        expect([0, 2]).toContain(code);
        expect(stderr).not.toMatch(STACK);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe("random and corrupted rule files", () => {
  const ruleLike = fc.record(
    {
      id: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), nasty),
      when: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom(...questionIds), fc.string()), fc.oneof(fc.string(), fc.array(fc.string()))), fc.jsonValue()),
      effect: fc.oneof(fc.record({ option: fc.constantFrom("vm", "container", "hyperv-container", "vms"), score: fc.oneof(fc.integer(), fc.double()) }), fc.jsonValue()),
      reason: fc.oneof(fc.string(), fc.jsonValue()),
      source: fc.oneof(fc.constantFrom("containers-vs-vm#isolation", "faq#licensing", "nope#x"), fc.string()),
    },
    { requiredKeys: [] },
  );
  const fileLike = fc.oneof(
    fc.record({ rules: fc.array(ruleLike, { maxLength: 4 }) }),
    fc.record({ rules: fc.jsonValue(), disable: fc.array(fc.oneof(fc.string(), fc.jsonValue()), { maxLength: 3 }) }, { requiredKeys: [] }),
    fc.jsonValue(),
  );

  it("either load or fail with single-line problems that name the file", () => {
    fc.assert(
      fc.property(fileLike, (data) => {
        try {
          buildRuleSet(shipped, [[{ file: "policy.json", data: checkRuleFile(data, "policy.json") }]]);
        } catch (error) {
          expect(error).toBeInstanceOf(RuleSetError);
          for (const problem of (error as RuleSetError).problems) {
            expect(problem.startsWith("policy.json")).toBe(true);
            expect(problem).not.toContain("\n");
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("report truncated, nested and polluted rule files without running anything from them", () => {
    const full = JSON.stringify({ rules: [{ id: "a", effect: { option: "vm", score: 1 }, reason: "r", source: "faq#licensing" }] });
    for (let cut = 0; cut < full.length; cut += 7) {
      expect(() => checkRuleFile(parseRuleJson(full.slice(0, cut), "cut.json"), "cut.json")).toThrow(RuleSetError);
    }
    expect(() => parseRuleJson("[".repeat(300_000), "deep.json")).toThrow(/deep\.json: not valid JSON/);
    expect(() => checkRuleFile(parseRuleJson('{"rules":[{"id":"a","constructor":{"prototype":{"polluted":1}}}]}', "p.json"), "p.json")).toThrow(/the key "constructor" is not allowed/);
    expect(() => checkRuleFile(parseRuleJson('{"rules":[],"toString":"() => process.exit(9)"}', "code.json"), "code.json")).toThrow(/unknown field/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects a rule file that is too large", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vmvc-fuzz-"));
    writeFileSync(join(dir, "big.json"), JSON.stringify({ rules: [], $comment: "x".repeat(5 * 1024 * 1024) }));
    const { code, stderr } = await cli(["compare", "--rules", join(dir, "big.json")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/big\.json: cannot read: too large: larger than 4 MiB/);
  });
});
