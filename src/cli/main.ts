import { createReadStream, writeSync } from "node:fs";
import { resolve } from "node:path";
import { CommanderError } from "commander";
import { InterruptError, RuleSetError, UsageError } from "../errors.js";
import { didYouMean, escapeControls, printable, quote } from "../suggest.js";
import { loadRuleSet, NotBuiltError, shippedRuleSet } from "../ruleset/index.js";
import type { Context } from "./context.js";
import { buildProgram, COMMAND_NAMES, COMPLETE_COMMAND, RULE_SET_COMMANDS, type ProgramOptions } from "./program.js";
import { decodeText, readBounded } from "../text.js";
import { isTerminal, outputWidth, supportsHyperlinks, useColor } from "./terminal.js";
import { version } from "./version.js";

// The only place that decides exit codes, prints errors or exits the process.

/** --rules must be known before the commands are built: custom questions become flags. */
function scanRulePaths(argv: readonly string[]): string[] {
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") break;
    if (arg === "--rules" && i + 1 < argv.length) paths.push(argv[++i]!);
    else if (arg.startsWith("--rules=")) paths.push(arg.slice("--rules=".length));
  }
  return paths;
}

/** --width N, read before the commands are built (every command that draws takes it). */
function widthFlag(argv: readonly string[]): number | undefined {
  const at = argv.indexOf("--width");
  const text = at === -1 ? argv.find((a) => a.startsWith("--width="))?.slice("--width=".length) : argv[at + 1];
  if (text === undefined) return undefined;
  const width = Number(text);
  if (!Number.isInteger(width) || width < 20 || width > 1000)
    throw new UsageError(`--width ${quote(text)} is not a whole number of columns from 20 to 1000`);
  return width;
}

/** The command the user is running (for `help <command>`, the one asked about). */
function commandTarget(argv: readonly string[]): string | undefined {
  // Words that are not options, nor the value of the one global option that takes one.
  const words = argv.filter((a, i) => !a.startsWith("-") && argv[i - 1] !== "--width");
  return words[0] === "help" ? words[1] : words[0];
}

