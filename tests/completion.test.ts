import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, cleanEnv, cli, ROOT } from "./helpers/cli.js";
import { shipped } from "./helpers/shipped.js";
import { tmp } from "./helpers/tmp.js";

/** What Tab offers after `vmvc <words>`, the last word being the one completed. */
async function tab(words: string[], cwd?: string): Promise<string[]> {
  const run = await cli(["__complete", String(words.length - 1), ...words], cwd ? { cwd } : {});
  expect(run.code).toBe(0);
  return run.stdout.split("\n").filter(Boolean);
}

describe("completion candidates", () => {
  it("offers the commands, then each command's flags, then each question's values", async () => {
    expect(await tab([""])).toEqual(["advise", "assess", "compare", "rules", "completion"]);
    expect(await tab(["advise", "--host"])).toEqual(["--host-os", "--host-type"]);
    const hostOs = shipped.questions.find((q) => q.id === "host-os")!;
    expect(await tab(["advise", "--host-os", ""])).toEqual([...hostOs.choices.map((c) => c.value), "unknown"]);
    expect(await tab(["advise", "--workload", "web", "--work"])).toEqual([]); // already given
    expect(await tab(["rules", ""])).toEqual(["list", "show", "validate", "schema", "check"]);
    expect(await tab(["rules", "show", "hostile"])).toEqual(
      shipped.rules.map((r) => r.id).filter((id) => id.startsWith("hostile")),
    );
    expect(await tab(["compare", "--rows", "isolation,guest"])).toEqual(["isolation,guest-compatibility"]);
    expect(await tab(["compare", "--format", ""])).toEqual(["table", "markdown", "json", "csv"]);
    expect(await tab(["advise", "--shell", "p"])).toEqual(["posix", "powershell"]);
    expect(await tab(["completion", ""])).toEqual(["bash", "zsh", "fish", "powershell"]);
  });

  it("completes a value after --flag=, as one word (zsh, fish, PowerShell) or split at = (bash)", async () => {
    const values = [...shipped.questions.find((q) => q.id === "host-os")!.choices.map((c) => c.value), "unknown"];
    expect(await tab(["advise", "--host-os="])).toEqual(values.map((v) => `--host-os=${v}`));
    expect(await tab(["advise", "--host-os=202"])).toEqual(
      values.filter((v) => v.startsWith("202")).map((v) => `--host-os=${v}`),
    );
    expect(await tab(["advise", "--host-os", "=", ""])).toEqual(values);
    // A value given that way is a value, not the command's argument: the flags come next.
    expect(await tab(["advise", "--host-os", "=", "2022", "--guest"])).toEqual(["--guest-os"]);
    expect(await tab(["advise", "--output=x"])).toEqual([":files"]);
  });

  it("leaves paths to the shell", async () => {
    for (const words of [
      ["advise", "--answers", ""],
      ["advise", "--rules", "ex"],
      ["assess", ""],
      ["rules", "validate", "po"],
    ])
      expect(await tab(words)).toEqual([":files"]);
  });

  it("includes custom questions from the config, and still completes when the config is broken", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "vmvc.config.json"), JSON.stringify({ rules: [join(ROOT, "examples/policy")] }));
    expect(await tab(["advise", "--ow"], dir)).toEqual(["--owner"]);
    expect(await tab(["advise", "--owner", ""], dir)).toEqual(["internal", "customer", "unknown"]);
    writeFileSync(join(dir, "vmvc.config.json"), JSON.stringify({ rules: ["missing/"] }));
    expect(await tab(["advise", "--host"], dir)).toEqual(["--host-os", "--host-type"]);
  });
});

