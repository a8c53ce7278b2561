import { Command, CommanderError, Option } from "commander";
import type { RuleSet } from "./engine/model.js";
import { AnswerSpaceError } from "./engine/budget.js";
import { InterruptError, OutputClosedError, OutputError, RuleSetError, UsageError } from "./errors.js";
import { escapeControls, printable, quote } from "./escape.js";
import { problemLineIn, type Problem } from "./problems.js";
import { TRUST_VARIABLE } from "./ruleset/config.js";
import { overrideWarnings } from "./render/report.js";
import { loadRuleSet, NotBuiltError, shippedRuleSet } from "./ruleset/index.js";
import { didYouMean } from "./suggest.js";
import { outputWidth, runningInCI, supportsHyperlinks, useColor, type Env } from "./environment.js";
import { COMMAND_NAMES, COMMANDS } from "./commands/index.js";
import {
  COMPLETE_COMMAND,
  type CommandModule,
  type CommandSpec,
  type Invocation,
  type Outcome,
} from "./commands/command.js";
import type { Ask, Context, OutputFile } from "./commands/context.js";
import { versionText } from "./version.js";
import { localizeCommander } from "./commands/localize.js";
import { ENGLISH, loadLocale, type Locale } from "./i18n/index.js";
import { chooseLang, isLanguageTag, LANG_VARIABLE } from "./i18n/lang.js";

// The command line: two passes of commander (the global options, then the command), the
// context a command runs in, and the one place that turns failures into messages and exit
// codes. It never exits the process: src/shell/ does.

/** The outside world as run() sees it. src/shell/main.ts passes the process; tests pass their own. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  /** Asked only when it matters: the answer costs a system call. */
  stdinIsTTY(): boolean;
  env: Env;
  cwd: string;
  /** The user running vmvc (process.getuid()); undefined where there are no user ids. */
  uid?: number;
  /** Node's version and the platform, for --version: "v24.1.0 (linux x64)". */
  runtime?: string;
  /** process.platform; absent means not Windows. */
  platform?: string;
  /** The system's locale as Intl reports it ("fr-FR"): where Windows keeps the user's language. */
  systemLocale?: string | (() => string | undefined);
  readStdin(): string;
  /** Stdin as a stream; without it, stdin is read whole with readStdin. */
  stdinStream?(): AsyncIterable<Buffer | string>;
  /** Questions go here; without it, none can be asked. */
  ask?(ctx: { color: boolean; toStdout: boolean; locale: Locale }): Ask;
  readFile?(path: string): string;
  openInput?(path: string): AsyncIterable<Buffer | string>;
  openOutput?(path: string, input?: string): OutputFile;
  preferMemory?(): void;
}

/** What the first pass reads: the options that decide which commands and flags to build. */
interface Globals {
  operands: string[];
  rules: string[];
  width: number | undefined;
  color: boolean;
  help: boolean;
  lang: string | undefined;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

// Read in the first pass, before the language is known: their errors say themselves in any.
function parseWidth(text: string): number {
  const width = Number(text);
  if (!Number.isInteger(width) || width < 20 || width > 1000) throw new UsageError((m) => m.cli.badWidth(quote(text)));
  return width;
}

const widthOption = (locale: Locale = ENGLISH): Option =>
  new Option("--width <columns>", locale.messages.cli.widthFlag).argParser(parseWidth);

function parseLang(text: string): string {
  if (!isLanguageTag(text)) throw new UsageError((m) => m.cli.badLang(quote(text)));
  return text;
}

const langOption = (locale: Locale = ENGLISH): Option =>
  new Option("--lang <language>", locale.messages.cli.langFlag(LANG_VARIABLE)).argParser(parseLang);

/**
 * The first pass: the global options and the command's words, wherever they stand. Commander
 * itself reads them, so that an option's value is never taken for a command.
 */
function readGlobals(argv: readonly string[]): Globals {
  const first = new Command()
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined })
    .addOption(new Option("--rules <path>").argParser(collect))
    .addOption(widthOption())
    .option("--no-color")
    .addOption(langOption())
    .option("-h, --help")
    .option("-V, --version")
    .option("-v");
  const { operands } = first.parseOptions([...argv]);
  const opts = first.opts<{
    rules?: string[];
    width?: number;
    color: boolean;
    help?: boolean;
    v?: boolean;
    lang?: string;
  }>();
  if (opts.v && argv.length === 1) throw new UsageError((m) => m.cli.shortV);
  return {
    operands,
    rules: opts.rules ?? [],
    width: opts.width,
    color: opts.color,
    help: opts.help === true,
    lang: opts.lang,
  };
}