/** Turns a failure into its message on stderr and its exit code. */
function report(error: unknown, err: (text: string) => void): number {
  // commander has already printed its message; help and version are not failures.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof UsageError) {
    err(`error: ${error.message}\n${error.details.map((d) => `${d}\n`).join("")}`);
    return 2;
  }
  if (error instanceof RuleSetError) {
    err(`error: ${error.message}\n${error.problems.length > 1 ? error.problems.map((p) => `  ${p}\n`).join("") : ""}`);
    return 2;
  }
  if (error instanceof InterruptError) {
    err(`\n${error.message}\n`);
    return 130;
  }
  if (error instanceof NotBuiltError) {
    err(`${error.message}\n`);
    return 1;
  }
  err(`vmvc: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.VMVC_DEBUG && error instanceof Error) err(`${error.stack}\n`);
  return 1;
}

/** The outside world as run() sees it; tests pass their own. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Asked only when it matters: the answer costs a system call. */
  stdinIsTTY(): boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  readStdin(): string;
  /** Tests answer questions here instead of on a terminal. */
  ask?: Context["ask"];
  /** Stdin as a stream; without it, stdin is read whole with readStdin. */
  stdinStream?(): AsyncIterable<Buffer | string>;
}

/** Runs one command line and returns its exit code. Never exits the process. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const out = (text: string): void => void io.stdout.write(text);
  const err = (text: string): void => void io.stderr.write(text);
  // Messages echo input (names, values, paths): nothing they quote may drive the terminal.
  const errorMessage = (text: string): void => err(printable(text));
  try {
    const name = commandTarget(argv);
    if (argv[0] === "help" && name !== undefined && !COMMAND_NAMES.includes(name)) {
      throw new UsageError(
        `unknown command ${quote(name)}${didYouMean(name, COMMAND_NAMES)}; the commands are ${COMMAND_NAMES.join(", ")}`,
      );
    }
    if (argv.length === 1 && argv[0] === "-v")
      throw new UsageError("unknown option '-v' (did you mean -V or --version?)");
    if (argv[0] === COMPLETE_COMMAND) return await complete(argv.slice(1), io, out, errorMessage);
    // Only a command needs the rule set: `vmvc --help` starts without it.
    const target = await targetOf(name, argv, io, out, errorMessage);
    let invocation: (() => Promise<number>) | undefined;
    const program = buildProgram({ out, err: errorMessage, version, target, onParsed: (run) => (invocation = run) });
    await program.parseAsync(argv as string[], { from: "user" });
    return invocation ? await invocation() : 0;
  } catch (error) {
    return report(error, errorMessage);
  }
}

/** `__complete N words…`: the candidates for the word after the first N, one a line. */
async function complete(args: readonly string[], io: Io, out: Context["out"], err: Context["err"]): Promise<number> {
  const before = Number(args[0]);
  if (!Number.isInteger(before) || before < 0)
    throw new UsageError(`${COMPLETE_COMMAND} takes the number of words before the one to complete`);
  const words = args.slice(1, before + 2);
  while (words.length < before + 1) words.push("");
  // A policy that does not load must not break Tab: complete with the shipped rules then.
  const target = await targetOf(commandTarget(words.slice(0, -1)), words, io, out, err, true);
  const program = buildProgram({ out, err, version, target, onParsed: () => undefined });
  const { completions } = await import("./completion.js");
  const candidates = completions(program, target?.ctx.ruleSet ?? shippedRuleSet(), words);
  out(candidates.map((c) => `${c}\n`).join(""));
  return 0;
}

/** The command to build in full, with its context, when it works on a rule set. */
async function targetOf(
  name: string | undefined,
  argv: readonly string[],
  io: Io,
  out: Context["out"],
  err: Context["err"],
  quiet = false,
): Promise<ProgramOptions["target"]> {
  return name !== undefined && RULE_SET_COMMANDS.includes(name)
    ? { name, ctx: await commandContext(argv, io, out, err, quiet) }
    : undefined;
}

/** Help, the schema and validation must work even when the configured policy does not. */
const needsNoPolicy = (argv: readonly string[]): boolean =>
  argv.includes("--help") ||
  argv.includes("-h") ||
  argv[0] === "help" ||
  (argv[0] === "rules" && (argv[1] === "schema" || argv[1] === "validate"));

async function commandContext(
  argv: readonly string[],
  io: Io,
  out: Context["out"],
  err: Context["err"],
  quiet = false,
): Promise<Context> {
  const rulePaths = scanRulePaths(argv);
  let ruleSet;
  try {
    ruleSet = await loadRuleSet({ rulePaths, cwd: io.cwd });
  } catch (error) {
    if (!(error instanceof RuleSetError) || !(quiet || needsNoPolicy(argv))) throw error;
    // rules validate says so itself, next to what it validates.
    if (!quiet && argv[1] !== "validate") err(`warning: the policy is left out: ${error.message}\n`);
    ruleSet = shippedRuleSet();
  }
  return {
    ruleSet,
    env: io.env,
    cwd: io.cwd,
    color: useColor(io.env, io.stdout.isTTY === true, argv.includes("--no-color") ? false : undefined),
    hyperlinks: supportsHyperlinks(io.env, io.stdout.isTTY === true),
    width: widthFlag(argv) ?? outputWidth(io.env, io.stdout),
    stdinIsTTY: io.stdinIsTTY,
    stdoutIsTTY: io.stdout.isTTY === true,
    stderrIsTTY: io.stderr.isTTY === true,
    out,
    err,
    status: statusLine(io.stderr),
    readFile: (path) => decodeText(readBounded(resolve(io.cwd, path))),
    readStdin: io.readStdin,
    openInput: (path) =>
      path === "-"
        ? (io.stdinStream?.() ??
          (async function* () {
            yield io.readStdin();
          })())
        : createReadStream(resolve(io.cwd, path)),
    today: () => new Date().toISOString().slice(0, 10),
    ...(io.ask ? { ask: io.ask } : {}),
  };
}

function statusLine(stderr: Io["stderr"]): Context["status"] {
  let showing = false;
  return (line) => {
    if (stderr.isTTY !== true || (line === "" && !showing)) return;
    showing = line !== "";
    stderr.write(`\r\x1b[2K${escapeControls(line)}`);
  };
}

/** The terminal is gone (hung up or closed): reading or writing it fails with these. */
const TERMINAL_GONE = new Set(["EIO", "ENXIO", "EBADF"]);

/**
 * Dies of SIGHUP, as a program whose terminal closed should. A normal exit would make Node
 * restore the terminal's settings, and on a vanished terminal that aborts the process.
 */
function hangUp(): never {
  restoreTerminal();
  process.removeAllListeners("SIGHUP");
  process.kill(process.pid, "SIGHUP");
  // The signal is delivered at once; this only satisfies the type checker.
  process.exit(129);
}

/**
 * Puts the terminals back as a prompt found them: cursor shown, line editing on. Safe on a
 * terminal that is gone; run on every way out once a prompt may have been shown.
 */
function restoreTerminal(): void {
  for (const fd of [1, 2]) {
    try {
      if (isTerminal(fd)) writeSync(fd, "\x1b[?25h");
    } catch {
      // That terminal is gone: nothing to restore.
    }
  }
  try {
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
  } catch {
    // Gone too.
  }
}

/** Writes that failed, in order: the first one decides how the run ends. */
const failures: NodeJS.ErrnoException[] = [];

/**
 * Output to fd 1 or 2. Piped output is written synchronously with fs.writeSync, so it keeps
 * order with process.exit. A terminal, or a pipe that would block, gets the usual stream,
 * which `settle` drains before the process exits.
 */
function output(fd: 1 | 2): Io["stdout"] & { settle(): Promise<void> } {
  let terminal: boolean | undefined;
  const isTTY = (): boolean => (terminal ??= isTerminal(fd));
  let stream: NodeJS.WriteStream | undefined;
  const viaStream = (): NodeJS.WriteStream => {
    if (!stream) {
      stream = fd === 1 ? process.stdout : process.stderr;
      stream.on("error", (error: NodeJS.ErrnoException) => failed(fd, error, terminal === true));
    }
    return stream;
  };
  return {
    get isTTY() {
      return isTTY();
    },
    get columns() {
      return isTTY() ? viaStream().columns : undefined;
    },
    write(text: string) {
      if (isTTY() || stream) return viaStream().write(text);
      const bytes = Buffer.from(text);
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN")
          return failed(fd, error as NodeJS.ErrnoException, false);
        // A pipe that would block (its reader set O_NONBLOCK): the stream queues the rest.
        viaStream().write(bytes.subarray(done));
      }
      return true;
    },
    settle: () =>
      stream && stream.writableLength > 0
        ? new Promise<void>((resolve) => stream!.write("", () => resolve()))
        : Promise.resolve(),
  };
}

const WRITE_PROBLEMS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EBADF: "it is not open for writing",
  EIO: "an input/output error",
  EACCES: "permission denied",
};

/**
 * A write failed. A reader that stops early (vmvc compare | head) is not our failure; a
 * terminal that vanished is a hang-up; anything else is said on stderr, and the run fails.
 */
function failed(fd: 1 | 2, error: NodeJS.ErrnoException, toTerminal: boolean): true {
  if (fd === 1 && error.code === "EPIPE") process.exit(failures.length > 0 ? 1 : 0);
  if (toTerminal && TERMINAL_GONE.has(error.code ?? "")) hangUp();
  if (fd === 2) return true; // nowhere left to say it; the exit code still tells
  failures.push(error);
  try {
    writeSync(2, `vmvc: cannot write the output: ${WRITE_PROBLEMS[error.code ?? ""] ?? error.message}\n`);
  } catch {
    // stderr is gone too.
  }
  process.exit(1);
}

export async function main(): Promise<never> {
  const stdout = output(1);
  const stderr = output(2);
  const unexpected = (error: unknown): void => {
    if (stdout.isTTY && TERMINAL_GONE.has((error as NodeJS.ErrnoException | null)?.code ?? "")) return hangUp();
    process.exit(report(error, (text) => void stderr.write(printable(text))));
  };
  process.on("uncaughtException", unexpected);
  process.on("unhandledRejection", unexpected);
  let stdinIsTTY: boolean | undefined;
  const code = await run(process.argv.slice(2), {
    stdout,
    stderr,
    stdinIsTTY() {
      if (stdinIsTTY !== undefined) return stdinIsTTY;
      stdinIsTTY = isTerminal(0);
      if (stdinIsTTY) {
        // A prompt may come: end it cleanly, with the cursor back. (Ctrl-C typed at a prompt
        // arrives as a keypress, not a signal; `kill -INT` arrives here.)
        const stop = (message: string, exitCode: number) => () => {
          restoreTerminal();
          if (stdout.isTTY) stdout.write("\n");
          if (message) stderr.write(`${message}\n`);
          process.exit(exitCode);
        };
        process.on("SIGINT", stop("Cancelled: no recommendation was made.", 130));
        process.on("SIGTERM", stop("", 143));
        // `kill -HUP` with the terminal still open: leave it usable, then die of the signal.
        process.on("SIGHUP", hangUp);
      }
      return stdinIsTTY;
    },
    env: process.env,
    cwd: workingDirectory(),
    readStdin: () => decodeText(readBounded(0)),
    stdinStream: () => process.stdin,
  });
  await Promise.all([stdout.settle(), stderr.settle()]);
  // A prompt that ended early (its input closed) may have left the cursor hidden.
  if (stdinIsTTY) restoreTerminal();
  process.exit(code);
}

/** The working directory, or the root when it has been deleted under us (only --version and the like can run there). */
function workingDirectory(): string {
  try {
    return process.cwd();
  } catch {
    return "/";
  }
}
