import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { CompiledRuleSet } from "../engine/compile.js";
import { skippableQuestions } from "../engine/explain.js";
import type { Answers, Question, RuleSet } from "../engine/model.js";
import { normalValue, valueProblem, valuesOf } from "../engine/values.js";
import { UsageError } from "../errors.js";
import { didYouMean } from "../suggest.js";
import { quote } from "../escape.js";
import { parseJson } from "../json.js";
import { en, type Messages } from "../i18n/en/index.js";

// Answers from flags and files, checked against the questions in the rule set.

function checkValue(question: Question, given: unknown, where: (m: Messages) => string): string {
  const value = normalValue(question, given);
  if (valueProblem(question, value) !== undefined)
    throw new UsageError((m) => `${where(m)} ${valueProblem(question, value, m)!}`);
  return value as string;
}

/** A value as the question spells it, whatever its case: PowerShell users never think of case, and PowerShell itself ignores it. */
function canonical(question: Question, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const lower = value.toLowerCase();
  return valuesOf(question).find((v) => v.toLowerCase() === lower) ?? value;
}

/** Answers given as --<question> flags, by question id. */
export function answersFromFlags(ruleSet: RuleSet, given: Readonly<Record<string, unknown>>): Answers {
  const answers: Answers = {};
  for (const q of ruleSet.questions) {
    if (Object.hasOwn(given, q.id)) answers[q.id] = checkValue(q, canonical(q, given[q.id]), () => `--${q.id}`);
  }
  return answers;
}

/** The shells the equivalent command is written for, with the names users call them by, in any case. */
const SHELL_NAMES: Record<string, Shell> = {
  posix: "posix",
  sh: "posix",
  bash: "posix",
  zsh: "posix",
  powershell: "powershell",
  pwsh: "powershell",
};

/** The shell a --shell value names, or undefined. */
export const shellNamed = (name: string): Shell | undefined => SHELL_NAMES[name.toLowerCase()];

/** Answers from a JSON file: { "<question>": "<value>" }, or a previous `advise --json` output. */
export function answersFromJson(ruleSet: RuleSet, text: string, shown: string): Answers {
  let data = parseJson(text, (message) => new UsageError((m) => `${shown}${m.cli.colon}${message}`));
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObject(data) && Object.hasOwn(data, "recommendation") && isObject(data.answers)) data = data.answers;
  if (!isObject(data)) throw new UsageError((m) => m.cli.answersNotObject(shown));
  const answers: Answers = {};
  const ids = ruleSet.questions.map((q) => q.id);
  for (const key of Object.keys(data)) {
    const question = ruleSet.questions.find((q) => q.id === key);
    if (!question)
      throw new UsageError((m) => m.cli.unknownQuestion(shown, quote(key), didYouMean(key, ids, m), ids.join(", ")));
    answers[key] = checkValue(
      question,
      canonical(question, data[key]),
      (m) => `${shown}${m.cli.colon}"${key}"${m.cli.colon.trimEnd()}`,
    );
  }
  return answers;
}

/**
 * Required questions still needing an answer: not given, and not made moot by the answers
 * given. An optional question left out counts as unknown.
 */
export function missingQuestions(c: CompiledRuleSet, answers: Answers): Question[] {
  const required = c.ruleSet.questions.filter((q) => !q.optional && !Object.hasOwn(answers, q.id));
  if (required.length === 0) return [];
  const moot = new Set(skippableQuestions(c, answers).map((q) => q.id));
  return required.filter((q) => !moot.has(q.id));
}

/** The missing-answers message: `lead` says why, then each question missing, with its values. */
export function missingError(missing: readonly Question[], lead: string, messages: Messages = en): UsageError {
  const names = missing.map((q) => `--${q.id}`).join(", ");
  return new UsageError(
    `${lead}${messages.cli.colon}${names}`,
    missing.map((q) => `  --${q.id} <${valuesOf(q).join("|")}>  ${q.prompt}`),
  );
}

export const SHELLS = ["posix", "powershell"] as const;
export type Shell = (typeof SHELLS)[number];

/** A word as the shell would read it back: bare when safe, else single-quoted. */
const QUOTE: Record<Shell, (word: string) => string> = {
  posix: (word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`),
  powershell: (word) => (/^[\w%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "''")}'`),
};

/** vmvc as the user ran it: through npx (or npm exec) it is not on PATH, so the command says npx. */
export const invokedAs = (env: Readonly<Record<string, string | undefined>>): string =>
  env.npm_command === "exec" ? "npx vmvc" : "vmvc";

/** A word quoted for `shell`. */
export const quoteWord = (word: string, shell: Shell): string => QUOTE[shell](word);

/**
 * The non-interactive command that gives the same answers under the same policy, in pieces
 * that belong together ("--workload web"), quoted for `shell`, to be run from `cwd`. A policy
 * path from vmvc.config.json is written relative to the config's folder: it is given from
 * `cwd` instead (an absolute one as it is), so the command works where the user stands.
 */
export function commandPieces(
  ruleSet: RuleSet,
  answers: Answers,
  shell: Shell,
  cwd: string,
  program = "vmvc",
): string[] {
  const quote = QUOTE[shell];
  const pieces = [`${program} advise`];
  for (const layer of ruleSet.policy?.layers ?? []) {
    const fromConfig = layer.from !== "--rules" && !isAbsolute(layer.path);
    const path = fromConfig ? relative(cwd, resolve(cwd, dirname(layer.from), layer.path)) || "." : layer.path;
    pieces.push(`--rules ${quote(path)}`);
  }
  for (const q of ruleSet.questions)
    if (Object.hasOwn(answers, q.id)) pieces.push(`--${q.id} ${quote(answers[q.id]!)}`);
  return pieces;
}
