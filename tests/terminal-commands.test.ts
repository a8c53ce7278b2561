import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "./helpers/cli.js";
import { shipped } from "./helpers/shipped.js";

// The commands vmvc prints for the user to run again.

const flags = (extra: Record<string, string> = {}): string[] =>
  Object.entries({
    ...Object.fromEntries(shipped.questions.filter((q) => !q.optional).map((q) => [q.id, q.choices[0]!.value])),
    ...extra,
  }).flatMap(([id, value]) => [`--${id}`, value]);

describe("the reproduce command", () => {
  it("works from where the user stands when the policy comes from a parent folder's vmvc.config.json", async () => {
    const project = mkdtempSync(join(tmpdir(), "vmvc-config-"));
    cpSync(join(ROOT, "examples/policy"), join(project, "pol2"), { recursive: true });
    writeFileSync(join(project, "vmvc.config.json"), JSON.stringify({ rules: ["pol2/"] }));
    const sub = join(project, "deploy", "web");
    mkdirSync(sub, { recursive: true });
    const first = await cli(["advise", ...flags({ owner: "customer" }), "--json", "--shell", "posix"], { cwd: sub });
    expect(first.code, first.stderr).toBe(0);
    const command: string = JSON.parse(first.stdout).command;
    // pol2/ is relative to the config's folder: from deploy/web it is ../../pol2.
    expect(command).not.toContain("--rules pol2/");
    expect(command).toContain(`--rules ${join("..", "..", "pol2")}`);
    // Run again from the same folder, the command gives the same advice under the same policy.
    const again = await cli([...command.split(" ").slice(1), "--json"], { cwd: sub });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).recommendation).toBe(JSON.parse(first.stdout).recommendation);
  });

  it("keeps what --rules named, as the user typed it", async () => {
    const run = await cli(["advise", "--rules", "examples/policy", ...flags({ owner: "customer" }), "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).command).toContain("--rules examples/policy");
  });
});

describe("each weight's rationale, as the README promises", () => {
  const rule = shipped.rules.find((r) => r.rationale !== undefined)!;

  it("is in rules list --json", async () => {
    const run = await cli(["rules", "list", "--json"]);
    const listed = (JSON.parse(run.stdout) as { id: string; rationale?: string }[]).find((r) => r.id === rule.id)!;
    expect(listed.rationale).toBe(rule.rationale);
  });

  it("is in rules show, as text and JSON", async () => {
    const text = await cli(["rules", "show", rule.id, "--width", "1000"]);
    expect(text.stdout).toContain(rule.rationale);
    const json = await cli(["rules", "show", rule.id, "--json"]);
    expect(JSON.parse(json.stdout).rationale).toBe(rule.rationale);
  });
});

describe("rules check into a log", () => {
  it("writes no progress lines to a stderr that is not a terminal, however long it takes", async () => {
    // The shipped rules' sweep takes well past the second after which progress shows.
    const run = await cli(["rules", "check"]);
    expect(run.stdout).toContain("Checked");
    expect(run.stderr).not.toMatch(/\d+% of/);
  });
});

describe("advise -q", () => {
  it("prints the recommendation's id alone, the one --json names", async () => {
    const json = JSON.parse((await cli(["advise", ...flags(), "--json"])).stdout);
    for (const quiet of ["-q", "--quiet"]) {
      const run = await cli(["advise", ...flags(), quiet]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(`${json.recommendation}\n`);
    }
  });

  it("refuses a format beside it", async () => {
    const run = await cli(["advise", ...flags(), "-q", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--quiet");
  });
});
