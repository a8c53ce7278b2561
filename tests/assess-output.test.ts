import { spawn } from "node:child_process";
import { linkSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, cleanEnv, vmvc } from "./helpers/cli.js";

// Streams that lose nothing (issue 20, section 3), as real processes: an output is replaced
// whole or not at all, never written onto its own input, and rows reach a pipe as decided.

const dir = (): string => mkdtempSync(join(tmpdir(), "vmvc-assess-out-"));
const HEADER = "name,workload,boundary,host-os,guest-os\n";
const rowsOf = (n: number): string =>
  HEADER + Array.from({ length: n }, (_, i) => `vm${i},web,internal,2022,2022\n`).join("");
const leftovers = (folder: string): string[] => readdirSync(folder).filter((f) => f.includes("vmvc-tmp"));

/** Resolves when `test` holds for what the child has printed on stdout; fails after 10 s. */
function waitFor(child: ReturnType<typeof spawn>, test: (out: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`timed out; stdout so far: ${out.slice(0, 500)}`)), 10_000);
    const check = (): void => {
      if (!test(out)) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      resolve(out);
    };
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      check();
    };
    child.stdout!.on("data", onData);
  });
}

const exited = (child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: string | null }> =>
  new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));

describe("vmvc assess --output", () => {
  it("refuses to write onto its own input, by any name, and leaves it whole", () => {
    const folder = dir();
    const inventory = join(folder, "inv.csv");
    const content = rowsOf(3);
    writeFileSync(inventory, content);
    linkSync(inventory, join(folder, "same.csv"));
    for (const output of ["inv.csv", "./inv.csv", "same.csv"]) {
      const run = vmvc(["assess", "inv.csv", "--output", output], { cwd: folder });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is the inventory being read/);
      expect(readFileSync(inventory, "utf8")).toBe(content);
    }
    // stdin redirected from the file counts too.
    const piped = vmvc(["assess", "-", "--output", "inv.csv"], { cwd: folder, input: content });
    expect(piped.code).toBe(0); // a pipe is not the file: nothing to refuse
    expect(leftovers(folder)).toEqual([]);
  });

  it("leaves an earlier report untouched when the run is stopped with SIGTERM while writing", async () => {
    const folder = dir();
    const report = join(folder, "report.csv");
    writeFileSync(report, "the earlier report\n");
    const child = spawn(process.execPath, [BIN, "assess", "-", "--output", report, "--format", "csv"], {
      env: cleanEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    // Half an inventory, then wait until the temporary file beside the report has content.
    child.stdin.write(rowsOf(5000));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no temporary file")), 10_000);
      const poll = setInterval(() => {
        const temp = leftovers(folder)[0];
        if (temp && readFileSync(join(folder, temp)).length > 0) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve();
        }
      }, 20);
    });
    child.kill("SIGTERM");
    const { signal } = await exited(child);
    expect(signal).toBe("SIGTERM");
    expect(readFileSync(report, "utf8")).toBe("the earlier report\n");
    expect(leftovers(folder)).toEqual([]);
  });

  it("leaves an earlier report untouched when the input is missing or bad", () => {
    const folder = dir();
    writeFileSync(join(folder, "report.html"), "earlier");
    expect(vmvc(["assess", "missing.csv", "--output", "report.html"], { cwd: folder }).code).toBe(2);
    writeFileSync(join(folder, "bad.csv"), "Colour,Size\nred,big\n");
    expect(vmvc(["assess", "bad.csv", "--output", "report.html"], { cwd: folder }).code).toBe(2);
    expect(readFileSync(join(folder, "report.html"), "utf8")).toBe("earlier");
    expect(leftovers(folder)).toEqual([]);
  });

  it("gives two runs writing one output a whole file from one of them, never both interleaved", async () => {
    const folder = dir();
    writeFileSync(join(folder, "a.csv"), rowsOf(20_000).replace(/,web,/g, ",web,"));
    writeFileSync(join(folder, "b.csv"), rowsOf(20_000).replace(/,web,/g, ",batch,"));
    const run = (input: string) =>
      exited(
        spawn(process.execPath, [BIN, "assess", input, "--output", "out.ndjson"], {
          cwd: folder,
          env: cleanEnv(),
          stdio: "ignore",
        }),
      );
    const results = await Promise.all([run("a.csv"), run("b.csv")]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const lines = readFileSync(join(folder, "out.ndjson"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(20_000);
    const workloads = new Set(lines.map((l) => (JSON.parse(l) as { answers: { workload: string } }).answers.workload));
    expect(workloads.size).toBe(1);
    expect(leftovers(folder)).toEqual([]);
  });
});

describe("vmvc assess on a stream", () => {
  it("writes each NDJSON row to the pipe as it is decided, not at the end", async () => {
    const child = spawn(process.execPath, [BIN, "assess", "-"], { env: cleanEnv(), stdio: ["pipe", "pipe", "pipe"] });
    child.stdin.write(HEADER + "vm1,web,internal,2022,2022\n");
    await waitFor(child, (out) => out.includes('"name":"vm1"'));
    child.stdin.write("vm2,gui,internal,2022,2022\n");
    await waitFor(child, (out) => out.includes('"name":"vm2"'));
    child.stdin.end();
    expect((await exited(child)).code).toBe(0);
  });

  it("guesses the delimiter from a whole first line, however slowly stdin brings it", async () => {
    const child = spawn(process.execPath, [BIN, "assess", "-"], { env: cleanEnv(), stdio: ["pipe", "pipe", "pipe"] });
    const done = waitFor(child, (out) => out.includes('"name":"a"'));
    child.stdin.write("name");
    // The rest comes in a later chunk: once the first has been read for certain.
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.stdin.end(";workload\na;web\n");
    const out = await done;
    expect(JSON.parse(out.trim().split("\n")[0]!)).toMatchObject({ name: "a", answers: { workload: "web" } });
    expect((await exited(child)).code).toBe(0);
  });
});