/** --lang's value, read word by word for a command line commander could not parse. */
function langFlag(argv: readonly string[]): string | undefined {
  for (const [i, word] of argv.entries()) {
    if (word === "--") break;
    const value = word === "--lang" ? argv[i + 1] : word.startsWith("--lang=") ? word.slice(7) : undefined;
    if (value !== undefined && isLanguageTag(value)) return value;
  }
  return undefined;
}

/** The command a command line runs (for `help <command>`, the one asked about). */
function targetOf(globals: Globals): { spec: CommandSpec; sub: string | undefined } | undefined {
  const [word, next, after] = globals.operands;
  const asksHelp = word === "help";
  const name = asksHelp ? next : word;
  if (name === undefined) return undefined;
  const spec = COMMANDS.find((c) => c.name === name);
  if (spec === undefined && asksHelp)
    throw new UsageError((m) =>
      m.cli.unknownHelpCommand(quote(name), didYouMean(name, COMMAND_NAMES, m), COMMAND_NAMES.join(", ")),
    );
  return spec && { spec, sub: asksHelp ? after : next };
}

/** The commands whose output is advice. */
const ADVICE_COMMANDS = ["advise", "assess"];

/** Runs one command line and returns its exit code. Never exits the process. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const out = (text: string): void => void io.stdout.write(text);
  // Messages echo input (names, values, paths): nothing they quote may drive the terminal.
  const err = (text: string): void => void io.stderr.write(printable(text));
  let locale: Locale | undefined;
  try {
    if (argv[0] === COMPLETE_COMMAND) return await complete(argv.slice(1), io, out);
    const globals = readGlobals(argv);
    locale = await loadLocale(chooseLang(globals.lang, io.env, io.systemLocale));
    const target = targetOf(globals);
    const module = target && (await target.spec.load());
    if (target === undefined || module === undefined) {
      await parse(buildProgram(out, err, undefined, io.runtime, locale), argv);
      return 0;
    }
    // Help, the schema and validation must work even when the configured policy does not;
    // validation says so itself, next to what it validates.
    const policyOptional =
      globals.help || globals.operands[0] === "help" || target.spec.withoutPolicy?.includes(target.sub ?? "");
    const policy: Policy = !target.spec.usesRuleSet
      ? "none"
      : !policyOptional
        ? "required"
        : target.sub === "validate"
          ? "quiet"
          : "warn";
    const ctx = await commandContext(globals, io, out, err, policy, locale);
    // A hard fact overridden changes what advice means: said on stderr too, where a script's
    // caller looks, unless the advice is going to the terminal, which shows it in its headline.
    if (ADVICE_COMMANDS.includes(target.spec.name) && !ctx.stdoutIsTTY)
      for (const warning of overrideWarnings(ctx.ruleSet))
        err(`${warning.replace(/^Warning: /, locale.messages.cli.warning)}\n`);
    const program = buildProgram(
      out,
      err,
      { name: target.spec.name, module, ruleSet: ctx.ruleSet },
      io.runtime,
      locale,
    );
    const chosen = await parse(program, argv);
    if (chosen === undefined) return 0;
    const outcome: Outcome = await module.run(ctx, chosen);
    for (const p of outcome.problems ?? [])
      err(`${p.severity === "warning" ? locale.messages.cli.warning : ""}${problemLineIn(p, locale.messages)}\n`);
    return outcome.code;
  } catch (error) {
    // A command line that does not parse still gets its error in the reader's language.
    locale ??= await loadLocale(chooseLang(langFlag(argv), io.env, io.systemLocale));
    return report(error, err, io.env, locale);
  }
}

/** Parses the command line; the command to run, or nothing when commander printed help or the version. */
async function parse(program: Command, argv: readonly string[]): Promise<Invocation | undefined> {
  let chosen: Command | undefined;
  const leaves = (command: Command): Command[] =>
    command.commands.length === 0 ? [command] : command.commands.flatMap(leaves);
  for (const leaf of leaves(program)) if (leaf !== program) leaf.action((...args) => void (chosen = args.at(-1)));
  await program.parseAsync(argv as string[], { from: "user" });
  if (chosen === undefined) return undefined;
  const path: string[] = [];
  for (let c: Command | null = chosen; c !== null && c !== program; c = c.parent) path.unshift(c.name());
  return { path, args: chosen.processedArgs, flags: chosen.opts() };
}

