import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "./helpers/cli.js";
import { advise } from "../src/engine/explain.js";
import type { Answers } from "../src/engine/model.js";
import { baseAnswers, compiled, shipped } from "./helpers/shipped.js";
import { KEY, plain, Terminal } from "./helpers/pty.js";
import xterm from "@xterm/headless";

const { Terminal: Emulator } = xterm;
import { tmp } from "./helpers/tmp.js";

const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[\\d+(;\\d+)*m`);

/** Answers a question by moving the cursor to the value and pressing Enter. */
/** Screen text with shell line continuations and runs of space joined. */
const oneLine = (text: string): string => text.replace(/\s*\\\n\s*/g, " ").replace(/\s+/g, " ");

const OWNER = { prompt: "Whose workload is it?", choices: [{ value: "internal" }, { value: "customer" }] };

/** Where a question's list starts: on its default, which may be another question's answer. */
function startIndex(
  question: { choices: { value: string }[]; default?: string; defaultFrom?: string },
  given: Answers,
): number {
  const from = question.defaultFrom === undefined ? undefined : given[question.defaultFrom];
  const start = from !== undefined && question.choices.some((c) => c.value === from) ? from : question.default;
  // With no default, the list starts on "I'm not sure", after the choices.
  return start === undefined ? question.choices.length : question.choices.findIndex((c) => c.value === start);
}

async function choose(
  term: Terminal,
  questionId: string,
  value: string,
  from: number,
  given: Answers = {},
): Promise<number> {
  const question = questionId === "owner" ? OWNER : shipped.questions.find((q) => q.id === questionId)!;
  const at = await term.waitFor(question.prompt, 10_000, from);
  const moves = question.choices.findIndex((c) => c.value === value) - startIndex(question, given);
  term.send((moves < 0 ? KEY.up : KEY.down).repeat(Math.abs(moves)));
  term.send(KEY.enter);
  given[questionId] = value;
  return at + question.prompt.length;
}

/** Answers whatever the CLI asks, in whatever order, from `answers`, until it prints its result. */
async function answerAll(term: Terminal, answers: Answers): Promise<string[]> {
  const asked: string[] = [];
  const given: Answers = {};
  let from = 0;
  const done = "Run it again without questions";
  for (;;) {
    const open = shipped.questions.filter((q) => !asked.includes(q.id));
    const pattern = new RegExp(
      [done, ...open.map((q) => q.prompt)].map((t) => t.replace(/[.?*+()[\]\\]/g, "\\$&")).join("|"),
    );
    const at = await term.waitFor(pattern, 10_000, from);
    const question = open.find((q) => term.text.startsWith(q.prompt, at));
    if (!question) return asked;
    asked.push(question.id);
    from = await choose(term, question.id, answers[question.id]!, at, given);
  }
}

describe("interactive advise in a real terminal", () => {
  it("walks through the questions with arrow keys and prints the recommendation and the equivalent command", async () => {
    const answers: Answers = {
      workload: "service",
      boundary: "hostile",
      "host-os": "2025",
      "guest-os": "2019",
      deploy: "swarm",
      density: "medium",
      scaling: "elastic",
      "update-cadence": "monthly",
      storage: "shared",
      recovery: "fast",
      network: "dedicated",
      devices: "none",
      "host-type": "nested-vm",
      identity: "windows-auth",
      edition: "datacenter",
    };
    const term = new Terminal(["advise"]);
    const asked = await answerAll(term, answers);
    expect(await term.exited).toBe(0);
    expect(asked[0]).toBe("workload");
    const given = Object.fromEntries(asked.map((id) => [id, answers[id]!]));
    const expected = advise(compiled, given);
    const label = shipped.options.find((o) => o.id === expected.recommendation)!.label;
    expect(term.text).toContain(`Recommendation: ${label}`);
    const command = `vmvc advise ${shipped.questions
      .filter((q) => asked.includes(q.id))
      .map((q) => `--${q.id} ${answers[q.id]}`)
      .join(" ")}`;
    expect(oneLine(term.text)).toContain(command);
  });

  it("asks only what the flags left open, and skips what cannot matter", async () => {
    const term = new Terminal(["advise", "--boundary", "internal"]);
    const at = await choose(term, "workload", "gui", 0);
    // A 2022 host runs every Windows guest a VM can have, so nothing else can matter.
    await choose(term, "host-os", "2022", at);
    await term.waitFor("Run it again without questions");
    expect(await term.exited).toBe(0);
    expect(term.text).not.toContain("Who else runs on the same hosts?");
    expect(term.text).not.toContain("Which operating system does the workload need?");
    expect(term.text).toContain("That settles it");
    expect(term.text).toContain("Recommendation: Virtual machine (Hyper-V)");
    expect(oneLine(term.text)).toContain("vmvc advise --workload gui --boundary internal --host-os 2022");
  });

  it("takes I'm not sure and says what the advice depends on", async () => {
    const answers = {
      ...baseAnswers,
      deploy: "docker",
      density: "medium",
      devices: "none",
      "host-type": "physical",
      identity: "none",
    } as Answers;
    // Every answer but the tenants and the edition, so only the tenants are asked.
    const flags = shipped.questions
      .filter((q) => q.id !== "boundary" && (!q.optional || q.assume !== undefined))
      .flatMap((q) => [`--${q.id}`, answers[q.id]!]);
    const term = new Terminal(["advise", ...flags], { cols: 200 });
    await term.waitFor("Who else runs on the same hosts?");
    await term.waitFor("I'm not sure");
    // A question with no sensible default starts on "I'm not sure".
    term.send(KEY.enter);
    await term.waitFor("Run it again without questions");
    expect(await term.exited).toBe(0);
    expect(term.text).toMatch(/Depends on the tenants on the hosts: .*trusted.*hostile/);
    expect(oneLine(term.text)).toContain("--boundary unknown");
  });

  it("exits 130 with a short message on Ctrl-C", async () => {
    const term = new Terminal(["advise"]);
    await term.waitFor("What kind of workload is it?");
    term.send(KEY.ctrlC);
    expect(await term.exited).toBe(130);
    expect(term.text).toContain("Cancelled: no recommendation was made.");
    expect(term.text).not.toMatch(/\n\s+at |ExitPromptError/);
  });

  it("ends cleanly on SIGTERM", async () => {
    const term = new Terminal(["advise"]);
    await term.waitFor("What kind of workload is it?");
    process.kill(term.pid, "SIGTERM");
    expect(await term.exited).toBe(143);
    expect(term.text).not.toMatch(/\n\s+at |Error/);
  });

  it("does not hang or exit silently when the terminal goes away mid-prompt", async () => {
    const term = new Terminal(["advise"]);
    await term.waitFor("What kind of workload is it?");
    term.hangUp();
    const code = await Promise.race([term.exited, new Promise<number>((r) => setTimeout(() => r(-99), 8_000))]);
    expect(code).not.toBe(-99);
    // SIGHUP, as for any program whose terminal closes; never a crash (SIGABRT, SIGSEGV) or a silent 0 or 1.
    expect(code).toBe(129);
    expect(term.text).not.toMatch(/\n\s+at |EIO/);
  });

  it("prints no escape codes with NO_COLOR, even on a terminal", async () => {
    const flags = shipped.questions.flatMap((q) => [`--${q.id}`, q.choices[0]!.value]);
    const term = new Terminal(["advise", ...flags], { env: { NO_COLOR: "1" } });
    expect(await term.exited).toBe(0);
    expect(term.raw).toContain("Recommendation:");
    expect(term.raw).not.toMatch(COLOUR);
  });

  it("colours on a terminal by default", async () => {
    const term = new Terminal(["compare", "--rows", "isolation"]);
    expect(await term.exited).toBe(0);
    expect(term.raw).toMatch(COLOUR);
  });

  it("fits a 40-column terminal", async () => {
    const term = new Terminal(["compare"], { cols: 40 });
    expect(await term.exited).toBe(0);
    // Source links stay whole, however long: every other line fits.
    for (const line of term.text.split("\n").filter((l) => !/https?:\/\//.test(l)))
      expect([...line].length).toBeLessThanOrEqual(40);
  });
});

describe("terminal edge cases", () => {
  const flagsExcept = (skip: string[]) =>
    shipped.questions.filter((q) => !skip.includes(q.id)).flatMap((q) => [`--${q.id}`, q.choices[0]!.value]);

  it("exits 130 with a short message on a SIGINT signal during a prompt", async () => {
    const term = new Terminal(["advise"]);
    await term.waitFor("What kind of workload is it?");
    process.kill(term.pid, "SIGINT");
    expect(await term.exited).toBe(130);
    expect(term.text).toContain("Cancelled: no recommendation was made.");
  });

  it.each([
    [{ CI: "true" }, []],
    [{ ci: "1" }, []],
    [{ Ci: "yes" }, []],
    [{}, ["--no-input"]],
  ])("never prompts with %j %j, even in a terminal", async (env, flags) => {
    const term = new Terminal(["advise", "--boundary", "hostile", ...flags], { env });
    expect(await term.exited).toBe(2);
    expect(term.text).toMatch(/missing answers \(not asking: (CI is set|--no-input)\)/);
    expect(term.text).not.toContain("navigate");
  });

  it("prompts when CI says false", async () => {
    const term = new Terminal(["advise"], { env: { CI: "false" } });
    await term.waitFor("What kind of workload is it?");
    term.send(KEY.ctrlC);
    expect(await term.exited).toBe(130);
  });

  it("asks a policy's custom question and uses the answer", async () => {
    const term = new Terminal(["advise", "--rules", "examples/policy", ...flagsExcept([])]);
    await choose(term, "owner", "customer", 0);
    await term.waitFor("Run it again without questions");
    expect(await term.exited).toBe(0);
    expect(term.text).toContain("Whose workload is it?");
    expect(term.text).toContain("House policy: customer workloads run in VMs only.");
    expect(oneLine(term.text)).toContain("--owner customer");
  });

  it("wraps the recommendation to a 40-column terminal", async () => {
    const flags = [
      "--workload",
      "web",
      "--boundary",
      "internal",
      "--host-os",
      "2022",
      "--guest-os",
      "2019",
      "--deploy",
      "docker",
      "--density",
      "medium",
      "--scaling",
      "elastic",
      "--update-cadence",
      "monthly",
      "--storage",
      "none",
      "--recovery",
      "fast",
      "--network",
      "shared",
      "--devices",
      "none",
      "--host-type",
      "physical",
      "--identity",
      "none",
    ];
    const term = new Terminal(["advise", ...flags], { cols: 40 });
    expect(await term.exited).toBe(0);
    const lines = term.text.split("\n").filter((l) => !/https?:\/\//.test(l));
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(40);
    expect(term.text).toContain("Ruled out");
    // Every point for the recommendation is shown, none cut for --json.
    expect(term.text).not.toContain("smaller point");
  });
});

describe("results saved while questions are asked", () => {
  it("asks on the terminal and writes the record to --output", async () => {
    const dir = tmp();
    const term = new Terminal([
      "advise",
      "--output",
      join(dir, "adr.md"),
      "--boundary",
      "internal",
      "--host-os",
      "2022",
    ]);
    await choose(term, "workload", "gui", 0);
    expect(await term.exited).toBe(0);
    expect(term.text).toMatch(/Wrote the decision record to .*adr\.md/);
    const record = readFileSync(join(dir, "adr.md"), "utf8");
    expect(record).toMatch(/^# Hosting decision: Desktop app or RDP, as Virtual machine \(Hyper-V\)/);
  });

  it("asks on stderr's terminal when stdout is redirected to a file", async () => {
    const dir = tmp();
    const out = join(dir, "advice.json");
    const term = new Terminal(
      ["-c", `exec ${process.execPath} ${BIN} advise --json --boundary internal --host-os 2022 > ${out}`],
      { shell: true },
    );
    await choose(term, "workload", "gui", 0);
    expect(await term.exited).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).recommendation).toBe("vm");
  });
});

describe("the terminal is left as it was found, on every way out", () => {
  const CURSOR_HIDDEN = "\x1b[?25l";
  const CURSOR_SHOWN = "\x1b[?25h";
  const childOf = (pid: number): number =>
    Number(
      execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
        .trim()
        .split(/\s+/)[0],
    );

  it("after `kill -HUP` at a prompt, with the terminal still open: cursor shown, line editing back", async () => {
    // bash stays behind to report the terminal's settings once vmvc is gone.
    const term = new Terminal(["-c", `"${process.execPath}" "${BIN}" advise; echo "exit=$?"; stty -a`], {
      shell: true,
    });
    await term.waitFor("What kind of workload is it?");
    expect(term.raw).toContain(CURSOR_HIDDEN);
    process.kill(childOf(term.pid), "SIGHUP");
    await term.exited;
    expect(term.text).toContain("exit=129");
    expect(term.raw.lastIndexOf(CURSOR_SHOWN)).toBeGreaterThan(term.raw.lastIndexOf(CURSOR_HIDDEN));
    // Raw mode turns these off; a terminal fit to type in has them on.
    expect(term.text).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(term.text).toMatch(/(^|\s)echo(\s|$)/m);
  });

  it("when only stdin's terminal closes: the cursor comes back on the terminal the questions were on", async () => {
    // Terminal A lends its device as vmvc's stdin; vmvc shows the questions on terminal B. B
    // starts first, so that it does not inherit A's side of the device and keep it open.
    const deviceFile = join(tmp(), "device");
    const term = new Terminal(
      [
        "-c",
        `until [ -s ${deviceFile} ]; do sleep 0.05; done; "${process.execPath}" "${BIN}" advise < "$(cat ${deviceFile})"`,
      ],
      { shell: true },
    );
    const lender = new Terminal(["-c", `tty > ${deviceFile}; exec sleep 60`], { shell: true });
    await term.waitFor("What kind of workload is it?");
    lender.close();
    const code = await term.exited;
    expect([2, 129]).toContain(code);
    expect(term.raw.lastIndexOf(CURSOR_SHOWN)).toBeGreaterThan(term.raw.lastIndexOf(CURSOR_HIDDEN));
  });
});

describe("finding the way through the questions", () => {
  const highlighted = async (term: Terminal, label: string, from: number) =>
    term.waitFor(new RegExp(`❯ ${label.replace(/[()]/g, "\\$&")}\\n`), 10_000, from);
  const prompt = (id: string) => shipped.questions.find((q) => q.id === id)!.prompt;

  it("starts on sensible defaults, goes back with ← and Esc, and on Ctrl-C prints the command for the answers so far", async () => {
    const term = new Terminal(["advise", "--shell", "posix"]);
    await term.waitFor(prompt("workload"));
    // No sensible default: the list starts on "I'm not sure", and ↓ wraps round to the first choice.
    await highlighted(term, "I'm not sure", 0);
    term.send(KEY.down + KEY.enter); // web, the first choice
    let at = await term.waitFor(`${prompt("boundary")} (question 2, at most 13 to go)`);
    term.send(KEY.down + KEY.enter); // only our own team
    // The host starts on the newest release.
    at = await term.waitFor(prompt("host-os"), 10_000, at);
    await highlighted(term, "Windows Server 2025", at);
    expect(term.text.slice(at)).toMatch(/esc\/← back/);
    term.send(KEY.up + KEY.enter); // 2022
    // The guest starts on the host's version.
    at = await term.waitFor(prompt("guest-os"), 10_000, at);
    await highlighted(term, "Windows Server 2022", at);
    term.send(KEY.left);
    // Back to the host, which starts on the answer given before.
    at = await term.waitFor(`${prompt("host-os")} (question 3`, 10_000, at);
    await highlighted(term, "Windows Server 2022", at);
    term.send(KEY.escape);
    at = await term.waitFor(`${prompt("boundary")} (question 2`, 10_000, at);
    term.send(KEY.ctrlC);
    expect(await term.exited).toBe(130);
    const end = term.text.slice(at);
    expect(end).toContain("Cancelled: no recommendation was made.");
    // The boundary was taken back, so only the workload stands.
    expect(oneLine(end).trim()).toMatch(
      /To carry on later, start from the answers given so far: vmvc advise --workload web$/,
    );
  });

  it("never goes back from the first question", async () => {
    const term = new Terminal(["advise"]);
    const at = await term.waitFor(prompt("workload"));
    expect(term.text.slice(at)).not.toContain("back");
    term.send(KEY.left + KEY.down + KEY.down + KEY.enter); // past "I'm not sure" to the second choice
    await term.waitFor(`${prompt("boundary")} (question 2`, 10_000, at);
    term.send(KEY.ctrlC);
    expect(await term.exited).toBe(130);
    expect(oneLine(term.text)).toContain("vmvc advise --workload service");
  });

  it("wraps a choice's meaning between words on a 40-column terminal", async () => {
    const term = new Terminal(["advise", "--workload", "web"], { cols: 40 });
    const at = await term.waitFor(prompt("boundary"));
    term.send(KEY.down + KEY.down + KEY.down); // from "I'm not sure", round to the third choice
    const hostile = shipped.questions.find((q) => q.id === "boundary")!.choices.find((c) => c.value === "hostile")!;
    await term.waitFor("hostile multi", 10_000, at);
    await new Promise((r) => setTimeout(r, 200));
    const screen = term.text.slice(term.text.lastIndexOf("Untrusted tenants"));
    for (const line of screen.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(40);
    // Every word of the meaning whole, on one line.
    const lines = screen.split("\n");
    for (const word of hostile.meaning.split(" "))
      expect(
        lines.some((l) => l.split(" ").includes(word)),
        word,
      ).toBe(true);
    term.send(KEY.ctrlC);
    expect(await term.exited).toBe(130);
  });

  it("redraws on a resize, with one copy of the question and the answers so far", async () => {
    const term = new Terminal(["advise"], { cols: 100 });
    await term.waitFor(prompt("workload"));
    term.send(KEY.down + KEY.enter); // web, round from "I'm not sure"
    await term.waitFor(prompt("boundary"));
    term.resize(50);
    // The screen is cleared, then the answers so far and the question are drawn again.
    const CLEAR = "\x1b[H\x1b[J";
    const redrawn = (): string => (term.raw.includes(CLEAR) ? plain(term.raw.slice(term.raw.lastIndexOf(CLEAR))) : "");
    for (const deadline = Date.now() + 10_000; !redrawn().includes("navigate") && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 20));
    const text = redrawn();
    expect(text.split(prompt("boundary")).length - 1).toBe(1);
    expect(text).toContain(`✔ ${prompt("workload")} Web app or API`);
    for (const line of text.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(50);
    term.send(KEY.ctrlC);
    expect(await term.exited).toBe(130);
  });
});

describe("a resize leaves the scrollback clean", () => {
  const prompt = (id: string) => shipped.questions.find((q) => q.id === id)!.prompt;

  // The output is replayed into xterm.js (headless), set to push what "erase the whole screen"
  // (ESC[2J) erases into the scrollback, as PuTTY, VTE and Windows Terminal do. Narrowing the
  // terminal reflows the question onto more rows than Inquirer erases, so the rows it misses
  // stayed on screen, and ESC[2J then pushed them, cut, into the scrollback: once per resize.
  it("keeps one copy of the answers and the question after two resizes, scrollback included", async () => {
    const screen = new Emulator({
      cols: 100,
      rows: 30,
      scrollback: 1000,
      scrollOnEraseInDisplay: true,
      allowProposedApi: true,
    });
    const term = new Terminal(["advise"], { cols: 100, rows: 30 });
    let fed = 0;
    // Everything the program wrote so far, drawn by the emulator.
    const settle = async (): Promise<void> => {
      const chunk = term.raw.slice(fed);
      fed += chunk.length;
      await new Promise<void>((resolve) => screen.write(chunk, resolve));
    };
    const hints = "esc/← back";
    await term.waitFor(prompt("workload"));
    term.send(KEY.down + KEY.enter); // web, round from "I'm not sure"
    await term.waitFor(hints, 10_000, await term.waitFor(prompt("boundary")));
    for (const cols of [50, 70]) {
      await settle();
      const from = term.text.length;
      term.resize(cols, 30);
      screen.resize(cols, 30);
      // Redrawn: the hints, under the whole question, come again after the resize.
      await term.waitFor(hints, 10_000, from);
    }
    await settle();
    const buffer = screen.buffer.active;
    const lines = Array.from({ length: buffer.length }, (_, i) => buffer.getLine(i)!.translateToString(true));
    expect(
      lines.filter((l) => l.startsWith(`✔ ${prompt("workload")}`)),
      lines.join("\n"),
    ).toHaveLength(1);
    expect(
      lines.filter((l) => l.startsWith("? Who else")),
      lines.join("\n"),
    ).toHaveLength(1);
    expect(
      lines.filter((l) => l.includes("navigate")),
      lines.join("\n"),
    ).toHaveLength(1);
    term.send(KEY.ctrlC);
    expect(await term.exited).toBe(130);
  });
});

describe("typing to find a choice", () => {
  const prompt = (id: string) => shipped.questions.find((q) => q.id === id)!.prompt;
  const answered = (term: Terminal, id: string, from: number) =>
    term.waitFor(new RegExp(`✔ ${prompt(id).replace(/[?()]/g, "\\$&")} (.+)\\n`), 10_000, from);

  it("searches what is typed, digits too: 2022 picks Windows Server 2022, not the second choice", async () => {
    // A 2016 host makes the guest question matter (a container's guest must match it).
    const term = new Terminal(["advise", "--workload", "web", "--boundary", "internal", "--host-os", "2016"]);
    const at = await term.waitFor(prompt("guest-os"));
    term.send("2022");
    await term.waitFor(/❯ Windows Server 2022\n/, 10_000, at);
    term.send(KEY.enter);
    const line = await answered(term, "guest-os", at);
    expect(term.text.slice(line).split("\n")[0]).toMatch(/Windows Server 2022$/);
    // A 2022 guest on a 2016 host may settle it; else the next question is cancelled.
    term.send(KEY.ctrlC);
    expect([0, 130]).toContain(await term.exited);
  });

  it("finds a choice by any word of its label: swarm finds Docker Swarm", async () => {
    const term = new Terminal([
      "advise",
      "--workload",
      "web",
      "--boundary",
      "internal",
      "--host-os",
      "2022",
      "--guest-os",
      "2022",
    ]);
    const at = await term.waitFor(prompt("deploy"));
    term.send("swarm");
    await term.waitFor(/❯ Docker Swarm\n/, 10_000, at);
    term.send(KEY.enter);
    const line = await answered(term, "deploy", at);
    expect(term.text.slice(line).split("\n")[0]).toMatch(/Docker Swarm$/);
    term.send(KEY.ctrlC);
    expect(await term.exited).toBe(130);
  });
});

describe("--output checked before the questions", () => {
  it("fails at once, before the first question, when the path cannot be written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vmvc-precheck-"));
    writeFileSync(join(dir, "docs"), "a file where a folder should be\n");
    const term = new Terminal(["advise", "--output", "docs/adr/0007-hosting.md"], { cwd: dir });
    expect(await term.exited).toBe(2);
    // The terminal wraps a long message; the words are what count.
    expect(term.text.replace(/\n/g, "")).toContain(`${join(dir, "docs")} is a file, not a folder`);
    expect(term.text).not.toContain("What kind of workload is it?");
  });

  it("prints the command to write it again when the file fails after the questions", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vmvc-late-"));
    const term = new Terminal(
      ["advise", "--shell", "posix", "--output", "docs/adr.md", "--boundary", "internal", "--host-os", "2022"],
      { cwd: dir },
    );
    await term.waitFor("What kind of workload is it?");
    // The folder vmvc would create is taken by a file while the question is open.
    writeFileSync(join(dir, "docs"), "in the way\n");
    await choose(term, "workload", "gui", 0);
    expect(await term.exited).toBe(2);
    expect(term.text).toContain("cannot write");
    expect(oneLine(term.text)).toContain(
      "To write it again without the questions: vmvc advise --workload gui --boundary internal --host-os 2022 --output docs/adr.md",
    );
  });
});

describe("the cursor is restored only where a prompt was drawn", () => {
  it("writes no cursor escape when every answer is given, NO_COLOR at a terminal", async () => {
    const flags = shipped.questions.flatMap((q) => [`--${q.id}`, q.choices[0]!.value]);
    const term = new Terminal(["advise", ...flags], { env: { NO_COLOR: "1" } });
    expect(await term.exited).toBe(0);
    expect(term.raw).toContain("Recommendation:");
    expect(term.raw).not.toContain("\x1b[?25h");
    expect(term.raw).not.toContain("\x1b[?25l");
  });
});

describe("tables piped in a terminal", () => {
  it("fit that terminal, though bash exports no COLUMNS: vmvc compare | cat at 100 columns", async () => {
    const term = new Terminal(["-c", `"${process.execPath}" "${BIN}" compare | cat`], { shell: true, cols: 100 });
    expect(await term.exited).toBe(0);
    const lines = term.text.split("\n").filter((l) => !/https?:\/\//.test(l));
    const top = lines.find((l) => l.startsWith("┌"))!;
    // The box fills the terminal, one column to spare at most, and no line runs past it.
    expect([...top.trimEnd()].length).toBeGreaterThan(90);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(100);
  });
});
