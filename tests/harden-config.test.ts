import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allFlags, baseAnswers } from "./helpers/shipped.js";
import { BIN, cleanEnv, type Run } from "./helpers/cli.js";

// Issue 22, section 1: a vmvc.config.json found on the way up from the working directory is
// applied only when the user owns it, as git's safe.directory reasons; and it is read like a rule
// file, so that a FIFO or a device cannot hang or feed a run. Process tests: ownership is the
// operating system's, and a hang needs a real process to show.

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
/** nobody can run this Node only where its binary is outside root's home (npx's Node 24 is not). */
const nobodyCanRun =
  isRoot && spawnSync(process.execPath, ["-e", "0"], { uid: NOBODY, gid: NOBODY, cwd: tmpdir() }).status === 0;
const folders: string[] = [];
afterAll(() => folders.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "vmvc-harden-"));
  // Others (nobody) must reach it, as in a shared /tmp.
  chmodSync(dir, 0o755);
  folders.push(dir);
  return dir;
}

function run(args: readonly string[], cwd: string, options: { uid?: number; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: cleanEnv(options.env),
    input: "",
    encoding: "utf8",
    timeout: 20_000,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

// A hostile tenant rules process isolation out: a hard fact from the sources. A planted policy overrides it.
const hostile = [...allFlags({ ...baseAnswers, boundary: "hostile", deploy: "docker" }), "--json"];
const PLANTED = { disable: [{ id: "hostile-excludes-process-isolation", override: "hard-fact" }] };

/** A folder with the planted policy and the config that names it. */
function planted(): string {
  const dir = folder();
  writeFileSync(join(dir, "p.json"), JSON.stringify(PLANTED));
  writeFileSync(join(dir, "vmvc.config.json"), JSON.stringify({ rules: ["p.json"] }));
  return dir;
}

const recommendation = (r: Run): string => (JSON.parse(r.stdout) as { recommendation: string }).recommendation;

describe("a configuration someone else planted", () => {
  it("is applied when the user owns it (the baseline: the override takes effect and says so)", () => {
    const dir = planted();
    const r = run(["advise", ...hostile], dir);
    expect(r.code).toBe(0);
    expect(recommendation(r)).toBe("container");
    // stdout is a pipe: the override is said on stderr too.
    expect(r.stderr).toContain('overrides the hard fact "hostile-excludes-process-isolation"');
  });

  describe.runIf(isRoot)("(as root, with files chowned to nobody)", () => {
    it("is not applied when the config belongs to another user, with a warning naming it and how to trust it", () => {
      const dir = planted();
      chownSync(join(dir, "vmvc.config.json"), NOBODY, NOBODY);
      const r = run(["advise", ...hostile], dir);
      expect(r.code).toBe(0);
      expect(recommendation(r)).toBe("hyperv-container");
      expect(r.stderr).toContain("warning: vmvc.config.json: not applied: it belongs to another user (uid 65534)");
      expect(r.stderr).toContain("--rules");
      expect(r.stderr).toContain(`VMVC_TRUST=${dir}`);
      // The named way to trust it works, and so does naming the rules on the command line.
      expect(recommendation(run(["advise", ...hostile], dir, { env: { VMVC_TRUST: dir } }))).toBe("container");
      expect(recommendation(run(["advise", ...hostile, "--rules", "p.json"], dir))).toBe("container");
    });

    it("is not applied when a rule file it names belongs to another user, or anyone can write to it", () => {
      const dir = planted();
      chownSync(join(dir, "p.json"), NOBODY, NOBODY);
      const owned = run(["advise", ...hostile], dir);
      expect(recommendation(owned)).toBe("hyperv-container");
      expect(owned.stderr).toContain("warning: p.json: not applied: it belongs to another user (uid 65534)");

      const other = planted();
      chmodSync(join(other, "p.json"), 0o666);
      const writable = run(["advise", ...hostile], other);
      expect(recommendation(writable)).toBe("hyperv-container");
      expect(writable.stderr).toContain("warning: p.json: not applied: any user can write to it");
    });

    it("is not applied from a folder that holds another user's rule file", () => {
      const dir = folder();
      mkdirSync(join(dir, "policy"));
      writeFileSync(join(dir, "policy", "a.json"), JSON.stringify(PLANTED));
      chownSync(join(dir, "policy", "a.json"), NOBODY, NOBODY);
      writeFileSync(join(dir, "vmvc.config.json"), JSON.stringify({ rules: ["policy/"] }));
      const r = run(["advise", ...hostile], dir);
      expect(recommendation(r)).toBe("hyperv-container");
      expect(r.stderr).toContain("policy/a.json: not applied: it belongs to another user");
    });

    it("is left out of rules validate too, with the warning", () => {
      const dir = planted();
      chownSync(join(dir, "vmvc.config.json"), NOBODY, NOBODY);
      writeFileSync(join(dir, "mine.json"), JSON.stringify({ rules: [] }));
      const r = run(["rules", "validate", "mine.json"], dir);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain("vmvc.config.json: not applied");
    });

    it.runIf(nobodyCanRun)(
      "is applied, run as nobody, when root owns it: root's files are installed, not planted",
      () => {
        const dir = planted();
        const asNobody = run(["advise", ...hostile], dir, { uid: NOBODY });
        expect(asNobody.code).toBe(0);
        expect(recommendation(asNobody)).toBe("container");
        expect(asNobody.stderr).not.toContain("not applied");
      },
    );

    it.runIf(nobodyCanRun)("is not applied, run as nobody, when another ordinary user owns it", () => {
      const dir = planted();
      // uid 1 (daemon on Debian) is neither nobody nor root.
      chownSync(join(dir, "vmvc.config.json"), 1, 1);
      const asNobody = run(["advise", ...hostile], dir, { uid: NOBODY });
      expect(recommendation(asNobody)).toBe("hyperv-container");
      expect(asNobody.stderr).toContain("not applied: it belongs to another user (uid 1)");
    });
  });

  it.skipIf(isRoot)("needs root to chown files to another user: the ownership cases are skipped here", () => {
    expect(isRoot).toBe(false);
  });

  it.skipIf(!isRoot || nobodyCanRun)(
    "cannot run Node as nobody here (its binary is not readable by nobody): the two cases run as nobody are skipped",
    () => {
      expect(nobodyCanRun).toBe(false);
    },
  );
});

describe("a configuration that is not a regular file", () => {
  const options = { timeout: 20_000 };

  it(
    "as a FIFO fails the commands that need it in words, instead of hanging every command and Tab",
    () => {
      const dir = folder();
      const made = spawnSync("mkfifo", [join(dir, "vmvc.config.json")]);
      expect(made.status).toBe(0);
      const advise = run(["advise", ...hostile], dir);
      expect(advise.signal).toBeNull();
      expect(advise.code).toBe(2);
      expect(advise.stderr).toContain("vmvc.config.json: not a regular file");
      const tab = run(["__complete", "1", "advise", "--bound"], dir);
      expect(tab).toMatchObject({ code: 0, signal: null });
      expect(tab.stdout).toContain("--boundary");
      const help = run(["advise", "--help"], dir);
      expect(help).toMatchObject({ code: 0, signal: null });
      expect(help.stdout).toContain("--boundary");
    },
    options.timeout,
  );

  it("as a folder, or a link to /dev/stdin, is refused in words and leaves the inventory on stdin alone", () => {
    const dir = folder();
    mkdirSync(join(dir, "vmvc.config.json"));
    const asFolder = run(["advise", ...hostile], dir);
    expect(asFolder.code).toBe(2);
    expect(asFolder.stderr).toContain("vmvc.config.json: not a regular file");
    expect(run(["__complete", "1", "advise", "--bound"], dir).stdout).toContain("--boundary");

    const linked = folder();
    symlinkSync("/dev/stdin", join(linked, "vmvc.config.json"));
    // A real shell pipe, as `Get-Content servers.csv | vmvc assess -` or `cat … |` give it.
    const result = spawnSync(
      "bash",
      ["-c", `printf 'name,workload\\nweb-01,web\\n' | "${process.execPath}" "${BIN}" assess - --format ndjson`],
      { cwd: linked, env: cleanEnv(), encoding: "utf8", timeout: 20_000 },
    );
    // stdin is a pipe, not a regular file: refused, rather than read as the config and lost to the inventory.
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("vmvc.config.json: not a regular file");
    expect(result.stderr).not.toContain("JSON");
  });
});