describe("vmvc completion <shell>", () => {
  it("completes in a real bash, through the vmvc on PATH", () => {
    const bin = tmp();
    writeFileSync(join(bin, "vmvc"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, "vmvc"), 0o755);
    const complete = (words: string[]) =>
      execFileSync(
        "bash",
        [
          "-c",
          `source <(vmvc completion bash); COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _vmvc_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        {
          env: cleanEnv({ PATH: `${bin}:${process.env.PATH}` }),
          cwd: ROOT,
          encoding: "utf8",
        },
      )
        .split("\n")
        .filter(Boolean);
    expect(complete(["vmvc", "advise", "--boundary", ""])).toEqual(["trusted", "internal", "hostile", "unknown"]);
    expect(complete(["vmvc", "co"])).toEqual(["compare", "completion"]);
    expect(complete(["vmvc", "advise", "--rules", "examples/pol"])).toEqual(["examples/policy"]);
  });

  const installed = (shell: string): boolean => spawnSync("sh", ["-c", `command -v ${shell}`]).status === 0;
  const onPath = () => {
    const bin = tmp();
    writeFileSync(join(bin, "vmvc"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, "vmvc"), 0o755);
    return cleanEnv({ PATH: `${bin}:${process.env.PATH}` });
  };

  it.skipIf(!installed("fish"))("completes in a real fish (skipped where fish is not installed)", async () => {
    const script = join(tmp(), "vmvc.fish");
    writeFileSync(script, (await cli(["completion", "fish"])).stdout);
    const complete = (line: string) =>
      execFileSync("fish", ["-c", `source ${script}; complete -C "${line}"`], {
        env: onPath(),
        cwd: ROOT,
        encoding: "utf8",
      })
        .split("\n")
        .filter(Boolean);
    expect(complete("vmvc advise --network ").sort()).toEqual(["dedicated", "shared", "unknown"]); // fish sorts
    expect(complete("vmvc rules ch")).toEqual(["check"]);
  });

  it.skipIf(!installed("zsh"))("prints a zsh script that zsh parses (skipped where zsh is not installed)", async () => {
    const script = join(tmp(), "_vmvc");
    writeFileSync(script, (await cli(["completion", "zsh"])).stdout);
    expect(spawnSync("zsh", ["-n", script]).status).toBe(0);
  });

  it.each([
    ["zsh", "compdef _vmvc vmvc"],
    ["fish", "complete -c vmvc"],
    ["powershell", "Register-ArgumentCompleter -Native -CommandName vmvc"],
  ])("prints a %s script that hooks into the shell and asks vmvc on each Tab", async (shell, hook) => {
    const run = await cli(["completion", shell]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(hook);
    expect(run.stdout).toContain("vmvc __complete");
  });

  // PowerShell shows CompletionResult's fourth argument as the tooltip: each value's meaning,
  // as the question's choices give it (label and meaning), which other shells never see.
  it("describes each value after a tab when asked with --describe, for PowerShell's tooltips", async () => {
    const hostOs = shipped.questions.find((q) => q.id === "host-os")!;
    const described = await cli(["__complete", "--describe", "2", "advise", "--host-os", ""]);
    const lines = described.stdout.split("\n").filter(Boolean);
    expect(lines.slice(0, -1)).toEqual(hostOs.choices.map((c) => `${c.value}\t${c.label}: ${c.meaning}`));
    expect(lines.at(-1)).toMatch(/^unknown\t\S/);
    // --flag=value words keep their flag, and their tooltip.
    expect((await cli(["__complete", "--describe", "1", "advise", "--host-os=2022"])).stdout).toBe(
      `--host-os=2022\t${hostOs.choices.find((c) => c.value === "2022")!.label}: ${hostOs.choices.find((c) => c.value === "2022")!.meaning}\n`,
    );
    // Without it, bash, zsh and fish get the values alone.
    expect(await tab(["advise", "--host-os", ""])).toEqual([...hostOs.choices.map((c) => c.value), "unknown"]);
  });

  // A French admin's Tab shows French tooltips: the French rule texts, French punctuation, and
  // "I'm not sure" as the prompt says it. The values themselves never change.
  it("gives the tooltips in the reader's language", async () => {
    const french = await cli(["__complete", "--describe", "2", "advise", "--workload", ""], {
      env: { VMVC_LANG: "fr" },
    });
    const lines = french.stdout.split("\n").filter(Boolean);
    expect(lines.map((l) => l.split("\t")[0])).toEqual([
      "web",
      "service",
      "batch",
      "gui",
      "infrastructure",
      "database",
      "unknown",
    ]);
    for (const line of lines) expect(line).toMatch(/\t[^\t]+\u202f: \S/);
    expect(lines.at(-1)).toMatch(/^unknown\tJe ne sais pas\u202f: /);
    expect(french.stdout).not.toContain("Web app or API");
  });

  it("prints a PowerShell script whose tooltips are the meanings and whose install line creates $PROFILE", async () => {
    const script = (await cli(["completion", "powershell"])).stdout;
    expect(script).toContain("vmvc __complete --describe $before @words");
    // Split at the first tab (PowerShell's `t), the meaning passed as the fourth argument.
    expect(script).toContain('$value, $meaning = $_ -split "`t", 2');
    expect(script).toContain(
      "[System.Management.Automation.CompletionResult]::new($value, $value, 'ParameterValue', $meaning)",
    );
    // A first profile does not exist yet, nor perhaps its folder: New-Item -Force makes both,
    // and -ItemType File keeps Windows PowerShell 5.1 from asking which type of item.
    const install =
      "if (!(Test-Path $PROFILE)) { New-Item -ItemType File -Force $PROFILE | Out-Null }; vmvc completion powershell >> $PROFILE";
    expect(script).toContain(install);
    expect((await cli(["completion", "--help"])).stdout).toContain(install);
  });

  it("refuses an unknown shell with a suggestion", async () => {
    const run = await cli(["completion", "bsh"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown shell "bsh" \(did you mean bash\?\)/);
  });
});
