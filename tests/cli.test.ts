import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isTerminal } from "../src/shell/terminal.js";
import { evaluate } from "../src/engine/evaluate.js";
import { advise } from "../src/engine/explain.js";
import { allFlags, baseAnswers, compiled, shipped } from "./helpers/shipped.js";
import { ANSI, BIN, cleanEnv, cli, pipeline, ROOT, STACK, vmvc } from "./helpers/cli.js";
import { tmp } from "./helpers/tmp.js";

const optionId = z.enum(["vm", "container", "hyperv-container"]);
const adviceSchema = z.strictObject({
  // The language of the text fields: English unless asked otherwise.
  lang: z.literal("en"),
  recommendation: optionId,
  options: z
    .array(z.strictObject({ id: optionId, label: z.string(), score: z.number(), eligible: z.boolean() }))
    .length(3),
  reasons: z.array(
    z.strictObject({
      rule: z.string(),
      option: optionId,
      effect: z.union([z.number(), z.literal("excluded"), z.literal("caution")]),
      text: z.string().min(1),
      source: z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/),
      remedy: z.string().optional(),
      assumes: z.record(z.string(), z.string()).optional(),
      sourceUrl: z.url(),
    }),
  ),
  answers: z.record(z.string(), z.string()),
  certainty: z.strictObject({
    unknown: z.array(z.string()),
    combinations: z.number().int().positive(),
    share: z.number().min(0).max(1),
    dependsOn: z.array(
      z.strictObject({
        question: z.string(),
        byValue: z.record(z.string(), optionId.nullable()).optional(),
        mixed: z.literal(true).optional(),
      }),
    ),
    nothingFits: z.number().int().min(0),
    shares: z.record(z.string(), z.number()),
  }),
  assumed: z.record(z.string(), z.string()),
  assumptions: z.record(z.string(), z.string()),
  cautions: z.array(
    z.strictObject({
      rule: z.string(),
      option: optionId,
      text: z.string().min(1),
      source: z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/),
      sourceUrl: z.url(),
    }),
  ),
  margin: z.strictObject({
    points: z.number().nullable(),
    runnerUp: optionId.nullable(),
    verdict: z.enum(["only-option", "clear", "moderate", "narrow", "none"]),
  }),
  whatIf: z.array(
    z.strictObject({
      question: z.string(),
      from: z.string(),
      answer: z.string(),
      recommendation: optionId.nullable(),
      margin: z.number().nullable(),
      forced: z.boolean(),
      dependsOn: z.array(z.string()),
    }),
  ),
  excluded: z.array(z.strictObject({ option: optionId, reasons: z.array(z.any()) })),
  skipped: z.array(z.string()),
  command: z.string().startsWith("vmvc advise"),
  version: z.string().regex(/^\d+\.\d+\.\d+/),
  rules: z.strictObject({
    layers: z.array(z.strictObject({ path: z.string(), from: z.string(), files: z.number().optional() })).min(1),
    overriddenHardFacts: z.array(z.strictObject({ rule: z.string(), file: z.string() })),
    addedValues: z.array(
      z.strictObject({
        question: z.string(),
        value: z.string(),
        as: z.string().optional(),
        file: z.string(),
        ruledOut: z.array(optionId),
      }),
    ),
  }),
});

