import { readFileSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import type { RuleSet } from "../engine/model.js";
import { isInterruptError, isUsageError, UsageError } from "../errors.js";
import { quote } from "../suggest.js";
import { loadRuleSet } from "../ruleset/index.js";
import { ADVISE_FORMATS, runAdvise, type AdviseFlags } from "./advise.js";
import { COMPARE_FORMATS, runCompare } from "./compare.js";
import type { Context } from "./context.js";
import { isTerminal, outputWidth, useColor } from "./terminal.js";

// The only place that exits the process or prints an error.

declare const __VMVC_VERSION__: string | undefined;
const version = (): string =>
  typeof __VMVC_VERSION__ !== "undefined"
    ? __VMVC_VERSION__
    : (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

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

const ADVISE_EXAMPLES = `Examples:
  $ vmvc advise                                   # asks each question in a terminal
  $ vmvc advise --workload web --boundary hostile --host-os 2022 --guest-os 2022 \\
      --deploy docker --density medium --scaling elastic --update-cadence monthly \\
      --storage none --recovery fast --network shared --json
  $ vmvc advise --answers answers.json --format markdown > docs/adr/0007-hosting.md
  $ echo '{"workload":"gui","host-os":"2022"}' | vmvc advise --answers -
`;

function questionHelp(ruleSet: RuleSet): string {
  const lines = ["", "Questions (each is also a flag; in a terminal, unanswered ones are asked):"];
  for (const q of ruleSet.questions) {
    lines.push(`  --${q.id}: ${q.prompt}`);
    const width = Math.max(...q.choices.map((c) => c.value.length));
    for (const c of q.choices) lines.push(`      ${c.value.padEnd(width)}  ${c.label}: ${c.meaning}`);
  }
  lines.push(
    "",
    "Exit codes: 0 success, 2 usage or input error, 130 interrupted, 1 unexpected failure.",
  );
  return lines.join("\n");
}

/** The command the user is running (for `help <command>`, the one asked about). */
function commandTarget(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith("-"));
  return words[0] === "help" ? words[1] : words[0];
}

/**
 * Every command is listed, but only the one being run gets its options and action:
 * building all of them is start-up time spent on commands nobody asked for.
 */
function buildProgram(
  output: Pick<Context, "out" | "err">,
  run: (task: () => Promise<number>) => void,
  target: { name: string; ctx: Context } | undefined,
): Command {
  const program = new Command("vmvc")
    .description("Decide how to run a Windows Server workload: a VM, a process-isolated container or a Hyper-V-isolated container.")
    .version(version(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("--no-color", "never colour the output (NO_COLOR and FORCE_COLOR=0 work too)")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) });
  program.addHelpText("after", "\nRun `vmvc <command> --help` for a command's flags and examples.");
  const define = (name: string, description: string, configure: (command: Command, ctx: Context) => void): void => {
    const command = program.command(name).description(description);
    if (name === target?.name) configure(command, target.ctx);
  };
  const rulesOption = () =>
    new Option("--rules <path>", "layer a rule file or folder over the shipped rules (repeatable)").argParser(collect);

  // Commander's own message for a stray word does not say which word; ours does.
  const refuseStrays = (command: Command): Command =>
    command
      .argument("[stray...]")
      .usage("[options]")
      .hook("preAction", (_, action) => {
        const [stray] = action.args;
        if (stray !== undefined) throw new UsageError(`unexpected argument ${quote(stray)}: answers and options are flags, like --workload web`);
      });

  define("advise", "recommend how to run one workload, with the reasons and their sources", (advise, ctx) => {
    refuseStrays(advise)
      .option("--json", "print JSON only (same as --format json)")
      .addOption(new Option("--format <format>", "output format").choices(ADVISE_FORMATS))
      .option("--answers <file>", "read answers from a JSON file, or - for stdin; flags override it")
      .option("--no-input", "never prompt; fail if an answer is missing")
      .addOption(rulesOption());
    for (const q of ctx.ruleSet.questions) {
      advise.option(`--${q.id} <value>`, `${q.prompt} (${q.choices.map((c) => c.value).join("|")})`);
    }
    advise.addHelpText("before", ADVISE_EXAMPLES).addHelpText("after", () => questionHelp(ctx.ruleSet));
    advise.action((_stray: string[], flags: AdviseFlags) => run(() => runAdvise(ctx, flags)));
  });

  define("compare", "print the comparison table of the three options", (compare, ctx) => {
    refuseStrays(compare)
      .addOption(new Option("--format <format>", "output format").choices(COMPARE_FORMATS).default("table"))
      .option("--json", "same as --format json")
      .option("--rows <ids>", "only these rows, comma-separated (see --format json for ids)")
      .addOption(rulesOption())
      .addHelpText("before", "Examples:\n  $ vmvc compare\n  $ vmvc compare --rows isolation,guest-compatibility --format markdown >> README.md\n  $ vmvc compare --json | jq '.rows[].id'\n")
      .action((_stray: string[], flags: { json?: boolean; format?: string; rows?: string }) => run(() => runCompare(ctx, flags)));
  });

  define("rules", "list, show, validate and check rule sets", (rules, ctx) => {
    const lazily = (task: (commands: typeof import("./rules.js")) => Promise<number>) => run(async () => task(await import("./rules.js")));
    rules
      .command("list")
      .description("list the rules in effect")
      .option("--option <id>", "only rules about this option")
      .option("--question <id>", "only rules that depend on this question")
      .option("--source <ref>", "only rules from this source page or page#section")
      .option("--json", "print JSON")
      .addOption(rulesOption())
      .action((flags: Record<string, string | boolean | undefined>) => lazily((c) => c.runRulesList(ctx, flags)));
    rules
      .command("show <id>")
      .description("one rule in full, with its source link")
      .option("--json", "print JSON")
      .addOption(rulesOption())
      .action((id: string, flags: { json?: boolean }) => lazily((c) => c.runRulesShow(ctx, id, flags)));
    rules
      .command("validate <paths...>")
      .description("check rule files or folders against the schema and the shipped rules")
      .action((paths: string[]) => lazily((c) => c.runRulesValidate(ctx, paths)));
    rules
      .command("schema")
      .description("print the JSON Schema of a rule file")
      .action(() => lazily((c) => c.runRulesSchema(ctx)));
    rules
      .command("check")
      .description("evaluate every combination of answers and report gaps, dead rules and unreachable options")
      .option("--strict", "fail on warnings too")
      .option("--json", "print JSON")
      .addOption(rulesOption())
      .action((flags: { strict?: boolean; json?: boolean }) => lazily((c) => c.runRulesCheck(ctx, flags)));
  });
  return program;
}

