import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanEnv, ROOT, vmvc } from "./helpers/cli.js";
import { allFlags } from "./helpers/shipped.js";
import { tmp } from "./helpers/tmp.js";

// Installing as a tool (issue 23): `npm pack` makes a tarball that `npm install --global` takes
// offline, with no install script to allow and no dependency to fetch, and the installed
// command works. The pack runs in a copy of the sources, so the build it runs never replaces
// the dist/ that other test files are running at the same time.

const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

function npm(args: string[], cwd: string) {
  // npm's own settings from the environment (npm test sets npm_config_*) stay out.
  const result = spawnSync("npm", args, { cwd, env: cleanEnv(), encoding: "utf8", timeout: 170_000 });
  return { code: result.status, out: `${result.stdout}\n${result.stderr}` };
}

describe("npm pack and npm install --global", () => {
  it("installs offline into a prefix, with no install script, and runs", { timeout: 180_000 }, () => {
    const work = tmp("vmvc-pack-");
    const source = join(work, "source");
    for (const entry of ["package.json", "bin", "rules", "schema", "scripts", "src", "README.md"])
      cpSync(join(ROOT, entry), join(source, entry), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"));

    const pack = npm(["pack", "--pack-destination", work], source);
    expect(pack.code, pack.out).toBe(0);
    const tarball = join(work, `vmvc-${version}.tgz`);
    expect(existsSync(tarball)).toBe(true);
    // The working package.json is back as it was once packed.
    expect(readFileSync(join(source, "package.json"), "utf8")).toBe(readFileSync(join(ROOT, "package.json"), "utf8"));

    const prefix = join(work, "prefix");
    // An empty cache and --offline: anything to fetch from a registry fails the install.
    const install = npm(
      ["install", "--global", "--offline", "--prefix", prefix, "--cache", join(work, "cache"), tarball],
      work,
    );
    expect(install.code, install.out).toBe(0);
    expect(install.out).not.toMatch(/allowScripts|install-scripts|allow-scripts/);

    const installed = join(prefix, "lib/node_modules/vmvc");
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty("dependencies");
    expect(manifest).not.toHaveProperty("scripts");
    expect(existsSync(join(installed, "node_modules"))).toBe(false);

    const run = (args: string[]) =>
      spawnSync(join(prefix, "bin/vmvc"), args, { cwd: work, env: cleanEnv(), encoding: "utf8", input: "" });
    const shown = run(["--version"]);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`^vmvc ${version.replaceAll(".", "\\.")}\\n`));

    // The installed copy advises as the working one does: the same build of the same rules.
    const advised = run(["advise", ...allFlags(), "--json"]);
    expect(advised.status, advised.stderr).toBe(0);
    const here = vmvc(["advise", ...allFlags(), "--json"], { cwd: work });
    expect(JSON.parse(advised.stdout)).toEqual(JSON.parse(here.stdout));
  });
});
