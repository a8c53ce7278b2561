import type { Command } from "commander";
import { Option } from "commander";
import { advise, questionsThatMatter } from "../engine/explain.js";
import { answerSpace, answerSpaceProblem } from "../engine/budget.js";
import type { Answers, Question, RuleSet } from "../engine/model.js";
import { InputClosedError, InterruptError, OutputError, UsageError } from "../errors.js";
import { didYouMean } from "../suggest.js";
import { quote } from "../escape.js";
import { readProblem } from "../text.js";
import { version } from "../version.js";
import { adviceJson } from "../render/report.js";
import { compile, type CompiledRuleSet } from "../engine/compile.js";
import { UNKNOWN } from "../engine/certainty.js";
import {
  answersFromFlags,
  answersFromJson,
  commandPieces,
  missingError,
  missingQuestions,
  invokedAs,
  quoteWord,
  shellNamed,
  SHELLS,
  type Shell,
} from "./answers.js";
import { OK, type Invocation, type Outcome } from "./command.js";
import { printSchema } from "./formats.js";
import { GO_BACK, type Context } from "./context.js";
import { chooseFormat } from "./formats.js";
import { ENGLISH, type Locale } from "../i18n/index.js";
import { addQuestionOptions, answersFrom, refuseStrays, rulesOption } from "./options.js";

// `vmvc advise`: one workload's answers in, a recommendation with its reasons out.

export const ADVISE_FORMATS = ["text", "json", "markdown"] as const;
type Format = (typeof ADVISE_FORMATS)[number];

/** The options advise has besides its questions. */
export function adviseFlags(locale: Locale = ENGLISH): Option[] {
  const m = locale.messages.cli.adviseFlags;
  return [
    new Option("--json", m.json),
    new Option("--json-schema", m.jsonSchema),
    new Option("-q, --quiet", m.quiet),
    new Option("--format <format>", m.format(ADVISE_FORMATS.join(", "))),
    new Option("--answers <file>", m.answers),
    new Option("--no-input", m.noInput),
    new Option("-o, --output <file>", m.output),
    new Option("--shell <shell>", m.shell),
    rulesOption(locale),
  ];
}

function questionHelp(ruleSet: RuleSet, locale: Locale): string {
  const m = locale.messages.cli;
  const lines = ["", m.questionsHeading];
  for (const q of ruleSet.questions) {
    lines.push(`  --${q.id}${m.colon}${q.prompt}${q.optional ? m.optional : ""}`);
    if (q.help) lines.push(`      ${q.help}`);
    const width = Math.max(...q.choices.map((c) => c.value.length));
    for (const c of q.choices) lines.push(`      ${c.value.padEnd(width)}  ${c.label}${m.colon}${c.meaning}`);
  }
  lines.push("", m.unknownAnswer, m.policies, m.adviseExitCodes);
  return lines.join("\n");
}

export function configure(command: Command, ruleSet: RuleSet, locale: Locale = ENGLISH): void {
  refuseStrays(command);
  const own = adviseFlags(locale);
  for (const option of own) command.addOption(option);
  addQuestionOptions(command, ruleSet, own);
  command.addHelpText("after", locale.messages.cli.adviseExamples);
  command.addHelpText("after", () => questionHelp(ruleSet, locale));
}

export const run = async (ctx: Context, call: Invocation): Promise<Outcome> => {
  if (call.flags.jsonSchema) return printSchema(ctx, "advice");
  return runAdvise(ctx, call.flags as AdviseFlags, answersFrom(call.flags, ctx.ruleSet));
};

/** The shell the equivalent command is written for: --shell, else PowerShell on Windows, else POSIX. */
function chooseShell(flag: unknown, platform: string): Shell {
  if (flag === undefined) return platform === "win32" ? "powershell" : "posix";
  const shell = shellNamed(String(flag));
  if (shell === undefined)
    throw new UsageError((m) =>
      m.cli.badShell(quote(String(flag)), SHELLS.join(", "), didYouMean(String(flag).toLowerCase(), SHELLS, m)),
    );
  return shell;
}

export interface AdviseFlags extends Record<string, unknown> {
  shell?: string;
  output?: string;
  json?: boolean;
  format?: string;
  answers?: string;
  input?: boolean;
  quiet?: boolean;
}

/** Why questions cannot be asked in this run, or undefined when they can. */
function whyNotAsk(ctx: Context, flags: AdviseFlags): string | undefined {
  const why = ctx.locale.messages.cli.notAsking;
  if (flags.input === false) return why.noInput;
  if (flags.answers === "-") return why.stdinAnswers;
  if (ctx.ci) return why.ci;
  // With stdout redirected, questions go to stderr when that is a terminal, as gh does.
  if (!ctx.stdoutIsTTY && !ctx.stderrIsTTY) return why.noTerminal;
  if (!ctx.stdinIsTTY()) return why.stdinNotTerminal;
  return undefined;
}

