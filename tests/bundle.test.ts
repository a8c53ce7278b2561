import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadShippedFromDisk } from "../src/ruleset/load.js";
import { BIN, cleanEnv, ROOT } from "./helpers/cli.js";
import { allFlags } from "./helpers/shipped.js";
import { tmp } from "./helpers/tmp.js";

// The shipped artifact: what `npm ci` leaves in dist/ and what bin/vmvc.js runs.

const dir = tmp();
const reporter = join(dir, "loaded.cjs");
writeFileSync(
  reporter,
  'process.on("exit", () => require("fs").writeSync(3, JSON.stringify(Object.keys(require.cache))));',
);

/** The large dependencies (dist/vendor/*.cjs) a command line loads. */
function vendorsLoaded(args: string[]): string[] {
  const result = spawnSync(process.execPath, ["--require", reporter, BIN, ...args], {
    env: cleanEnv(),
    stdio: ["ignore", "ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  return (JSON.parse(String(result.output[3])) as string[])
    .filter((f) => f.includes("/dist/vendor/"))
    .map((f) => f.split("/").pop()!.replace(".cjs", ""))
    .sort();
}

describe("the built CLI", () => {
  it("loads a large dependency only for the command that uses it", () => {
    expect(vendorsLoaded(["advise", ...allFlags(), "--json"])).toEqual([]);
    expect(vendorsLoaded(["compare", "--json"])).toEqual([]);
    expect(vendorsLoaded(["--version"])).toEqual([]);
    // Text for a terminal is wrapped by fast-wrap-ansi, measured by fast-string-width, boxed by cli-table3.
    const text = ["chalk", "fast-string-width", "fast-wrap-ansi"];
    expect(vendorsLoaded(["advise", ...allFlags()]).sort()).toEqual(text);
    expect(vendorsLoaded(["compare"]).sort()).toEqual([...text, "cli-table3"].sort());
    expect(vendorsLoaded(["rules", "list"])).not.toContain("cli-table3");
    expect(vendorsLoaded(["compare", "--rules", "examples/policy", "--json"])).toEqual(["zod"]);
  });

  it("ships the rules exactly as validated from rules/", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "dist/shipped-rules.json"), "utf8"))).toEqual(loadShippedFromDisk());
  });

  it("has in schema/ the rule-file schema the build makes, which rule files point at", () => {
    // The build writes dist/ only; after a schema change, \`npm run schema\` refreshes schema/.
    expect(readFileSync(join(ROOT, "schema/rule-file.schema.json"), "utf8")).toBe(
      readFileSync(join(ROOT, "dist/rule-file.schema.json"), "utf8"),
    );
  });

  it("says how to build it when dist/ is missing, without a stack trace", () => {
    const copy = tmp();
    cpSync(join(ROOT, "bin"), join(copy, "bin"), { recursive: true });
    cpSync(join(ROOT, "package.json"), join(copy, "package.json"));
    const run = spawnSync(process.execPath, [join(copy, "bin/vmvc.js"), "--version"], {
      env: cleanEnv(),
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`vmvc is not built yet: run \`npm ci\` (or \`npm run build\`) in ${copy}\n`);
  });
});