function report(error: unknown, err: (text: string) => void): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message; help and version are not failures.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isUsageError(error)) {
    err(`error: ${error.message}\n${error.details.map((d) => `${d}\n`).join("")}`);
    return error.exitCode;
  }
  if (isInterruptError(error)) {
    err(`\n${error.message}\n`);
    return error.exitCode;
  }
  err(`vmvc: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.VMVC_DEBUG && error instanceof Error) err(`${error.stack}\n`);
  return 1;
}

/** The outside world as run() sees it; tests pass their own. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown };
  /** Asked only when it matters: the answer costs a system call. */
  stdinIsTTY(): boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  readStdin(): string;
}

/** Runs one command line and returns its exit code. Never exits the process. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const out = (text: string): void => void io.stdout.write(text);
  const err = (text: string): void => void io.stderr.write(text);
  try {
    const name = commandTarget(argv);
    // Only a command needs the rule set: `vmvc --version` and `vmvc --help` start without it.
    const target = name === undefined ? undefined : { name, ctx: await commandContext(argv, io, out, err) };
    let task: (() => Promise<number>) | undefined;
    const program = buildProgram({ out, err }, (t) => (task = t), target);
    await program.parseAsync(argv as string[], { from: "user" });
    return task ? await task() : 0;
  } catch (error) {
    return report(error, err);
  }
}

async function commandContext(argv: readonly string[], io: Io, out: Context["out"], err: Context["err"]): Promise<Context> {
  const rulePaths = scanRulePaths(argv);
  return {
    ruleSet: await loadRuleSet({ rulePaths, cwd: io.cwd }),
    rulePaths,
    env: io.env,
    cwd: io.cwd,
    color: useColor(io.env, io.stdout.isTTY === true, argv.includes("--no-color") ? false : undefined),
    width: outputWidth(io.env, io.stdout),
    stdinIsTTY: io.stdinIsTTY,
    stdoutIsTTY: io.stdout.isTTY === true,
    out,
    err,
    readFile: (path) => readFileSync(resolve(io.cwd, path), "utf8"),
    readStdin: io.readStdin,
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/** The terminal is gone (hung up or closed): reading or writing it fails with these. */
const TERMINAL_GONE = new Set(["EIO", "ENXIO", "EBADF"]);

/**
 * Dies of SIGHUP, as a program whose terminal closed should. A normal exit would make Node
 * restore the terminal's settings, and on a vanished terminal that aborts the process.
 */
function hangUp(): never {
  process.removeAllListeners("SIGHUP");
  process.kill(process.pid, "SIGHUP");
  // The signal is delivered at once; this only satisfies the type checker.
  process.exit(129);
}

/**
 * Output to fd 1 or 2. Piped output is written synchronously with fs.writeSync: it keeps
 * order with process.exit and skips creating a stream at start-up. A terminal, or a pipe
 * that would block, gets the usual stream.
 */
function output(fd: 1 | 2): Io["stdout"] {
  let terminal: boolean | undefined;
  const isTTY = (): boolean => (terminal ??= isTerminal(fd));
  let stream: NodeJS.WriteStream | undefined;
  const viaStream = (): NodeJS.WriteStream => {
    if (!stream) {
      stream = fd === 1 ? process.stdout : process.stderr;
      stream.on("error", (error: NodeJS.ErrnoException) => gone(error));
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
      // The string goes straight to the system call; a buffer is made only for a short write.
      let bytes: Buffer | undefined;
      let done = 0;
      try {
        done = writeSync(fd, text);
        if (done < Buffer.byteLength(text)) {
          bytes = Buffer.from(text);
          while (done < bytes.length) done += writeSync(fd, bytes, done);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return gone(error as NodeJS.ErrnoException);
        viaStream().write((bytes ?? Buffer.from(text)).subarray(done));
      }
      return true;
    },
  };
}

/** A reader that stops early (vmvc compare | head) is not our failure; a vanished terminal is a hang-up. */
function gone(error: NodeJS.ErrnoException): never {
  if (error.code === "EPIPE") process.exit(0);
  if (TERMINAL_GONE.has(error.code ?? "")) hangUp();
  process.exit(1);
}

export async function main(): Promise<never> {
  const stdout = output(1);
  const stderr = output(2);
  const unexpected = (error: unknown): void => {
    if (TERMINAL_GONE.has((error as NodeJS.ErrnoException | null)?.code ?? "")) return hangUp();
    process.exit(report(error, (text) => void stderr.write(text)));
  };
  process.on("uncaughtException", unexpected);
  process.on("unhandledRejection", unexpected);
  let stdinIsTTY: boolean | undefined;
  const code = await run(process.argv.slice(2), {
    stdout,
    stderr,
    stdinIsTTY() {
      if (stdinIsTTY !== undefined) return stdinIsTTY;
      // Not process.stdin: creating the stdin stream costs start-up time.
      stdinIsTTY = isTerminal(0);
      if (stdinIsTTY) {
        // A prompt may come: end it cleanly, with the cursor back. (Ctrl-C typed at a prompt
        // arrives as a keypress, not a signal; `kill -INT` arrives here.)
        const stop = (message: string, exitCode: number) => () => {
          if (stdout.isTTY) stdout.write("\x1b[?25h\n");
          if (message) stderr.write(`${message}\n`);
          process.exit(exitCode);
        };
        process.on("SIGINT", stop("Cancelled: no recommendation was made.", 130));
        process.on("SIGTERM", stop("", 143));
      }
      return stdinIsTTY;
    },
    env: process.env,
    cwd: process.cwd(),
    readStdin: () => readFileSync(0, "utf8"),
  });
  process.exit(code);
}
