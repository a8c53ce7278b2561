import { advise } from "../engine/explain.js";
import type { Answers } from "../engine/model.js";
import { UsageError } from "../errors.js";
import { adviceJson } from "../render/report.js";
import { compile } from "../engine/compile.js";
import { answersFromFlags, answersFromJson, equivalentCommand, missingError, missingQuestions } from "./answers.js";
import type { Context } from "./context.js";
import { runningInCI } from "./terminal.js";

export const ADVISE_FORMATS = ["text", "json", "markdown"] as const;
type Format = (typeof ADVISE_FORMATS)[number];

export interface AdviseFlags extends Record<string, unknown> {
  json?: boolean;
  format?: string;
  answers?: string;
  input?: boolean;
}

export function chooseFormat(flags: { json?: boolean; format?: string }, allowed: readonly string[]): string {
  if (flags.json) return "json";
  const format = flags.format ?? allowed[0]!;
  if (!allowed.includes(format)) {
    throw new UsageError(`--format "${format}" is not one of ${allowed.join(", ")}`);
  }
  return format;
}

/** Why questions cannot be asked in this run, or undefined when they can. */
function whyNotAsk(ctx: Context, flags: AdviseFlags): string | undefined {
  if (flags.input === false) return "--no-input";
  if (flags.answers === "-") return "stdin carries the answers";
  if (runningInCI(ctx.env)) return "CI is set";
  if (!ctx.stdoutIsTTY) return "stdout is not a terminal";
  if (!ctx.stdinIsTTY()) return "stdin is not a terminal";
  return undefined;
}

export async function runAdvise(ctx: Context, flags: AdviseFlags, flagAnswers: Readonly<Record<string, unknown>>): Promise<number> {
  const { ruleSet } = ctx;
  const format = chooseFormat(flags, ADVISE_FORMATS) as Format;

  let answers: Answers = {};
  if (flags.answers !== undefined) {
    const fromStdin = flags.answers === "-";
    const shown = fromStdin ? "stdin" : flags.answers;
    let text: string;
    try {
      text = fromStdin ? ctx.readStdin() : ctx.readFile(flags.answers);
    } catch (error) {
      throw new UsageError(`--answers ${shown}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    answers = answersFromJson(ruleSet, text, shown);
  }
  answers = { ...answers, ...answersFromFlags(ruleSet, flagAnswers) };

  const notAsking = whyNotAsk(ctx, flags);
  const interactive = notAsking === undefined;
  if (!interactive) {
    const missing = missingQuestions(ruleSet, answers);
    if (missing.length > 0) throw missingError(missing, `missing answer${missing.length === 1 ? "" : "s"} (not asking: ${notAsking})`);
  } else if (missingQuestions(ruleSet, answers).length > 0) {
    const { ask, InputClosedError } = await import("./prompts.js");
    for (const question of ruleSet.questions) {
      if (Object.hasOwn(answers, question.id)) continue;
      if (!missingQuestions(ruleSet, answers).includes(question)) continue;
      try {
        answers[question.id] = await ask(question);
      } catch (error) {
        if (!(error instanceof InputClosedError)) throw error; // same bundle as ask()
        throw missingError(missingQuestions(ruleSet, answers), "input closed before every question was answered; pass the rest as flags");
      }
    }
  }

  const advice = advise(compile(ruleSet), answers);
  const report = { advice, ruleSet, command: equivalentCommand(ruleSet, answers, ctx.rulePaths) };

  if (format === "json") ctx.out(adviceJson(report));
  else if (format === "markdown") {
    const { renderAdviceMarkdown } = await import("../render/advice-markdown.js");
    ctx.out(renderAdviceMarkdown(report, ctx.today()));
  } else {
    const [{ renderAdviceText }, { createStyle }] = await Promise.all([import("../render/advice-text.js"), import("../render/style.js")]);
    if (interactive) ctx.out("\n");
    ctx.out(renderAdviceText(report, createStyle(ctx.color), ctx.width, { showCommand: interactive }));
  }
  if (advice.recommendation === null) {
    ctx.err("error: the rule set rules out every option for these answers; see `vmvc rules check`\n");
    return 2;
  }
  return 0;
}
