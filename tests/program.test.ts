import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "./helpers/cli.js";
import { allFlags } from "./helpers/shipped.js";
import { tmp } from "./helpers/tmp.js";

// The command line as one parser sees it, and exit codes that tell a wrong call from data with problems.

const scratch = (): string => tmp("vmvc-program-");

const POLICY = join(ROOT, "examples/policy");
const FULL = allFlags();

describe("one parser", () => {
  it("finds the command wherever the global options stand", async () => {
    // A broken config: validation must not depend on it, with or without a global option first.
    const dir = scratch();
    writeFileSync(join(dir, "vmvc.config.json"), '{"rules": 3}');
    const plain = await cli(["rules", "validate", POLICY], { cwd: dir });
    const flagged = await cli(["--no-color", "rules", "validate", POLICY], { cwd: dir });
    const width = await cli(["--width", "70", "rules", "validate", POLICY], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(flagged).toEqual(plain);
    expect(width).toEqual(plain);
  });

  it("takes a global option's value as its value, never as the command", async () => {
    const before = await cli(["--width", "60", "compare", "--rows", "isolation"]);
    const after = await cli(["compare", "--rows", "isolation", "--width=60"]);
    expect(before.code).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    // 60 columns: no line of the table is wider.
    const lines = before.stdout.split("\n").filter((l) => !/https:\/\//.test(l)); // links stay whole
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(60);
  });

  it("checks --width where it stands", async () => {
    const run = await cli(["--width", "9", "compare"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--width "9" is not a whole number of columns from 20 to 1000/);
  });

  it("builds a policy's questions as flags whichever way --rules is written", async () => {
    const split = await cli(["advise", "--rules", POLICY, ...FULL, "--json"]);
    const joined = await cli(["advise", `--rules=${POLICY}`, ...FULL, "--json"]);
    expect(split.code).toBe(0);
    expect(joined.stdout).toBe(split.stdout);
    expect(JSON.parse(split.stdout).rules.layers.map((l: { from: string }) => l.from)).toContain("--rules");
  });

  it("runs twice in one process with the same result", async () => {
    const first = await cli(["advise", ...FULL, "--json"]);
    const second = await cli(["advise", ...FULL, "--json"]);
    expect(first.code).toBe(0);
    expect(second).toEqual(first);
  });
});

describe("exit codes", () => {
  it("0 for a run that did its job, a recommendation of nothing included", async () => {
    expect((await cli(["compare", "--json"])).code).toBe(0);
  });

  it("1 for data with problems: an invalid inventory row, a rule file that does not validate", async () => {
    const dir = scratch();
    const inventory = join(dir, "inv.csv");
    writeFileSync(inventory, "name,workload\nweb01,web\nbad01,nope\n");
    const assess = await cli(["assess", inventory, "--format", "ndjson"]);
    expect(assess.code).toBe(1);
    expect(assess.stdout.trim().split("\n")).toHaveLength(2); // the good row is still reported
    const rules = join(dir, "bad.json");
    writeFileSync(rules, JSON.stringify({ rules: [{ id: "x" }] }));
    expect((await cli(["rules", "validate", rules])).code).toBe(1);
  });

  it("2 for a wrong call, input that cannot be read, and a policy that does not load", async () => {
    expect((await cli(["advise", "--workloda", "web"])).code).toBe(2);
    expect((await cli(["assess", "no-such-inventory.csv"])).code).toBe(2);
    const dir = scratch();
    writeFileSync(join(dir, "bad.json"), "{");
    expect((await cli(["advise", ...FULL, "--rules", join(dir, "bad.json")])).code).toBe(2);
  });
});

describe("problems as data", () => {
  it("gives scripts the file, entry, field and code of each problem apart", async () => {
    const dir = scratch();
    const file = join(dir, "policy.json");
    writeFileSync(
      file,
      JSON.stringify({
        rules: [{ id: "x", when: {}, effect: { option: "vm", score: "high" }, reason: "r", source: "faq#licensing" }],
      }),
    );
    const run = await cli(["rules", "validate", file, "--json"]);
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        severity: "error",
        code: "schema",
        file,
        entry: 'rule "x"',
        path: "effect.score",
        message: expect.stringMatching(/^expected a number/),
      }),
    );
  });

  it("keeps file, entry and field apart for problems found when layering too", async () => {
    const dir = scratch();
    const file = join(dir, "policy.json");
    writeFileSync(
      file,
      JSON.stringify({
        rules: [
          { id: "x", when: { workloda: "web" }, effect: { option: "vms", score: 1 }, reason: "r", source: "faq#nope" },
        ],
      }),
    );
    const run = await cli(["rules", "validate", file, "--json"]);
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout)[0].problems;
    const at = (path: string) => problems.find((p: { path?: string }) => p.path === path);
    for (const path of ["effect.option", "when", "source"])
      expect(at(path), path).toMatchObject({ severity: "error", file, entry: 'rule "x"' });
    expect(at("effect.option").message).toMatch(/^"vms" is not one of vm, /);
    expect(at("when").message).toMatch(/^unknown question "workloda" \(did you mean workload\?\)/);
    expect(at("source")).toMatchObject({ code: "unknown-source" });
    expect(at("source").message).toMatch(/^page "faq" has no section "nope"/);
  });

  it("names files under the path the user gave, not where vmvc found them", async () => {
    const dir = scratch();
    const copy = join(dir, "copy-of-rules");
    cpSync(join(ROOT, "rules"), copy, { recursive: true });
    writeFileSync(join(copy, "isolation.json"), "{");
    const run = await cli(["rules", "validate", "copy-of-rules/"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^copy-of-rules\/isolation\.json: not valid JSON/m);
    expect(run.stderr).not.toMatch(/^rules\//m);
  });
});
