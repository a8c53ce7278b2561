import { advise, questionsThatMatter } from "../engine/explain.js";
import type { Answers, Question } from "../engine/model.js";
import { writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { InputClosedError, InterruptError, UsageError } from "../errors.js";
import { didYouMean, quote } from "../suggest.js";
import { readProblem } from "../text.js";
import { version } from "./version.js";
import { adviceJson } from "../render/report.js";
import { compile, type CompiledRuleSet } from "../engine/compile.js";
import {
  answersFromFlags,
  answersFromJson,
  commandPieces,
  missingError,
  missingQuestions,
  SHELLS,
  type Shell,
} from "./answers.js";
import { GO_BACK, type Context } from "./context.js";
import { runningInCI } from "./terminal.js";

export const ADVISE_FORMATS = ["text", "json", "markdown"] as const;
type Format = (typeof ADVISE_FORMATS)[number];

/** The shell the equivalent command is written for: --shell, else PowerShell on Windows, else POSIX. */
function chooseShell(flag: unknown): Shell {
  if (flag === undefined) return process.platform === "win32" ? "powershell" : "posix";
  if (!SHELLS.includes(flag as Shell))
    throw new UsageError(
      `--shell ${quote(String(flag))} is not one of ${SHELLS.join(", ")}${didYouMean(String(flag), SHELLS)}`,
    );
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
  if (!allowed.includes(format))
    throw new UsageError(`--format ${quote(format)} is not one of ${allowed.join(", ")}${didYouMean(format, allowed)}`);
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

const FORMAT_BY_EXTENSION: Record<string, Format> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".json": "json",
  ".txt": "text",
};

/** The format for --output FILE: --format, else the file's extension. */
function outputFormat(flags: AdviseFlags): Format | undefined {
  if (flags.output === undefined || flags.format !== undefined || flags.json) return undefined;
  const format = FORMAT_BY_EXTENSION[extname(flags.output).toLowerCase()];
  if (!format)
    throw new UsageError(
      `--output ${quote(flags.output)}: cannot tell the format from its extension (.md, .json or .txt); add --format`,
    );
  return format;
}

export async function runAdvise(
  ctx: Context,
  flags: AdviseFlags,
  flagAnswers: Readonly<Record<string, unknown>>,
): Promise<number> {
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
  const shell = chooseShell(flags.shell);
  const notAsking = whyNotAsk(ctx, flags);
  const interactive = notAsking === undefined;
  if (!interactive) {
    const missing = missingQuestions(compiled, answers);
    if (missing.length > 0)
      throw missingError(missing, `missing answer${missing.length === 1 ? "" : "s"} (not asking: ${notAsking})`);
  } else {
    await askWhatMatters(ctx, compiled, answers, shell);
  }

  const advice = advise(compiled, answers);
  const report = { advice, ruleSet, command: commandPieces(ruleSet, answers, shell), shell, version: version() };

  let text: string;
  if (format === "json") text = adviceJson(report);
  else if (format === "markdown")
    text = (await import("../render/advice-markdown.js")).renderAdviceMarkdown(report, ctx.today());
  else {
    const [{ renderAdviceText }, { createStyle }] = await Promise.all([
      import("../render/advice-text.js"),
      import("../render/style.js"),
    ]);
    const toTerminal = flags.output === undefined && ctx.stdoutIsTTY;
    text = `${interactive && toTerminal ? "\n" : ""}${renderAdviceText(report, createStyle(ctx.color && flags.output === undefined, ctx.hyperlinks && flags.output === undefined), ctx.width, { showCommand: interactive })}`;
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

/** Where a prompt starts: the earlier answer when going back, else the question's default. */
function startingValue(question: Question, answers: Answers, earlier: Answers): string | undefined {
  if (Object.hasOwn(earlier, question.id)) return earlier[question.id];
  const from = question.defaultFrom === undefined ? undefined : answers[question.defaultFrom];
  if (from !== undefined && question.choices.some((c) => c.value === from)) return from;
  return question.default;
}

/**
 * Asks, one at a time, the questions whose answer can still change the outcome: one that alone
 * decides it first. Stops as soon as the answers given settle it. Esc or ← goes back one
 * question; what was answered after it is offered again as the starting choice.
 */
async function askWhatMatters(ctx: Context, compiled: CompiledRuleSet, answers: Answers, shell: Shell): Promise<void> {
  const prompts = ctx.ask ? undefined : await import("./prompts.js");
  const screen = { output: ctx.stdoutIsTTY ? process.stdout : process.stderr, color: ctx.color };
  const ask = ctx.ask ?? ((step) => prompts!.ask(step, screen));
  const asked: string[] = [];
  const earlier: Answers = {};
  for (;;) {
    // Before the first answer every question may matter: ask in order, with no sweep to wait for.
    const open = compiled.ruleSet.questions.filter((q) => !Object.hasOwn(answers, q.id));
    const next = Object.keys(answers).length === 0 ? open : questionsThatMatter(compiled, answers);
    if (next.length === 0) {
      // Said where the questions were asked.
      const say = ctx.stdoutIsTTY ? ctx.out : ctx.err;
      if (open.length > 0 && asked.length > 0)
        say("\nThat settles it: no answer to the remaining questions could change the outcome.\n");
      return;
    }
    const question = next[0]!;
    let answer;
    try {
      const start = startingValue(question, answers, earlier);
      answer = await ask({
        question,
        number: asked.length + 1,
        atMost: next.length,
        canGoBack: asked.length > 0,
        ...(start !== undefined ? { default: start } : {}),
      });
    } catch (error) {
      if (error instanceof InterruptError && asked.length > 0) {
        const { shellLines } = await import("../render/advice-text.js");
        throw new InterruptError(
          `${error.message}\nTo carry on later, start from the answers given so far:\n${shellLines(commandPieces(compiled.ruleSet, answers, shell), ctx.width, shell)}`,
        );
      }
      if (!(error instanceof InputClosedError)) throw error;
      throw missingError(
        missingQuestions(compiled, answers),
        "input closed before every question was answered; pass the rest as flags",
      );
    }
    if (answer === GO_BACK) {
      const previous = asked.pop();
      if (previous !== undefined) delete answers[previous];
      continue;
    }
    answers[question.id] = answer;
    earlier[question.id] = answer;
    asked.push(question.id);
  }
}
