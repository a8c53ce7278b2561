import { advise, questionsThatMatter } from "../engine/explain.js";
import type { Answers } from "../engine/model.js";
import { writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { InputClosedError, UsageError } from "../errors.js";
import { didYouMean, quote } from "../suggest.js";
import { readProblem } from "../text.js";
import { version } from "./version.js";
import { adviceJson } from "../render/report.js";
import { compile, type CompiledRuleSet } from "../engine/compile.js";
import { answersFromFlags, answersFromJson, commandPieces, missingError, missingQuestions, SHELLS, type Shell } from "./answers.js";
import type { Context } from "./context.js";
import { runningInCI } from "./terminal.js";

export const ADVISE_FORMATS = ["text", "json", "markdown"] as const;
type Format = (typeof ADVISE_FORMATS)[number];

/** The shell the equivalent command is written for: --shell, else PowerShell on Windows, else POSIX. */
function chooseShell(flag: unknown): Shell {
  if (flag === undefined) return process.platform === "win32" ? "powershell" : "posix";
  if (!SHELLS.includes(flag as Shell)) throw new UsageError(`--shell ${JSON.stringify(flag)} is not one of ${SHELLS.join(", ")}${didYouMean(String(flag), SHELLS)}`);
  return flag as Shell;
}

export interface AdviseFlags extends Record<string, unknown> {
  shell?: string;
  output?: string;
  json?: boolean;
  format?: string;
  answers?: string;
  input?: boolean;
}

export function chooseFormat(flags: { json?: boolean; format?: string }, allowed: readonly string[]): string {
  if (flags.json && flags.format !== undefined && flags.format !== "json") {
    throw new UsageError(`--json and --format ${quote(flags.format)} ask for two different formats; give one of them`);
  }
  if (flags.json) return "json";
  const format = flags.format ?? allowed[0]!;
  if (!allowed.includes(format)) throw new UsageError(`--format ${quote(format)} is not one of ${allowed.join(", ")}${didYouMean(format, allowed)}`);
  return format;
}

/** Why questions cannot be asked in this run, or undefined when they can. */
function whyNotAsk(ctx: Context, flags: AdviseFlags): string | undefined {
  if (flags.input === false) return "--no-input";
  if (flags.answers === "-") return "stdin carries the answers";
  if (runningInCI(ctx.env)) return "CI is set";
  // With stdout redirected, questions go to stderr when that is a terminal, as gh does.
  if (!ctx.stdoutIsTTY && !ctx.stderrIsTTY) return "neither stdout nor stderr is a terminal";
  if (!ctx.stdinIsTTY()) return "stdin is not a terminal";
  return undefined;
}

const FORMAT_BY_EXTENSION: Record<string, Format> = { ".md": "markdown", ".markdown": "markdown", ".json": "json", ".txt": "text" };

/** The format for --output FILE: --format, else the file's extension. */
function outputFormat(flags: AdviseFlags): Format | undefined {
  if (flags.output === undefined || flags.format !== undefined || flags.json) return undefined;
  const format = FORMAT_BY_EXTENSION[extname(flags.output).toLowerCase()];
  if (!format) throw new UsageError(`--output ${quote(flags.output)}: cannot tell the format from its extension (.md, .json or .txt); add --format`);
  return format;
}

export async function runAdvise(ctx: Context, flags: AdviseFlags, flagAnswers: Readonly<Record<string, unknown>>): Promise<number> {
  const { ruleSet } = ctx;
  const format = outputFormat(flags) ?? (chooseFormat(flags, ADVISE_FORMATS) as Format);

  let answers: Answers = {};
  if (flags.answers !== undefined) {
    const fromStdin = flags.answers === "-";
    const shown = fromStdin ? "stdin" : flags.answers;
    let text: string;
    try {
      text = fromStdin ? ctx.readStdin() : ctx.readFile(flags.answers);
    } catch (error) {
      throw new UsageError(`--answers ${shown}: cannot read: ${readProblem(error)}`);
    }
    answers = answersFromJson(ruleSet, text, shown);
  }
  answers = { ...answers, ...answersFromFlags(ruleSet, flagAnswers) };

  const compiled = compile(ruleSet);
  const notAsking = whyNotAsk(ctx, flags);
  const interactive = notAsking === undefined;
  if (!interactive) {
    const missing = missingQuestions(compiled, answers);
    if (missing.length > 0) throw missingError(missing, `missing answer${missing.length === 1 ? "" : "s"} (not asking: ${notAsking})`);
  } else {
    await askWhatMatters(ctx, compiled, answers);
  }

  const advice = advise(compiled, answers);
  const shell = chooseShell(flags.shell);
  const report = { advice, ruleSet, command: commandPieces(ruleSet, answers, shell), shell, version: version() };

  let text: string;
  if (format === "json") text = adviceJson(report);
  else if (format === "markdown") text = (await import("../render/advice-markdown.js")).renderAdviceMarkdown(report, ctx.today());
  else {
    const [{ renderAdviceText }, { createStyle }] = await Promise.all([import("../render/advice-text.js"), import("../render/style.js")]);
    const toTerminal = flags.output === undefined && ctx.stdoutIsTTY;
    text = `${interactive && toTerminal ? "\n" : ""}${renderAdviceText(report, createStyle(ctx.color && flags.output === undefined), ctx.width, { showCommand: interactive })}`;
  }
  if (flags.output === undefined) ctx.out(text);
  else {
    try {
      writeFileSync(resolve(ctx.cwd, flags.output), text);
    } catch (error) {
      throw new UsageError(`--output ${quote(flags.output)}: cannot write: ${readProblem(error)}`);
    }
    ctx.err(`Wrote the ${format === "markdown" ? "decision record" : "advice"} to ${flags.output}.\n`);
  }
  return 0;
}

/**
 * Asks, one at a time, the questions whose answer can still change the outcome: one that alone
 * decides it first. Stops as soon as the answers given settle it.
 */
async function askWhatMatters(ctx: Context, compiled: CompiledRuleSet, answers: Answers): Promise<void> {
  const prompts = ctx.ask ? undefined : await import("./prompts.js");
  const ask = ctx.ask ?? ((step) => prompts!.ask(step, ctx.stdoutIsTTY ? "stdout" : "stderr"));
  let number = 0;
  for (;;) {
    // Before the first answer every question may matter: ask in order, with no sweep to wait for.
    const open = compiled.ruleSet.questions.filter((q) => !Object.hasOwn(answers, q.id));
    const next = Object.keys(answers).length === 0 ? open : questionsThatMatter(compiled, answers);
    if (next.length === 0) {
      // Said where the questions were asked.
      const say = ctx.stdoutIsTTY ? ctx.out : ctx.err;
      if (open.length > 0 && number > 0) say("\nThat settles it: no answer to the remaining questions could change the outcome.\n");
      return;
    }
    const question = next[0]!;
    try {
      answers[question.id] = await ask({ question, number: ++number, atMost: next.length });
    } catch (error) {
      if (!(error instanceof InputClosedError)) throw error;
      throw missingError(missingQuestions(compiled, answers), "input closed before every question was answered; pass the rest as flags");
    }
  }
}