/**
 * The whole program for help and parsing: every command named, and the one being run (if it
 * is known) built in full, with its options, help and subcommands.
 */
export function buildProgram(
  out: (text: string) => void,
  err: (text: string) => void,
  target: { name: string; module: CommandModule; ruleSet: RuleSet | undefined } | undefined,
  runtime = "unknown",
  locale: Locale = ENGLISH,
): Command {
  const m = locale.messages.cli;
  const program = new Command("vmvc")
    .description(m.program)
    .version(versionText(runtime, locale), "-V, --version", m.versionFlag)
    .option("--no-color", m.noColorFlag)
    .addOption(widthOption(locale))
    .addOption(langOption(locale))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err });
  localizeCommander(program, locale, err);
  program.addHelpText("after", m.moreHelp);
  for (const spec of COMMANDS) {
    const command = program.command(spec.name).description(m.summaries[spec.name] ?? spec.name);
    if (spec.name === target?.name) target.module.configure(command, target.ruleSet ?? shippedRuleSet(), locale);
  }
  return program;
}

/** `__complete N words…`: the candidates for the word after the first N, one a line. */
async function complete(given: readonly string[], io: Io, out: (text: string) => void): Promise<number> {
  // PowerShell asks with --describe for each candidate's meaning after a tab, as its tooltip.
  const describe = given[0] === "--describe";
  const args = describe ? given.slice(1) : given;
  const before = Number(args[0]);
  // A shell never has more words than this before the cursor; a larger N is not a real Tab.
  if (!Number.isInteger(before) || before < 0 || before > 10_000)
    throw new UsageError((m) => m.cli.completeUsage(COMPLETE_COMMAND));
  const words = args.slice(1, before + 2);
  while (words.length < before + 1) words.push("");
  const silent = (): void => undefined;
  // A command line that does not parse, or a policy that does not load, must not break Tab.
  let target: ReturnType<typeof targetOf>;
  let globals: Globals | undefined;
  // The word before the cursor may be an option still waiting for its value (--rules ▮).
  for (const before of [words.slice(0, -1), words.slice(0, -2)]) {
    try {
      globals = readGlobals(before);
      target = targetOf(globals);
      break;
    } catch {
      target = undefined;
    }
  }
  // Only tooltips are words; plain values are the same in every language.
  const locale = describe ? await loadLocale(chooseLang(globals?.lang, io.env, io.systemLocale)) : ENGLISH;
  let ruleSet = shippedRuleSet(locale.lang);
  if (target?.spec.usesRuleSet && globals)
    ruleSet = (await commandContext(globals, io, out, silent, "quiet", locale)).ruleSet;
  const module = target && (await target.spec.load());
  const program = buildProgram(out, silent, module && { name: target!.spec.name, module, ruleSet }, io.runtime, locale);
  const { completions } = await import("./commands/completion.js");
  out(
    completions(program, ruleSet, words, describe ? locale : undefined)
      .map((c) => `${c}\n`)
      .join(""),
  );
  return 0;
}

/**
 * The policy a command runs under: none (the shipped rules), or the configured one, which
 * must load, or else is left out with a warning, or quietly.
 */
type Policy = "none" | "required" | "warn" | "quiet";

