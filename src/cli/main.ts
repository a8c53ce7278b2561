import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import type { RuleSet } from "../engine/model.js";
import { InterruptError, UsageError } from "../errors.js";
import { loadRuleSet } from "../ruleset/index.js";
import { ADVISE_FORMATS, type AdviseFlags } from "./advise.js";
import { COMPARE_FORMATS } from "./compare.js";
import type { Context } from "./context.js";
import { outputWidth, useColor } from "./terminal.js";

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

function buildProgram(ctx: Context, run: (task: () => Promise<number>) => void): Command {
  const program = new Command("vmvc")
    .description("Decide how to run a Windows Server workload: a VM, a process-isolated container or a Hyper-V-isolated container.")
    .version(version(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("--no-color", "never colour the output (NO_COLOR and FORCE_COLOR=0 work too)")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) });
  program.addHelpText("after", "\nRun `vmvc <command> --help` for a command's flags and examples.");
  const rulesOption = () =>
    new Option("--rules <path>", "layer a rule file or folder over the shipped rules (repeatable)").argParser(collect);

  const adviseCommand = program
    .command("advise")
    .description("recommend how to run one workload, with the reasons and their sources")
    .option("--json", "print JSON only (same as --format json)")
    .addOption(new Option("--format <format>", "output format").choices(ADVISE_FORMATS))
    .option("--answers <file>", "read answers from a JSON file, or - for stdin; flags override it")
    .option("--no-input", "never prompt; fail if an answer is missing")
    .addOption(rulesOption());
  for (const q of ctx.ruleSet.questions) {
    adviseCommand.option(`--${q.id} <value>`, `${q.prompt} (${q.choices.map((c) => c.value).join("|")})`);
  }
  adviseCommand.addHelpText("before", ADVISE_EXAMPLES).addHelpText("after", questionHelp(ctx.ruleSet));
  adviseCommand.action((flags: AdviseFlags) => {
    run(async () => (await import("./advise.js")).runAdvise(ctx, flags));
  });

  program
    .command("compare")
    .description("print the comparison table of the three options")
    .addOption(new Option("--format <format>", "output format").choices(COMPARE_FORMATS).default("table"))
    .option("--json", "same as --format json")
    .option("--rows <ids>", "only these rows, comma-separated (see --format json for ids)")
    .addOption(rulesOption())
    .addHelpText("before", "Examples:\n  $ vmvc compare\n  $ vmvc compare --rows isolation,guest-compatibility --format markdown >> README.md\n  $ vmvc compare --json | jq '.rows[].id'\n")
    .action((flags: { json?: boolean; format?: string; rows?: string }) => {
      run(async () => (await import("./compare.js")).runCompare(ctx, flags));
    });

  const rules = program.command("rules").description("list, show, validate and check rule sets");
  rules
    .command("list")
    .description("list the rules in effect")
    .option("--option <id>", "only rules about this option")
    .option("--question <id>", "only rules that depend on this question")
    .option("--source <ref>", "only rules from this source page or page#section")
    .option("--json", "print JSON")
    .addOption(rulesOption())
    .action((flags: Record<string, string | boolean | undefined>) => {
      run(async () => (await import("./rules.js")).runRulesList(ctx, flags));
    });
  rules
    .command("show <id>")
    .description("one rule in full, with its source link")
    .option("--json", "print JSON")
    .addOption(rulesOption())
    .action((id: string, flags: { json?: boolean }) => {
      run(async () => (await import("./rules.js")).runRulesShow(ctx, id, flags));
    });
  rules
    .command("validate <paths...>")
    .description("check rule files or folders against the schema and the shipped rules")
    .action((paths: string[]) => {
      run(async () => (await import("./rules.js")).runRulesValidate(ctx, paths));
    });
  rules
    .command("schema")
    .description("print the JSON Schema of a rule file")
    .action(() => {
      run(async () => (await import("./rules.js")).runRulesSchema(ctx));
    });
  rules
    .command("check")
    .description("evaluate every combination of answers and report gaps, dead rules and unreachable options")
    .option("--strict", "fail on warnings too")
    .option("--json", "print JSON")
    .addOption(rulesOption())
    .action((flags: { strict?: boolean; json?: boolean }) => {
      run(async () => (await import("./rules.js")).runRulesCheck(ctx, flags));
    });
  return program;
}

function report(error: unknown, err: (text: string) => void): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message; help and version are not failures.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    err(`error: ${error.message}\n${error.details.map((d) => `${d}\n`).join("")}`);
    return error.exitCode;
  }
  if (error instanceof InterruptError) {
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
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  readStdin(): string;
}

/** Runs one command line and returns its exit code. Never exits the process. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const err = (text: string): void => void io.stderr.write(text);
  try {
    const rulePaths = scanRulePaths(argv);
    const ctx: Context = {
      ruleSet: await loadRuleSet({ rulePaths, cwd: io.cwd }),
      rulePaths,
      env: io.env,
      cwd: io.cwd,
      color: useColor(io.env, io.stdout.isTTY === true, argv.includes("--no-color") ? false : undefined),
      width: outputWidth(io.env, io.stdout),
      stdinIsTTY: io.stdinIsTTY,
      stdoutIsTTY: io.stdout.isTTY === true,
      out: (text) => void io.stdout.write(text),
      err,
      readFile: (path) => readFileSync(resolve(io.cwd, path), "utf8"),
      readStdin: io.readStdin,
      today: () => new Date().toISOString().slice(0, 10),
    };
    let task: (() => Promise<number>) | undefined;
    const program = buildProgram(ctx, (t) => (task = t));
    await program.parseAsync(argv as string[], { from: "user" });
    return task ? await task() : 0;
  } catch (error) {
    return report(error, err);
  }
}

/** The terminal is gone (hung up or closed): reading or writing it fails with these. */
const TERMINAL_GONE = new Set(["EIO", "ENXIO", "EBADF"]);

/**
 * Dies of SIGHUP, as a program whose terminal closed should. A normal exit would make Node
 * restore the terminal's settings, and on a vanished terminal that aborts the process.
 */
function hangUp(): void {
  process.removeAllListeners("SIGHUP");
  process.kill(process.pid, "SIGHUP");
}

export async function main(): Promise<never> {
  const { stdout, stderr, stdin } = process;
  // A reader that stops early (vmvc compare | head) is not our failure.
  for (const stream of [stdout, stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      if (TERMINAL_GONE.has(error.code ?? "")) hangUp();
      else process.exit(1);
    });
  }
  const unexpected = (error: unknown): void => {
    if (TERMINAL_GONE.has((error as NodeJS.ErrnoException | null)?.code ?? "")) return hangUp();
    process.exit(report(error, (text) => void stderr.write(text)));
  };
  process.on("uncaughtException", unexpected);
  process.on("unhandledRejection", unexpected);
  process.on("SIGTERM", () => {
    if (stdout.isTTY) stdout.write("\x1b[?25h\n");
    process.exit(143);
  });
  const code = await run(process.argv.slice(2), {
    stdout,
    stderr,
    stdinIsTTY: stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    readStdin: () => readFileSync(0, "utf8"),
  });
  process.exit(code);
}
