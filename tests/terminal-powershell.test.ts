import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";
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
