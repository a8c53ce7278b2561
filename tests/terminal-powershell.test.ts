import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cli, ROOT } from "./helpers/cli.js";
import { shipped } from "./helpers/shipped.js";

// PowerShell as the first shell: its users never think about case.

const flags = shipped.questions.filter((q) => !q.optional).flatMap((q) => [`--${q.id}`, q.choices[0]!.value]);

describe("PowerShell habits", () => {
  it.each(["pwsh", "PowerShell", "powershell", "POWERSHELL"])("takes --shell %s", async (name) => {
    const run = await cli(["advise", ...flags, "--shell", name, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).command).toMatch(/^vmvc advise /);
  });

  it.each(["pwsh", "PowerShell", "Bash"])("writes completion for %s", async (name) => {
    const run = await cli(["completion", name]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(name.toLowerCase() === "bash" ? "complete -F" : "Register-ArgumentCompleter");
  });

  it("takes a question's value and a format in any case", async () => {
    const lower = JSON.parse((await cli(["advise", ...flags, "--json"])).stdout);
    const upper = await cli([
      "advise",
      ...flags.map((f) => (f.startsWith("--") ? f : f.toUpperCase())),
      "--format",
      "JSON",
    ]);
    expect(upper.code, upper.stderr).toBe(0);
    expect(JSON.parse(upper.stdout).answers).toEqual(lower.answers);
  });

  it("says how to install completion even where $PROFILE does not exist yet", async () => {
    const run = await cli(["completion", "--help"]);
    expect(run.stdout).toMatch(/Test-Path \$PROFILE.*New-Item.*vmvc completion powershell >> \$PROFILE/);
  });

  it("prints commands the way the user ran them: npx vmvc after npx", async () => {
    const run = await cli(["advise", ...flags, "--json"], { env: { npm_command: "exec" } });
    expect(JSON.parse(run.stdout).command).toMatch(/^npx vmvc advise /);
  });
});

describe("the README's PowerShell examples", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const blocks = (lang: string): string[] =>
    [...readme.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);
  /** `$a = @('--x', 'y', …)` as PowerShell reads it: single-quoted words, '' for a quote. */
  const psArray = (block: string): string[] =>
    [.../\$a = @\(([\s\S]*?)\)/.exec(block)![1]!.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
  /** The words after `npx vmvc advise` in a POSIX block, with line continuations and $S expanded. */
  const shWords = (block: string, line: number): string[] => {
    const text = block.replace(/\\\n\s*/g, " ");
    const s = /S="([^"]*)"/.exec(text)?.[1] ?? "";
    const command = text.split("\n").filter((l) => l.startsWith("npx vmvc advise"))[line]!;
    return command.replace(/#.*$/, "").replace("$S", s).split(/\s+/).filter(Boolean).slice(3);
  };
  const answersOf = async (words: string[]) => {
    const run = await cli(["advise", ...words.filter((w) => w !== "--json"), "--json"]);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { answers: Record<string, string>; recommendation: string };
  };

  it("has a PowerShell twin for every scripted POSIX example, parsing to the same answers", async () => {
    const ps = blocks("powershell").filter((b) => b.includes("$a = @("));
    expect(ps.length).toBeGreaterThanOrEqual(2);
    // The plain scripted example, then the policy example: each POSIX block beside its twin.
    const sh = blocks("sh").filter((b) => /npx vmvc advise (--workload|\$S)/.test(b));
    expect(sh.length).toBe(ps.length);
    for (let i = 0; i < ps.length; i++) {
      const array = psArray(ps[i]!);
      const shLines = sh[i]!.split("\n").filter((l) => l.startsWith("npx vmvc advise")).length;
      const psLines = ps[i]!.split("\n").filter((l) => l.startsWith("npx vmvc advise @a"));
      for (let l = 0; l < shLines; l++) {
        const extra = (psLines[l] ?? "npx vmvc advise @a").replace(/#.*$/, "").split(/\s+/).filter(Boolean).slice(4);
        const [posix, powershell] = await Promise.all([
          answersOf(shWords(sh[i]!, l)),
          answersOf([...array, ...extra.filter((w) => !w.startsWith("|") && w !== "ConvertFrom-Json")]),
        ]);
        expect(powershell.answers).toEqual(posix.answers);
        expect(powershell.recommendation).toBe(posix.recommendation);
      }
    }
  });
});