async function runAdvise(
  ctx: Context,
  flags: AdviseFlags,
  flagAnswers: Readonly<Record<string, unknown>>,
): Promise<Outcome> {
  const { ruleSet } = ctx;
  const m = ctx.locale.messages.cli;
  const format: Format = chooseFormat(flags, ADVISE_FORMATS, "text");
  if (flags.quiet && (flags.json || flags.format !== undefined || flags.output !== undefined))
    throw new UsageError(m.quietAlone);

  let answers: Answers = {};
  if (flags.answers !== undefined) {
    const fromStdin = flags.answers === "-";
    const shown = fromStdin ? "stdin" : flags.answers;
    let text: string;
    try {
      text = fromStdin ? ctx.readStdin() : ctx.readFile(flags.answers);
    } catch (error) {
      throw new UsageError(m.cannotRead("--answers", shown, readProblem(error, ctx.locale.messages)));
    }
    answers = answersFromJson(ruleSet, text, shown);
  }
  answers = { ...answers, ...answersFromFlags(ruleSet, flagAnswers) };

  const compiled = compile(ruleSet);
  const shell = chooseShell(flags.shell, ctx.platform);
  // Checked before the first question, so that no answers are asked for nothing.
  const file = flags.output === undefined ? undefined : ctx.openOutput(flags.output);
  const notAsking = whyNotAsk(ctx, flags);
  const interactive = notAsking === undefined;
  if (!interactive) {
    const missing = missingQuestions(compiled, answers);
    if (missing.length > 0)
      throw missingError(missing, m.missingAnswers(missing.length, notAsking), ctx.locale.messages);
  } else {
    await askWhatMatters(ctx, compiled, answers, shell);
  }

  const advice = advise(compiled, answers);
  const report = {
    advice,
    ruleSet,
    command: commandPieces(ruleSet, answers, shell, ctx.cwd, invokedAs(ctx.env)),
    shell,
    version: version(),
    locale: ctx.locale,
  };

  let text: string;
  if (flags.quiet) text = `${advice.recommendation ?? "none"}\n`;
  else if (format === "json") text = adviceJson(report);
  else if (format === "markdown")
    text = (await import("../render/advice-markdown.js")).renderAdviceMarkdown(report, ctx.today());
  else {
    const [{ renderAdviceText }, { createStyle }] = await Promise.all([
      import("../render/advice-text.js"),
      import("../render/style.js"),
    ]);
    const toTerminal = flags.output === undefined && ctx.stdoutIsTTY;
    text = `${interactive && toTerminal ? "\n" : ""}${renderAdviceText(report, createStyle(ctx.color && flags.output === undefined, ctx.hyperlinks && flags.output === undefined), ctx.width, { showCommand: interactive, allWhatIfs: file !== undefined })}`;
  }
  if (file === undefined) ctx.out(text);
  else {
    try {
      file.write(text);
      file.commit();
    } catch (error) {
      // The answers were given: say how to give them again.
      if (!interactive || !(error instanceof OutputError)) throw error;
      const { shellLines } = await import("../render/advice-text.js");
      throw new OutputError(
        `${error.text(ctx.locale.messages)}\n${m.writeAgain}\n${shellLines([...report.command, `--output ${quoteWord(flags.output!, shell)}`], ctx.width, shell)}`,
      );
    }
    ctx.err(format === "markdown" ? m.wroteRecord(flags.output!) : m.wroteAdvice(flags.output!));
  }
  return OK;
}

/**
 * Where a prompt starts: the earlier answer when going back, else the question's default, else
 * "I'm not sure". Enter pressed through every question must not become a confident
 * recommendation built from first choices nobody chose.
 */
function startingValue(question: Question, answers: Answers, earlier: Answers): string {
  if (Object.hasOwn(earlier, question.id)) return earlier[question.id]!;
  const from = question.defaultFrom === undefined ? undefined : answers[question.defaultFrom];
  if (from !== undefined && question.choices.some((c) => c.value === from)) return from;
  return question.default ?? UNKNOWN;
}

/**
 * Asks, one at a time, the questions whose answer can still change the outcome: one that alone
 * decides it first. Stops as soon as the answers given settle it. Esc or ← goes back one
 * question; what was answered after it is offered again as the starting choice.
 */
async function askWhatMatters(ctx: Context, compiled: CompiledRuleSet, answers: Answers, shell: Shell): Promise<void> {
  const { ask } = ctx;
  const asked: string[] = [];
  const earlier: Answers = {};
  for (;;) {
    // Before the first answer every question may matter: ask in order, with no sweep to wait for.
    const open = compiled.ruleSet.questions.filter((q) => !Object.hasOwn(answers, q.id));
    // Too many open answers to weigh which matter: ask them all, in order, until they can be.
    const next =
      Object.keys(answers).length === 0 || answerSpaceProblem(answerSpace(compiled, answers, false), 0) !== undefined
        ? open
        : questionsThatMatter(compiled, answers);
    if (next.length === 0) {
      // Said where the questions were asked.
      const say = ctx.stdoutIsTTY ? ctx.out : ctx.err;
      if (open.length > 0 && asked.length > 0) say(ctx.locale.messages.cli.settled);
      return;
    }
    const question = next[0]!;
    let answer;
    try {
      answer = await ask({
        question,
        number: asked.length + 1,
        atMost: next.length,
        canGoBack: asked.length > 0,
        default: startingValue(question, answers, earlier),
      });
    } catch (error) {
      if (error instanceof InterruptError && asked.length > 0) {
        const { shellLines } = await import("../render/advice-text.js");
        throw new InterruptError(
          `${error.message}\n${ctx.locale.messages.cli.carryOn}\n${shellLines(commandPieces(compiled.ruleSet, answers, shell, ctx.cwd, invokedAs(ctx.env)), ctx.width, shell)}`,
        );
      }
      if (!(error instanceof InputClosedError)) throw error;
      throw missingError(missingQuestions(compiled, answers), ctx.locale.messages.cli.inputClosed, ctx.locale.messages);
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
