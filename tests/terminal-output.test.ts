import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, vmvc } from "./helpers/cli.js";

// Where advise's result goes when --output names a file.

/** Every question answered; these answers leave more what-ifs than a screen shows (five). */
const ANSWERS = [
  ...["--workload", "web", "--boundary", "internal", "--host-os", "2022", "--guest-os", "2019"],
  ...["--deploy", "docker", "--density", "medium", "--scaling", "elastic", "--update-cadence", "monthly"],
  ...["--storage", "none", "--recovery", "fast", "--network", "shared"],
];

const folder = (): string => mkdtempSync(join(tmpdir(), "vmvc-out-"));

describe("advise --output", () => {
  it("has the short form -o", async () => {
    const file = join(folder(), "advice.json");
    const run = await cli(["advise", ...ANSWERS, "-o", file]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).recommendation).toBeTypeOf("string");
  });

  it("creates the folders the path names, as the README's own example needs (docs/adr/…)", async () => {
    const dir = folder();
    const run = await cli(["advise", ...ANSWERS, "--output", "docs/adr/0007-hosting.md"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, "docs/adr/0007-hosting.md"), "utf8")).toMatch(/^# Hosting decision/);
  });

  it("names the part of the path that cannot be a folder, and exits 2", async () => {
    const dir = folder();
    writeFileSync(join(dir, "notes"), "a file\n");
    const run = await cli(["advise", ...ANSWERS, "--output", "notes/adr.md"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, "notes")} is a file, not a folder`);
    expect(existsSync(join(dir, "notes", "adr.md"))).toBe(false);
  });

  it("gives a file every what-if, where a screen gets the first five", async () => {
    const screen = await cli(["advise", ...ANSWERS]);
    // The premise: these answers have more what-ifs than a screen shows.
    expect(screen.stdout).toMatch(/… and \d+ more \(--json lists all\)/);
    const file = join(folder(), "advice.txt");
    const run = await cli(["advise", ...ANSWERS, "--output", file]);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain("more (--json lists all)");
    const changes = (t: string): number =>
      t
        .slice(t.indexOf("What would change this"))
        .split("\n")
        .filter((l) => /^ {2}--[a-z-]+ /.test(l)).length;
    expect(changes(text)).toBeGreaterThan(changes(screen.stdout));
  });

  it.skipIf(!existsSync("/dev/full"))("says a full device is full, and exits 2, never 'unexpected failure'", () => {
    const run = vmvc(["advise", ...ANSWERS, "--json", "--output", "/dev/full"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no space left on the device");
    expect(run.stderr).not.toContain("unexpected");
  });
});
