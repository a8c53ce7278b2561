import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { BIN, cleanEnv, ROOT } from "./helpers/cli.js";
import { loadShippedFromDisk } from "../src/ruleset/load.js";
import { allFlags } from "./helpers/shipped.js";

// The shipped artifact: what `npm ci` leaves in dist/ and what bin/vmvc.js runs.

const dir = mkdtempSync(join(tmpdir(), "vmvc-bundle-"));
const reporter = join(dir, "loaded.cjs");
writeFileSync(reporter, 'process.on("exit", () => require("fs").writeSync(3, JSON.stringify(Object.keys(require.cache))));');

/** The bundle files a command line loads. */
function loadedBundles(args: string[]): string[] {
  const result = spawnSync(process.execPath, ["--require", reporter, BIN, ...args], { env: cleanEnv(), stdio: ["ignore", "ignore", "ignore", "pipe"], encoding: "utf8" });
  return (JSON.parse(String(result.output[3])) as string[]).filter((f) => f.includes("/dist/")).map((f) => f.split("/").pop()!).sort();
}

describe("the built CLI", () => {
  it("ships V8 code caches, the general one and one per common command, that this Node accepts", () => {
    const filename = join(ROOT, "dist/vmvc.js");
    const source = readFileSync(filename, "utf8");
    const caches = readdirSync(join(ROOT, "dist")).filter((f) => f.endsWith(".v8cache")).sort();
    expect(caches).toEqual(["advise.v8cache", "compare.v8cache", "vmvc.v8cache"]);
    for (const cache of caches) {
      const script = new Script(source, { filename, cachedData: readFileSync(join(ROOT, "dist", cache)) });
      expect(script.cachedDataRejected, cache).toBe(false);
    }
  });

  it("runs the same without its code caches, or with a damaged one", () => {
    const copy = mkdtempSync(join(tmpdir(), "vmvc-copy-"));
    cpSync(join(ROOT, "bin"), join(copy, "bin"), { recursive: true });
    cpSync(join(ROOT, "dist"), join(copy, "dist"), { recursive: true });
    const expected = spawnSync(process.execPath, [BIN, "advise", ...allFlags(), "--json"], { env: cleanEnv(), encoding: "utf8" }).stdout;
    rmSync(join(copy, "dist/advise.v8cache"));
    writeFileSync(join(copy, "dist/vmvc.v8cache"), "not a code cache");
    const run = spawnSync(process.execPath, [join(copy, "bin/vmvc.js"), "advise", ...allFlags(), "--json"], { env: cleanEnv(), encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(expected);
    expect(JSON.parse(expected).recommendation).toBeTruthy();
  });

  it("loads only the main bundle for JSON output and --version", () => {
    expect(loadedBundles(["advise", ...allFlags(), "--json"])).toEqual([]);
    expect(loadedBundles(["compare", "--json"])).toEqual([]);
    expect(loadedBundles(["--version"])).toEqual([]);
  });

  it("loads commander only for help, mistakes and the rules commands", () => {
    expect(loadedBundles(["compare", "--rows", "isolation", "--format", "csv"])).toEqual([]);
    expect(loadedBundles(["advise", "--help"])).toEqual(["program.cjs"]);
    expect(loadedBundles(["advise", ...allFlags(), "--bondary", "hostile"])).toEqual(["program.cjs"]);
    expect(loadedBundles(["compare", "--format=json"])).toEqual(["program.cjs"]);
    expect(loadedBundles(["--help"])).toEqual(["program.cjs"]);
  });

  it("loads terminal rendering only for text, and never Inquirer without a prompt", () => {
    expect(loadedBundles(["compare"])).toEqual(["render.cjs"]);
    expect(loadedBundles(["advise", ...allFlags()])).toEqual(["render.cjs"]);
    expect(loadedBundles(["rules", "list"])).toEqual(["program.cjs", "rules.cjs"]);
    expect(loadedBundles(["compare", "--rules", "examples/policy", "--json"])).toEqual(["loader.cjs"]);
  });

  it("ships the rules as validated from rules/, and the version inside the bundle", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "dist/shipped-rules.json"), "utf8"))).toEqual(loadShippedFromDisk());
    const source = readFileSync(join(ROOT, "dist/vmvc.js"), "utf8");
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
    expect(source).toContain(`"${version}"`);
    expect(source).not.toContain("zod");
  });
});