async function commandContext(
  globals: Globals,
  io: Io,
  out: (text: string) => void,
  err: (text: string) => void,
  policy: Policy,
  locale: Locale = ENGLISH,
): Promise<Context> {
  let ruleSet: RuleSet;
  const trust = { ...(io.uid !== undefined ? { uid: io.uid } : {}), trusted: io.env[TRUST_VARIABLE] };
  // A config that is not the user's is left out, and said so, unless nothing may be said (Tab).
  const warn = (p: Problem): void =>
    policy === "quiet" ? undefined : err(`${locale.messages.cli.warning}${problemLineIn(p, locale.messages)}\n`);
  try {
    ruleSet =
      policy === "none"
        ? shippedRuleSet(locale.lang)
        : await loadRuleSet({ rulePaths: globals.rules, cwd: io.cwd, trust, warn, lang: locale.lang });
  } catch (error) {
    if (!(error instanceof RuleSetError) || policy === "required") throw error;
    if (policy === "warn")
      err(`${locale.messages.cli.warning}${locale.messages.cli.policyLeftOut(error.text(locale.messages))}\n`);
    ruleSet = shippedRuleSet(locale.lang);
  }
  const stdoutIsTTY = io.stdout.isTTY === true;
  const color = useColor(io.env, stdoutIsTTY, globals.color ? undefined : false);
  const { readFile, openInput, openOutput } = io.readFile && io.openInput && io.openOutput ? io : await shellFiles(io);
  return {
    ruleSet,
    locale,
    env: io.env,
    cwd: io.cwd,
    trust,
    platform: io.platform ?? "",
    ci: runningInCI(io.env),
    color,
    hyperlinks: supportsHyperlinks(io.env, stdoutIsTTY),
    // Piped (vmvc compare | head), output still fits the terminal the user is looking at: bash
    // does not export COLUMNS, and PowerShell never sets it.
    width: globals.width ?? outputWidth(io.env, stdoutIsTTY ? io.stdout : io.stderr),
    stdinIsTTY: io.stdinIsTTY,
    stdoutIsTTY,
    stderrIsTTY: io.stderr.isTTY === true,
    out,
    err,
    status: statusLine(io.stderr),
    readFile: readFile!,
    readStdin: io.readStdin,
    openInput: (path) =>
      path === "-"
        ? (io.stdinStream?.() ??
          (async function* () {
            yield io.readStdin();
          })())
        : openInput!(path),
    openOutput: openOutput!,
    preferMemory: () => io.preferMemory?.(),
    today: () => new Date().toISOString().slice(0, 10),
    ask: io.ask?.({ color, toStdout: stdoutIsTTY, locale }) ?? noPrompt,
  };
}

const noPrompt: Ask = () => Promise.reject(new Error("no terminal to ask on"));

/** Files under the working directory, as the shell reads and writes them. */
async function shellFiles(io: Io): Promise<Required<Pick<Io, "readFile" | "openInput" | "openOutput">>> {
  const files = await import("./shell/files.js");
  return {
    readFile: (path) => files.readText(io.cwd, path),
    openInput: (path) => files.openInput(io.cwd, path),
    openOutput: (path, input) => files.openOutput(io.cwd, path, input),
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

/**
 * Turns a failure into its message on stderr and its exit code: 2 when the run could not do
 * its job (a wrong call, input or a policy that cannot be used, output not written), 130
 * when the user stopped it. Findings in the data (exit 1) are outcomes, not failures.
 */
function report(error: unknown, err: (text: string) => void, env: Env, locale: Locale): number {
  const m = locale.messages.cli;
  // commander has already printed its message; help and version are not failures.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  // The reader stopped early (vmvc compare | head): not our failure.
  if (error instanceof OutputClosedError) return 0;
  if (error instanceof UsageError) {
    err(
      `${m.error}${error.text(locale.messages)}\n${error
        .detailLines(locale.messages)
        .map((d) => `${d}\n`)
        .join("")}`,
    );
    return 2;
  }
  if (error instanceof RuleSetError) {
    const lines =
      error.problems.length > 1 ? error.problems.map((p) => `  ${problemLineIn(p, locale.messages)}\n`).join("") : "";
    err(`${m.error}${error.text(locale.messages)}\n${lines}`);
    return 2;
  }
  if (error instanceof OutputError) {
    err(`vmvc: ${error.text(locale.messages)}\n`);
    return 2;
  }
  if (error instanceof InterruptError) {
    err(`\n${error.message}\n`);
    return 130;
  }
  if (error instanceof AnswerSpaceError) {
    err(`${m.error}${error.message}\n`);
    return 2;
  }
  if (error instanceof NotBuiltError) {
    err(`${error.message}\n`);
    return 2;
  }
  err(`vmvc: ${m.unexpected(error instanceof Error ? error.message : String(error))}\n`);
  if (env.VMVC_DEBUG && error instanceof Error) err(`${error.stack}\n`);
  return 2;
}