describe("vmvc advise, non-interactive", () => {
  it("prints JSON that matches the schema and the engine", async () => {
    const run = await cli(["advise", ...allFlags(), "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const data = adviceSchema.parse(JSON.parse(run.stdout));
    expect(data.recommendation).toBe(evaluate(compiled, { ...baseAnswers }).recommendation);
    expect(data.answers).toEqual(baseAnswers);
    // Best first: the eligible options by score, then the ruled-out ones.
    const eligible = data.options.filter((o) => o.eligible);
    expect(data.options.slice(0, eligible.length)).toEqual(eligible);
    expect(eligible.map((o) => o.score)).toEqual(eligible.map((o) => o.score).sort((a, b) => b - a));
    expect(data.options[0]!.id).toBe(data.recommendation);
    expect(data.command).toBe(`vmvc advise ${allFlags().join(" ")}`);
  });

  it("rejects a wrong value with the allowed values and a suggestion", async () => {
    const run = await cli(["advise", ...allFlags(), "--boundary", "hostle"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'error: --boundary "hostle" is not one of trusted, internal, hostile, unknown (did you mean hostile?)\n',
    );
    expect(run.stdout).toBe("");
  });

  it.each([
    [["--boundary", "nope"], /--boundary "nope" is not one of trusted, internal, hostile, unknown\n$/],
    [["--boundary", ""], /--boundary "" is not one of/],
    [["--bondary", "hostile"], /unknown option '--bondary'[\s\S]*--boundary/],
    [["--workload"], /option '--workload <value>' argument missing/],
    [["--format", "yaml"], /--format.*yaml/],
    [["stray"], /unexpected argument "stray": answers and options are flags/],
  ])("exits 2 for %j", async (args, message) => {
    const run = await cli(["advise", ...allFlags(), ...(args as string[])]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message as RegExp);
    expect(run.stderr).not.toMatch(STACK);
  });

  it("names every missing flag with its values, at once, without a terminal", async () => {
    const started = Date.now();
    const run = await cli(["advise", "--boundary", "hostile"]);
    expect(run.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
    const missing = shipped.questions.filter((q) => q.id !== "boundary" && !q.optional);
    expect(run.stderr.split("\n")[0]).toBe(
      `error: missing answers (not asking: neither stdout nor stderr is a terminal): ${missing.map((q) => `--${q.id}`).join(", ")}`,
    );
    expect(run.stderr).toContain("--workload <web|service|batch|gui|infrastructure|database|unknown>");
  });

  it("does not ask for answers that cannot matter", async () => {
    const run = await cli(["advise", "--workload", "gui", "--host-os", "2022", "--json"]);
    expect(run.code).toBe(0);
    const data = adviceSchema.parse(JSON.parse(run.stdout));
    expect(data.recommendation).toBe("vm");
    expect(data.skipped).toContain("boundary");
  });

  it("reads answers from a file and from stdin; flags win", async () => {
    const dir = tmp();
    const file = join(dir, "answers.json");
    writeFileSync(file, JSON.stringify(baseAnswers));
    const fromFile = JSON.parse((await cli(["advise", "--answers", file, "--json"])).stdout);
    expect(fromFile.answers).toEqual(baseAnswers);
    const overridden = JSON.parse((await cli(["advise", "--answers", file, "--boundary", "hostile", "--json"])).stdout);
    expect(overridden.answers.boundary).toBe("hostile");
    expect(overridden.recommendation).not.toBe("container");
    const fromStdin = await cli(["advise", "--answers", "-", "--json"], { input: JSON.stringify(baseAnswers) });
    expect(JSON.parse(fromStdin.stdout).recommendation).toBe(fromFile.recommendation);
    // A previous --json output works as an answers file too.
    const replay = await cli(["advise", "--answers", "-", "--json"], { input: JSON.stringify(fromFile) });
    expect(JSON.parse(replay.stdout).answers).toEqual(baseAnswers);
  });

  it.each([
    ["{", /answers\.json: not valid JSON/],
    ["[]", /expected an object of answers/],
    ['{"workloda":"web"}', /unknown question "workloda" \(did you mean workload\?\)/],
    ['{"workload":"webb"}', /"workload": "webb" is not one of web, service/],
    // A number is read as its digits (ConvertTo-Json writes numbers), then checked like text.
    ['{"workload":7}', /"workload": "7" is not one of/],
    ['{"__proto__":{"x":1}}', /unknown question "__proto__"/],
  ])("rejects the answers file %s", async (content, message) => {
    const dir = tmp();
    writeFileSync(join(dir, "answers.json"), content);
    const run = await cli(["advise", "--answers", "answers.json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK);
  });

  it("reports a missing answers file", async () => {
    const run = await cli(["advise", "--answers", "/nonexistent/answers.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: --answers /nonexistent/answers.json: cannot read: no such file\n");
  });

  it("writes a decision record in Markdown", async () => {
    const run = await cli(["advise", ...allFlags(), "--format", "markdown"]);
    expect(run.code).toBe(0);
    for (const heading of [
      "# Hosting decision: Web app or API, as Container with process isolation",
      "## Context",
      "## Decision",
      "## Options considered",
      "## Consequences",
      "## Sources",
    ]) {
      expect(run.stdout).toContain(heading);
    }
    expect(run.stdout).toMatch(/\]\(https:\/\/learn\.microsoft\.com\//);
  });

  it("prints a plain-text recommendation with reasons, sources and what would change it", async () => {
    const run = await cli(["advise", ...allFlags()]);
    expect(run.code).toBe(0);
    // The headline states what the engine says, in its own numbers.
    const expected = advise(compiled, { ...baseAnswers });
    const [winner] = expected.options;
    const runnerUp = expected.options.find((o) => o.id === expected.margin.runnerUp)!;
    const text = run.stdout.replace(/\n {2}/g, " ");
    expect(text.startsWith(`Recommendation: ${winner!.label}, score ${winner!.score} `)).toBe(true);
    expect(text).toContain(`${expected.margin.points} points ahead of ${runnerUp.label} at ${runnerUp.score}`);
    expect(run.stdout).toContain("Ruled out");
    expect(run.stdout).toContain("To make it possible:");
    expect(run.stdout).toContain("What would change this");
    expect(run.stdout).toMatch(/\[1\] Containers vs\. virtual machines/);
    expect(run.stdout).not.toMatch(ANSI);
  });
});

describe("vmvc compare", () => {
  const formats = ["table", "markdown", "json", "csv"];
  it.each(formats.flatMap((f) => [80, 200].map((w) => [f, w] as const)))(
    "prints %s at width %i",
    async (format, width) => {
      const run = await cli(["compare", "--format", format], { env: { COLUMNS: String(width) } });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      if (format === "table") {
        // Source links stay whole, however long: every other line fits.
        const lines = run.stdout
          .trimEnd()
          .split("\n")
          .filter((l) => !/https:\/\//.test(l));
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
        expect(run.stdout).toMatch(/│ Container with (Hyper-V isolation)? +│/);
        expect(run.stdout).toMatch(/Licensing per\s/);
      }
      if (format === "json") {
        const data = JSON.parse(run.stdout);
        expect(data.rows.length).toBeGreaterThanOrEqual(9);
        for (const row of data.rows)
          expect(Object.keys(row.values).sort()).toEqual(["container", "hyperv-container", "vm"]);
      }
      if (format === "csv")
        expect(run.stdout.split("\r\n")[0]).toBe("id,feature,vm,container,hyperv-container,sources");
      if (format === "markdown") expect(run.stdout.split("\n")[1]).toBe("| --- | --- | --- | --- |");
    },
  );

  it("lists the nine source rows by id in JSON", async () => {
    const data = JSON.parse((await cli(["compare", "--json"])).stdout);
    expect(data.rows.slice(0, 9).map((r: { id: string }) => r.id)).toEqual([
      "isolation",
      "operating-system",
      "guest-compatibility",
      "deployment",
      "updates",
      "persistent-storage",
      "load-balancing",
      "fault-tolerance",
      "networking",
    ]);
  });

  it("selects rows, and rejects an unknown one with a suggestion", async () => {
    const data = JSON.parse((await cli(["compare", "--json", "--rows", "networking,isolation"])).stdout);
    expect(data.rows.map((r: { id: string }) => r.id)).toEqual(["networking", "isolation"]);
    const run = await cli(["compare", "--rows", "isolaton"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--rows "isolaton" is not one of .* \(did you mean isolation\?\)/);
  });

  it("stacks rows on a narrow terminal instead of squeezing four columns", async () => {
    const run = await cli(["compare"], { env: { COLUMNS: "40" } });
    for (const line of run.stdout.split("\n").filter((l) => !/https:\/\//.test(l)))
      expect([...line].length).toBeLessThanOrEqual(40);
    expect(run.stdout).toMatch(/^Isolation\n {2}Virtual machine \(Hyper-V\):\n {4}Full isolation/);
  });

  it("falls back to 80 columns when the width is unknown or nonsense", async () => {
    for (const columns of [undefined, "0", "abc"]) {
      const run = await cli(["compare"], { env: { COLUMNS: columns } });
      const table = run.stdout.slice(0, run.stdout.lastIndexOf("Sources"));
      const widest = Math.max(...table.split("\n").map((l) => [...l].length));
      expect(widest).toBeLessThanOrEqual(80);
      expect(widest).toBeGreaterThan(60);
    }
  });
});

describe("pipes and colour", () => {
  it.each(["compare", `advise ${allFlags().join(" ")}`, "rules list"])(
    "survives a reader that stops early: %s | head -1",
    async (command) => {
      const run = pipeline(`$VMVC ${command} | head -n 1`);
      expect(run.stdout.split("\n").length).toBeLessThanOrEqual(2);
      expect(run.stderr).toBe("");
      expect(run.statuses).toEqual([0, 0]);
    },
  );

  // Written down from the rule (product.md, no-color.org, terminal.ts's contract): --no-color and
  // a non-empty NO_COLOR win, then FORCE_COLOR (0 or false turn it off), then TERM=dumb, else colour
  // exactly when stdout is a terminal. Each case on a terminal too, where colour would otherwise be on.
  it.each([
    [{}, [], "pipe", false],
    [{}, [], "terminal", true],
    [{ NO_COLOR: "1" }, [], "terminal", false],
    [{ NO_COLOR: "" }, [], "terminal", true],
    [{ NO_COLOR: "1", FORCE_COLOR: "1" }, [], "pipe", false],
    [{ FORCE_COLOR: "0" }, [], "terminal", false],
    [{ FORCE_COLOR: "false" }, [], "terminal", false],
    [{ FORCE_COLOR: "1" }, ["--no-color"], "terminal", false],
    [{}, ["--no-color"], "terminal", false],
    [{ TERM: "dumb" }, [], "terminal", false],
    [{ TERM: "dumb", FORCE_COLOR: "1" }, [], "pipe", true],
    [{ FORCE_COLOR: "1" }, [], "pipe", true],
  ] as const)("with %j %j on a %s, colour is %s", async (env, flags, stdout, colour) => {
    // `rules list` on a pipe prints tab-separated lines for scripts, never coloured.
    const commands = [["compare"], ["advise", ...allFlags()], ...(stdout === "terminal" ? [["rules", "list"]] : [])];
    for (const args of commands) {
      const run = await cli([...args, ...flags], { env, ...(stdout === "terminal" ? { terminalColumns: 100 } : {}) });
      expect(run.code).toBe(0);
      if (colour) expect(run.stdout).toMatch(ANSI);
      else expect(run.stdout).not.toMatch(ANSI);
    }
  });
});

describe("help, version and exit codes", () => {
  it("leads advise --help with its usage, then examples, and lists every question with its values", async () => {
    const run = await cli(["advise", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("Usage: vmvc advise [options]")).toBe(true);
    expect(run.stdout.indexOf("Examples:")).toBeGreaterThan(run.stdout.indexOf("Options:"));
    for (const q of shipped.questions) {
      expect(run.stdout).toContain(`--${q.id}: ${q.prompt}`);
      // Each question's help text, under it.
      expect(run.stdout).toContain(`      ${q.help}`);
      for (const c of q.choices) expect(run.stdout).toContain(c.meaning);
    }
  });

  it("prints what a bug report needs: vmvc's version, the shipped rules' fingerprint, Node's version", async () => {
    const run = await cli(["--version"]);
    expect(run.code).toBe(0);
    const [own, rules, node] = run.stdout.trim().split("\n");
    expect(own).toBe(`vmvc ${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}`);
    // The fingerprint is the hash of the rules exactly as shipped.
    const hash = createHash("sha256")
      .update(readFileSync(join(ROOT, "dist/shipped-rules.json")))
      .digest("hex");
    expect(rules).toContain(`sha256 ${hash.slice(0, 12)}`);
    expect(rules).toContain(`${shipped.rules.length} rules`);
    expect(node).toContain(process.version);
  });

  it("exits 2 on an unknown command, with a suggestion", async () => {
    const run = await cli(["compar"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command 'compar'[\s\S]*compare/);
  });
});

describe("terminal detection", () => {
  it("tells files, /dev/null and closed descriptors from terminals (the pseudo-terminal tests cover a real one)", async () => {
    const file = join(tmp(), "out.txt");
    writeFileSync(file, "");
    for (const fd of [openSync(file, "r"), openSync("/dev/null", "r")]) {
      expect(isTerminal(fd)).toBe(false);
      closeSync(fd);
    }
    expect(isTerminal(999)).toBe(false);
  });
});

describe("answers files from the real world", () => {
  it.each([
    ["UTF-8 with a BOM", (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
    ["UTF-16 LE with a BOM", (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")])],
  ])("reads an answers file written as %s", async (_name, encode) => {
    const file = join(tmp(), "answers.json");
    writeFileSync(file, encode(JSON.stringify(baseAnswers)));
    const run = await cli(["advise", "--answers", file, "--json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).answers).toEqual(baseAnswers);
  });

  it("stops reading an endless answers file or stdin at 4 MiB, with a reason", () => {
    const zero = vmvc(["advise", "--answers", "/dev/zero"], { timeout: 10_000 });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toBe("error: --answers /dev/zero: cannot read: too large: larger than 4 MiB\n");
    const piped = pipeline("yes | $VMVC advise --answers -");
    expect(piped.statuses[1]).toBe(2);
    expect(piped.stderr).toMatch(/--answers stdin: cannot read: too large/);
  });

  it("says in words why a file cannot be read", async () => {
    expect((await cli(["advise", "--answers", "/nonexistent.json"])).stderr).toBe(
      "error: --answers /nonexistent.json: cannot read: no such file\n",
    );
    expect((await cli(["advise", "--answers", tmp()])).stderr).toMatch(/cannot read: it is a folder, not a file\n$/);
  });
});

describe("the policy in force, shown wherever the advice goes", () => {
  const S = [
    "--workload",
    "web",
    "--boundary",
    "hostile",
    "--host-os",
    "2022",
    "--guest-os",
    "2022",
    "--deploy",
    "docker",
    "--density",
    "medium",
    "--scaling",
    "steady",
    "--update-cadence",
    "monthly",
    "--storage",
    "none",
    "--recovery",
    "fast",
    "--network",
    "shared",
  ];

  it("names a policy from the config in the JSON, the reproducing command and the record", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "vmvc.config.json"), JSON.stringify({ rules: [join(ROOT, "examples/policy")] }));
    const json = JSON.parse((await cli(["advise", ...S, "--owner", "customer", "--json"], { cwd: dir })).stdout);
    expect(json.rules.layers[1]).toMatchObject({
      path: join(ROOT, "examples/policy"),
      from: "vmvc.config.json",
      files: 3,
    });
    // The config names an absolute path: the command names it as it is.
    expect(json.command).toContain(`--rules ${join(ROOT, "examples/policy")}`);
    // Run elsewhere, the command gives the same advice: the policy travels with it.
    const again = JSON.parse((await cli([...json.command.split(" ").slice(1), "--json"])).stdout);
    expect(again.recommendation).toBe(json.recommendation);
    const record = (await cli(["advise", ...S, "--owner", "customer", "--format", "markdown"], { cwd: dir })).stdout;
    expect(record).toContain("then the policy in");
    expect(record).not.toContain("from Microsoft's guidance on containers and virtual machines");
  });

  it("warns, in text and in the record, when a policy overrides a hard fact", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "weak.json"),
      JSON.stringify({ disable: [{ id: "hostile-excludes-process-isolation", override: "hard-fact" }] }),
    );
    const text = await cli(["advise", ...S, "--rules", join(dir, "weak.json")]);
    expect(text.stdout.replace(/\n\s*/g, " ")).toMatch(
      /^Warning: .*weak\.json overrides the hard fact "hostile-excludes-process-isolation"/,
    );
    const json = JSON.parse((await cli(["advise", ...S, "--rules", join(dir, "weak.json"), "--json"])).stdout);
    expect(json.rules.overriddenHardFacts).toEqual([
      { rule: "hostile-excludes-process-isolation", file: join(dir, "weak.json") },
    ]);
  });

  it("lists the values a policy adds, and what fails closed on them, in the JSON", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "ubuntu.json"),
      JSON.stringify({
        questions: [{ id: "guest-os", choices: [{ value: "ubuntu", label: "Ubuntu", meaning: "an Ubuntu image" }] }],
      }),
    );
    const run = await cli([
      "advise",
      ...allFlags({ ...baseAnswers, "guest-os": "ubuntu" }),
      "--rules",
      join(dir, "ubuntu.json"),
      "--json",
    ]);
    expect(run.code).toBe(0);
    const data = adviceSchema.extend({ recommendation: optionId.nullable() }).parse(JSON.parse(run.stdout));
    // Hard facts about all three options read the guest OS: none can vouch for "ubuntu".
    expect(data.recommendation).toBeNull();
    expect(data.rules.addedValues).toEqual([
      {
        question: "guest-os",
        value: "ubuntu",
        file: expect.stringMatching(/ubuntu\.json$/),
        ruledOut: ["vm", "container", "hyperv-container"],
      },
    ]);
  });

  it("writes the command for PowerShell or for POSIX shells", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "it's.json"), JSON.stringify({ rules: [] }));
    const posix = JSON.parse(
      (await cli(["advise", ...S, "--rules", join(dir, "it's.json"), "--shell", "posix", "--json"])).stdout,
    );
    expect(posix.command).toContain(`--rules '${join(dir, "it")}'\\''s.json'`);
    const ps = JSON.parse(
      (await cli(["advise", ...S, "--rules", join(dir, "it's.json"), "--shell", "powershell", "--json"])).stdout,
    );
    expect(ps.command).toContain(`--rules '${join(dir, "it''s.json")}'`);
    const bad = await cli(["advise", ...S, "--shell", "cmd"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--shell "cmd" is not one of posix, powershell/);
  });
});

describe("output that cannot be written", () => {
  it("says why on stderr and fails when stdout is full", () => {
    const run = pipeline("$VMVC compare > /dev/full");
    expect(run.statuses).toEqual([2]);
    expect(run.stderr).toBe("vmvc: cannot write the output: no space left on the device\n");
  });

  it("takes a stdout not open for writing as a write failure, not a hang-up", () => {
    const run = pipeline("$VMVC compare --json 1</dev/null");
    expect(run.statuses).toEqual([2]);
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe("vmvc: cannot write the output: it is not open for writing\n");
  });

  it("keeps the first error's exit code when stderr cannot be written either", () => {
    expect(pipeline("$VMVC advise --workload nope 2>/dev/full").statuses).toEqual([2]);
  });

  it("delivers every byte to a pipe left non-blocking, even to a slow reader", async () => {
    // O_NONBLOCK belongs to the pipe, shared by every process writing to it; a net.Socket on
    // fd 1 sets it, as a parent sharing the pipe might. Once the pipe is full, writes fail with
    // EAGAIN: the rest must still arrive before vmvc exits.
    const dir = tmp();
    const inventory = join(dir, "inventory.csv");
    writeFileSync(
      inventory,
      [
        "name,workload,host-os",
        ...Array.from({ length: 3_000 }, (_, i) => `vm${i},${i % 2 ? "web" : "database"},2022`),
      ].join("\n"),
    );
    const launcher = join(dir, "launch.cjs");
    writeFileSync(
      launcher,
      `new (require("node:net").Socket)({ fd: 1, readable: false }); require(${JSON.stringify(BIN)});\n`,
    );
    const args = ["assess", inventory, "--format", "csv"];
    const expected = (await cli(args)).stdout;
    expect(Buffer.byteLength(expected)).toBeGreaterThan(4 * 65_536);
    const child = spawn(process.execPath, [launcher, ...args], { stdio: ["ignore", "pipe", "pipe"], env: cleanEnv() });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const chunks: Buffer[] = [];
    // A slow reader: nothing until the pipe has filled, then a chunk and a pause.
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 500);
    child.stdout.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 3);
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    // assess warns about the questions its columns leave unanswered; nothing else may show.
    expect(stderr.replace(/^warning: .*\n/gm, "")).toBe("");
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString()).toBe(expected);
  });

  it("prints its version from a working directory that was deleted", () => {
    const run = pipeline('d=$(mktemp -d) && cd "$d" && rmdir "$d" && $VMVC --version');
    expect(run.stdout.split("\n")[0]).toMatch(/^vmvc \d+\.\d+\.\d+$/);
    expect(run.statuses).toEqual([0]);
  });
});

describe("small things said right", () => {
  it("reads COLUMNS=1e3 as a thousand columns", async () => {
    const run = await cli(["compare", "--rows", "isolation"], { env: { COLUMNS: "1e3" } });
    expect(Math.max(...run.stdout.split("\n").map((l) => [...l].length))).toBeGreaterThan(200);
  });

  it("says 'an object', not 'a object'", async () => {
    const run = await cli(["advise", "--answers", "-"], { input: '{"workload": {}}' });
    expect(run.stderr).toMatch(/"workload": an object is not one of/);
  });
});

describe("mistakes, answered alike", () => {
  it.each([
    [["help", "foo"], /unknown command "foo"; the commands are advise, assess, compare, rules/],
    [["-v"], /unknown option '-v' \(did you mean -V or --version\?\)/],
    [["advise", "--format", "md"], /--format "md" is not one of text, json, markdown \(did you mean markdown\?\)/],
    [["compare", "--format", "tabel"], /\(did you mean table\?\)/],
    [["advise", "--workload", "wbe"], /\(did you mean web\?\)/],
    [["compare", "--format", "csv", "--json"], /--json and --format "csv" ask for two different formats/],
  ])("%j", async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe("--width and config discovery", () => {
  it("lays out for --width columns, before or after the command", async () => {
    for (const argv of [
      ["compare", "--width", "70"],
      ["--width", "70", "compare"],
    ]) {
      const run = await cli(argv);
      expect(run.code).toBe(0);
      // Source links stay whole, however long: every other line fits.
      const lines = run.stdout.split("\n").filter((l) => !/https:\/\//.test(l));
      expect(Math.max(...lines.map((l) => [...l].length))).toBe(70);
    }
    const bad = await cli(["compare", "--width", "5"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--width "5" is not a whole number of columns from 20 to 1000/);
  });

  it("finds vmvc.config.json in a parent folder, and names it in errors", async () => {
    const dir = tmp();
    const sub = join(dir, "team", "service");
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(dir, "vmvc.config.json"), JSON.stringify({ rules: [join(ROOT, "examples/policy")] }));
    const json = JSON.parse(
      (await cli(["advise", ...allFlags(), "--owner", "customer", "--json"], { cwd: sub })).stdout,
    );
    expect(json.recommendation).toBe("vm");
    expect(json.rules.layers[1].from).toBe(join("..", "..", "vmvc.config.json"));
    writeFileSync(join(dir, "vmvc.config.json"), '{ "rules": "policy" }');
    const bad = await cli(["advise", ...allFlags()], { cwd: sub });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.\.\/\.\.\/vmvc\.config\.json: expected \{ "rules"/);
  });
});

describe("terminal safety: input echoed back never drives the terminal", () => {
  // ESC starts colour, cursor and title sequences, BEL ends an OSC one, U+009B is the one-byte CSI.
  const hostile = "\x1b[31mRED\x1b]0;pwned\x07\u009b2J\u202e";
  const raw = /[\u001b\u0007\u009b\u202e]/; // eslint-disable-line no-control-regex -- what must not get through
  const dir = tmp();
  it.each([
    ["an unknown option", [`--${hostile}`]],
    ["an unknown option to a command", ["advise", `--${hostile}`]],
    ["an unknown command", [hostile]],
    ["an unknown rules command", ["rules", hostile]],
    ["help for an unknown command", ["help", hostile]],
    ["a --rows value", ["compare", "--rows", hostile]],
    ["a --format value", ["compare", "--format", hostile]],
    ["a rule id", ["rules", "show", hostile]],
    ["a --source value", ["rules", "list", "--source", hostile]],
    ["a --option value", ["rules", "list", "--option", hostile]],
    ["a --question value", ["rules", "list", "--question", hostile]],
    ["an answer", ["advise", ...allFlags(), "--workload", hostile]],
    ["an answers file name", ["advise", "--answers", join(dir, hostile)]],
    ["a rules path", ["advise", "--rules", join(dir, hostile)]],
    ["an inventory path", ["assess", join(dir, hostile)]],
  ])("escapes %s", async (_what, argv) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(raw);
    expect(stderr).toContain("\\u001b");
  });

  it("cuts a 120 KB option name or value short", async () => {
    const long = "x".repeat(120_000);
    for (const argv of [
      [`--${long}`],
      ["compare", "--rows", long],
      ["advise", ...allFlags(), "--workload", long],
      ["rules", "show", long],
    ]) {
      const { code, stderr } = await cli(argv);
      expect(code).toBe(2);
      expect(stderr.length).toBeLessThan(1_000);
    }
  });

  it("refuses control characters in rule files, which are printed to terminals and documents", async () => {
    const file = join(dir, "policy.json");
    writeFileSync(
      file,
      JSON.stringify({
        sources: [
          {
            id: "hp",
            title: `Policy${hostile}`,
            url: "https://example.com/\x1b]8;;x",
            sections: [{ id: "s", title: "S" }],
          },
        ],
        rules: [{ id: "r", effect: { option: "vm", score: 1 }, reason: `Ours.${hostile}`, source: "hp#s" }],
      }),
    );
    const { code, stderr } = await cli(["rules", "validate", file]);
    expect(code).toBe(1);
    for (const field of ['source "hp": title', 'source "hp": url', 'rule "r": reason'])
      expect(stderr).toContain(`${field}: must not contain control characters`);
    expect(stderr).not.toMatch(raw);
  });
});

describe("text advice at a terminal", () => {
  const OSC8 = "\x1b]8;;";
  it("makes source URLs clickable where the terminal is known to support OSC 8, and bare elsewhere", async () => {
    const args = ["advise", ...allFlags()];
    const windowsTerminal = await cli(args, { terminalColumns: 100, env: { WT_SESSION: "1", NO_COLOR: "1" } });
    const link = /\x1b\]8;;(https:\/\/learn\.microsoft\.com\/[^\x1b]+)\x1b\\(https:\/\/[^\x1b]+)\x1b\]8;;\x1b\\/; // eslint-disable-line no-control-regex
    const [, target, text] = windowsTerminal.stdout.match(link) ?? [];
    expect(target).toBeDefined();
    expect(text).toBe(target); // the URL shown whole, and the link goes where it says
    expect((await cli(args, { env: { WT_SESSION: "1" } })).stdout).not.toContain(OSC8); // a pipe
    expect((await cli(args, { terminalColumns: 100 })).stdout).not.toContain(OSC8); // a terminal not known to
    expect((await cli(args, { terminalColumns: 100, env: { WT_SESSION: "1", CI: "true" } })).stdout).not.toContain(
      OSC8,
    );
    expect((await cli(args, { env: { FORCE_HYPERLINK: "1" } })).stdout).toContain(OSC8);
  });

  it("on a narrow call, makes the runner-up's case as well", async () => {
    // Look for answers where the lead is narrow and the runner-up has points of its own.
    const grid = shipped.questions.filter((q) => ["workload", "density", "update-cadence", "scaling"].includes(q.id));
    let found: { answers: Record<string, string>; runnerUp: string } | undefined;
    const walk = (i: number, answers: Record<string, string>): void => {
      if (found) return;
      if (i === grid.length) {
        const a = advise(compiled, answers);
        const runnerUp = a.margin.runnerUp;
        if (
          a.margin.verdict === "narrow" &&
          runnerUp &&
          a.reasons.some((r) => r.option === runnerUp && typeof r.effect === "number" && r.effect > 0)
        )
          found = { answers: { ...answers }, runnerUp };
        return;
      }
      for (const c of grid[i]!.choices) walk(i + 1, { ...answers, [grid[i]!.id]: c.value });
    };
    walk(0, { ...baseAnswers, deploy: "docker" });
    expect(found).toBeDefined();
    const { stdout } = await cli(["advise", ...allFlags(found!.answers)], { terminalColumns: 200 });
    const label = shipped.options.find((o) => o.id === found!.runnerUp)!.label;
    expect(stdout).toContain(`The case for ${label}, the next best`);
    const theirs = advise(compiled, found!.answers).reasons.filter(
      (r) => r.option === found!.runnerUp && typeof r.effect === "number" && r.effect > 0,
    );
    const section = stdout.slice(stdout.indexOf("The case for"));
    for (const r of theirs) expect(section).toContain(r.text);
  });
});

describe("the README's exit codes section", () => {
  it("shows the missing-answers message as vmvc prints it", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = readme
      .slice(readme.indexOf("A missing answer, where vmvc cannot ask"))
      .split("```text\n")[1]!
      .split("```")[0]!;
    const [command, ...shown] = block.trim().split("\n");
    expect(command).toBe("$ vmvc advise --workload web --no-input");
    const run = await cli(["advise", "--workload", "web", "--no-input"]);
    expect(run.code).toBe(2);
    const printed = run.stderr.trimEnd().split("\n");
    for (const line of shown.filter((l) => l.trim() !== "...")) expect(printed).toContain(line);
    expect(printed[0]).toBe(shown[0]);
  });
});
