import { Option, type Command } from "commander";
import type { Question, RuleSet } from "../engine/model.js";
import { UsageError } from "../errors.js";
import { problem, problemLine, problemLineIn, type Problem } from "../problems.js";
import { quote } from "../escape.js";
import { ENGLISH, type Locale } from "../i18n/index.js";

// Options more than one command takes, and the questions as flags.

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** --rules is read in the first pass (src/program.ts); it is declared here too, for help and completion. */
export const rulesOption = (locale: Locale = ENGLISH): Option =>
  new Option("--rules <path>", locale.messages.cli.rulesFlag).argParser(collect);

/** Flags vmvc itself owns on every command; no question may take their names. */
export const GLOBAL_FLAGS = ["--help", "--version", "--color", "--no-color", "--width", "--rules", "--lang"];

/** Flags of the commands that take questions as flags (advise, assess): a question must work in both. */
const COMMAND_FLAGS = ["--json", "--format", "--answers", "--input", "--no-input", "--output", "--shell"];

const NAME_COLUMN = "assess reads a column of this name as the workload's name, so it could not be an answer";
const CSV_COLUMN = "assess --format csv has a column of this name, so the question's column would be a second one";

/**
 * Question ids vmvc itself gives a meaning to elsewhere, with the reason. An inventory column
 * is named by question id, so the names assess reads or writes are taken.
 */
export const RESERVED_IDS: Readonly<Record<string, string>> = {
  name: NAME_COLUMN,
  "workload-name": NAME_COLUMN,
  vm: `${NAME_COLUMN} (RVTools' VM column)`,
  servername: NAME_COLUMN,
  hostname: NAME_COLUMN,
  template: "assess reads this column of an RVTools export to leave templates out",
  line: CSV_COLUMN,
  recommendation: CSV_COLUMN,
  margin: CSV_COLUMN,
  share: CSV_COLUMN,
  excluded: CSV_COLUMN,
  reasons: CSV_COLUMN,
  why: CSV_COLUMN,
  source: CSV_COLUMN,
  cautions: CSV_COLUMN,
  assumed: CSV_COLUMN,
  error: CSV_COLUMN,
};

/** Why a question id is taken by vmvc itself, or undefined when it is free. */
export function reservedIdReason(
  id: string,
  attribute = new Option(`--${id} <value>`).attributeName(),
): string | undefined {
  if (Object.hasOwn(RESERVED_IDS, id)) return RESERVED_IDS[id];
  // Options and answers are looked up by these names on plain objects, which already have them.
  for (const name of new Set([id, attribute]))
    if (name in Object.prototype) return `${JSON.stringify(name)} is a built-in name of every JavaScript object`;
  return undefined;
}

const questionOption = (q: Question): Option =>
  new Option(`--${q.id} <value>`, `${q.prompt} (${q.choices.map((c) => c.value).join("|")})`);

/**
 * A question whose flag would clash with one of the command's own flags, or that commander
 * would read as something else.
 */
export function questionFlagProblems(ruleSet: RuleSet, own: readonly Option[]): Problem[] {
  const taken = new Set([
    ...GLOBAL_FLAGS,
    ...[...COMMAND_FLAGS, ...own.map((o) => o.long!)].flatMap((long) => [long, long.replace(/^--no-/, "--")]),
  ]);
  const attributes = new Map(own.map((o) => [o.attributeName(), o.long!]));
  const problems: Problem[] = [];
  for (const q of ruleSet.questions) {
    const where = { file: q.file, entry: `question "${q.id}"`, path: "id" };
    const attribute = questionOption(q).attributeName();
    const reserved = reservedIdReason(q.id, attribute);
    if (taken.has(`--${q.id}`)) problems.push(problem(where, "reserved-id", (m) => m.cli.flagIsOurs(q.id)));
    else if (reserved !== undefined)
      problems.push(problem(where, "reserved-id", (m) => m.cli.reservedId(q.id, reserved)));
    else if (attributes.has(attribute))
      problems.push(problem(where, "flag-clash", (m) => m.cli.flagClash(q.id, attributes.get(attribute)!)));
    attributes.set(attribute, `--${q.id}`);
  }
  return problems;
}

/** Adds a flag for every question; a question that would clash with `own` is an error. */
export function addQuestionOptions(command: Command, ruleSet: RuleSet, own: readonly Option[], group?: string): void {
  const problems = questionFlagProblems(ruleSet, own);
  if (problems.length > 0)
    throw new UsageError((m) => problemLineIn(problems[0]!, m), problems.slice(1).map(problemLine));
  for (const q of ruleSet.questions) {
    const option = questionOption(q);
    command.addOption(group === undefined ? option : option.helpGroup(group));
  }
}

/** Answers given as flags, by question id, read by the name commander gives each question's option. */
export function answersFrom(flags: Readonly<Record<string, unknown>>, ruleSet: RuleSet): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of ruleSet.questions) {
    const attribute = questionOption(q).attributeName();
    if (Object.hasOwn(flags, attribute) && flags[attribute] !== undefined) answers[q.id] = flags[attribute];
  }
  return answers;
}

/** commander's own message for a stray word does not say which word; ours does. */
export const refuseStrays = (command: Command): Command =>
  command
    .argument("[stray...]")
    .usage("[options]")
    .hook("preAction", (_, action) => {
      const [stray] = action.args;
      if (stray !== undefined) throw new UsageError((m) => m.cli.strayArgument(quote(stray)));
    });
