import { Command, Option } from "commander";
import type { Question, RuleSet } from "../engine/model.js";
import { UsageError } from "../errors.js";
import { quote } from "../suggest.js";
import { ADVISE_FORMATS, runAdvise } from "./advise.js";
import { COMPARE_FORMATS, runCompare } from "./compare.js";
import type { Context } from "./context.js";

// The command line: every command and flag, parsed by commander alone.

/** The commands that work on a rule set, which is loaded for them alone. */
export const RULE_SET_COMMANDS = ["advise", "assess", "compare", "rules"];
export const COMMAND_NAMES = [...RULE_SET_COMMANDS, "completion"];

export const COMPLETION_SHELLS = ["bash", "zsh", "fish", "powershell"] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];
/** The hidden command the completion scripts call on each Tab. */
export const COMPLETE_COMMAND = "__complete";

export interface ProgramOptions {
  out(text: string): void;
  err(text: string): void;
  version(): string;
  /** The command being run, with what it needs; only it gets its options and action. */
  target: { name: string; ctx: Context } | undefined;
  /** Receives the parsed command line, ready to run; commander itself runs nothing. */
  onParsed(run: () => Promise<number>): void;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
const rulesOption = (): Option =>
  new Option("--rules <path>", "layer a rule file or folder over the shipped rules (repeatable)").argParser(collect);

/** The options advise has besides its questions. */
function adviseOptions(): Option[] {
  return [
    new Option("--json", "print JSON only (same as --format json)"),
    new Option("--format <format>", `output format: ${ADVISE_FORMATS.join(", ")}`),
    new Option("--answers <file>", "read answers from a JSON file, or - for stdin; flags override it"),
    new Option("--no-input", "never prompt; fail if an answer is missing"),
    new Option(
      "--output <file>",
      "write the result to a file (the format follows its extension: .md, .json, .txt); questions are still asked",
    ),
    new Option(
      "--shell <shell>",
      "write the equivalent command for posix shells or powershell (default: powershell on Windows)",
    ),
    rulesOption(),
  ];
}

/** Flags vmvc itself owns on every command; no question may take their names. */
const GLOBAL_FLAGS = ["--help", "--version", "--color", "--no-color"];

/**
 * A question whose flag would clash with one of the command's own flags, or that commander
 * would read as something else. Checked here, where the flags are defined.
 */
export function questionFlagProblems(ruleSet: RuleSet, own: readonly Option[] = adviseOptions()): string[] {
  const taken = new Set([...GLOBAL_FLAGS, ...own.flatMap((o) => [o.long!, o.long!.replace(/^--no-/, "--")])]);
  const attributes = new Map(own.map((o) => [o.attributeName(), o.long!]));
  const problems: string[] = [];
  for (const q of ruleSet.questions) {
    const where = `${q.file}: question "${q.id}": id`;
    const attribute = questionOption(q).attributeName();
    if (taken.has(`--${q.id}`)) problems.push(`${where}: --${q.id} is a vmvc flag; choose another id`);
    else if (attributes.has(attribute))
      problems.push(
        `${where}: commander reads --${q.id} as the same flag as ${attributes.get(attribute)}; choose another id`,
      );
    attributes.set(attribute, `--${q.id}`);
  }
  return problems;
}

const questionOption = (q: Question): Option =>
  new Option(`--${q.id} <value>`, `${q.prompt} (${q.choices.map((c) => c.value).join("|")})`);

/** Answers given as flags, read by the name commander gives each question's option. */
function answersFrom(flags: Record<string, unknown>, options: ReadonlyMap<string, Option>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const [id, option] of options) {
    const value = flags[option.attributeName()];
    if (value !== undefined) answers[id] = value;
  }
  return answers;
}

const ADVISE_EXAMPLES = `
Examples:
  $ vmvc advise                                   # asks each question in a terminal
  $ vmvc advise --workload web --boundary hostile --host-os 2022 --guest-os 2022 \\
      --deploy docker --density medium --scaling elastic --update-cadence monthly \\
      --storage none --recovery fast --network shared --json
  $ vmvc advise --output docs/adr/0007-hosting.md     # asks, then writes a decision record
  $ vmvc advise --answers answers.json --format markdown > docs/adr/0007-hosting.md
  $ echo '{"workload":"gui","host-os":"2022"}' | vmvc advise --answers -
`;

function questionHelp(ruleSet: RuleSet): string {
  const lines = ["", "Questions (each is also a flag; in a terminal, unanswered ones are asked):"];
  for (const q of ruleSet.questions) {
    lines.push(`  --${q.id}: ${q.prompt}${q.optional ? " (optional)" : ""}`);
    if (q.help) lines.push(`      ${q.help}`);
    const width = Math.max(...q.choices.map((c) => c.value.length));
    for (const c of q.choices) lines.push(`      ${c.value.padEnd(width)}  ${c.label}: ${c.meaning}`);
  }
  lines.push(
    "",
    "Every question also takes unknown: the advice is then worked out for every answer it could have.",
    'Policies: --rules, or vmvc.config.json ({ "rules": ["policy/"] }) in the working directory.',
    'Exit codes: 0 success ("nothing fits" too), 2 usage or input error, 1 unexpected failure or output not written, 129 terminal gone, 130 interrupted.',
  );
  return lines.join("\n");
}

const ASSESS_HELP = `
Columns are named by question id (workload, boundary, host-os, ...), in any case; one column may
name the workload (name, workload-name, VM or Server name). Empty cells and missing columns take
the answer flags given here, else count as unknown. An RVTools vInfo export is recognised by its
header: VM names the workload, the guest OS comes from the OS columns, templates and SRM
placeholders are left out. Bad rows are reported with their line number; the run goes on.

Examples:
  $ vmvc assess inventory.csv                          # a summary at a terminal
  $ vmvc assess inventory.csv --host-os 2022 --output report.html
  $ vmvc assess vInfo.csv --format csv > advice.csv
  $ Get-Content servers.jsonl | vmvc assess -          # JSON lines from PowerShell

Exit codes: 0 every row assessed, 2 a usage error or any invalid row (the others are still reported).
`;

const COMPLETION_HELP = `
Install, once:
  bash        echo 'source <(vmvc completion bash)' >> ~/.bashrc
  zsh         echo 'source <(vmvc completion zsh)' >> ~/.zshrc      (after compinit)
  fish        vmvc completion fish > ~/.config/fish/completions/vmvc.fish
  PowerShell  vmvc completion powershell >> $PROFILE

Each Tab asks vmvc, so answers follow the policy in force, custom questions included.
`;

const COMPARE_EXAMPLES = `
Examples:
  $ vmvc compare
  $ vmvc compare --rows isolation,guest-compatibility --format markdown >> README.md
  $ vmvc compare --json | jq '.rows[].id'
`;

export function buildProgram(options: ProgramOptions): Command {
  const { onParsed, target } = options;
  const program = new Command("vmvc")
    .description(
      "Decide how to run a Windows Server workload: a VM, a process-isolated container or a Hyper-V-isolated container.",
    )
    .version(options.version(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("--no-color", "never colour the output (NO_COLOR and FORCE_COLOR=0 work too)")
    .option(
      "--width <columns>",
      "lay text and tables out for this many columns (default: the terminal's, else COLUMNS, else 80)",
    )
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => options.out(s), writeErr: (s) => options.err(s) });
  program.addHelpText("after", "\nRun `vmvc <command> --help` for a command's flags and examples.");

  /** Every command is listed; only the one being run is built in full. */
  const define = (name: string, description: string, configure: (command: Command, ctx: Context) => void): void => {
    const command = program.command(name).description(description);
    if (name === target?.name) configure(command, target.ctx);
  };

  // commander's own message for a stray word does not say which word; ours does.
  const refuseStrays = (command: Command): Command =>
    command
      .argument("[stray...]")
      .usage("[options]")
      .hook("preAction", (_, action) => {
        const [stray] = action.args;
        if (stray !== undefined)
          throw new UsageError(
            `unexpected argument ${quote(stray)}: answers and options are flags, like --workload web`,
          );
      });

  define("advise", "recommend how to run one workload, with the reasons and their sources", (command, ctx) => {
    refuseStrays(command);
    const own = adviseOptions();
    for (const option of own) command.addOption(option);
    const problems = questionFlagProblems(ctx.ruleSet, own);
    if (problems.length > 0) throw new UsageError(problems[0]!, problems.slice(1));
    const questions = new Map(ctx.ruleSet.questions.map((q) => [q.id, questionOption(q)]));
    for (const option of questions.values()) command.addOption(option);
    command.addHelpText("after", ADVISE_EXAMPLES);
    command.addHelpText("after", () => questionHelp(ctx.ruleSet));
    command.action((_stray: string[], flags: Record<string, unknown>) =>
      onParsed(() => runAdvise(ctx, flags, answersFrom(flags, questions))),
    );
  });

  define("assess", "advise a whole inventory: a CSV, JSON lines or an RVTools vInfo export", (command, ctx) => {
    command
      .argument("<file>", "the inventory, or - for stdin")
      .addOption(
        new Option(
          "--format <format>",
          "ndjson, csv, json, markdown or html (default: a summary at a terminal, ndjson elsewhere)",
        ),
      )
      .option("--output <file>", "write the results to a file; the format follows its extension")
      .addOption(rulesOption());
    const problems = questionFlagProblems(ctx.ruleSet);
    if (problems.length > 0) throw new UsageError(problems[0]!, problems.slice(1));
    const questions = new Map(
      ctx.ruleSet.questions.map((q) => [q.id, questionOption(q).helpGroup("Answers for rows that leave them out:")]),
    );
    for (const option of questions.values()) command.addOption(option);
    command.addHelpText("after", ASSESS_HELP);
    command.action((file: string, flags: Record<string, unknown>) =>
      onParsed(async () =>
        (await import("./assess.js")).runAssess(
          ctx,
          file,
          flags as { format?: string; output?: string },
          answersFrom(flags, questions),
        ),
      ),
    );
  });

  define("compare", "print the comparison table of the three options", (command, ctx) => {
    refuseStrays(command)
      .addOption(new Option("--format <format>", `output format: ${COMPARE_FORMATS.join(", ")} (default: table)`))
      .option("--json", "same as --format json")
      .option("--rows <ids>", `only these rows, comma-separated: ${ctx.ruleSet.comparison.map((r) => r.id).join(", ")}`)
      .addOption(rulesOption())
      .addHelpText("after", COMPARE_EXAMPLES)
      .action((_stray: string[], flags: Record<string, string | boolean | undefined>) =>
        onParsed(() => runCompare(ctx, flags)),
      );
  });

  define("rules", "list, show, validate and check rule sets", (rules, ctx) => {
    const lazily = (task: (commands: typeof import("./rules.js")) => Promise<number>) =>
      onParsed(async () => task(await import("./rules.js")));
    rules
      .command("list")
      .description("list the rules in effect")
      .addHelpText(
        "after",
        "\nExamples:\n  $ vmvc rules list --option hyperv-container\n  $ vmvc rules list | grep kubernetes        # one rule a line into a pipe\n  $ vmvc rules list --source version-compatibility --json\n",
      )
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
      .option("--json", "print JSON: one result per path, with its problems")
      .addHelpText(
        "after",
        "\nExamples:\n  $ vmvc rules validate policy/\n  $ vmvc rules validate rules/              # the shipped rule set itself\n  $ vmvc rules validate policy/ --json\n",
      )
      .action((paths: string[], flags: { json?: boolean }) => lazily((c) => c.runRulesValidate(ctx, paths, flags)));
    rules
      .command("schema")
      .description("print the JSON Schema of a rule file")
      .action(() => lazily((c) => c.runRulesSchema(ctx)));
    rules
      .command("check")
      .description("evaluate every combination of answers and report gaps, dead rules and unreachable options")
      .addHelpText("after", "\nExamples:\n  $ vmvc rules check --rules policy/\n  $ vmvc rules check --strict --json\n")
      .option("--strict", "fail on warnings too")
      .option("--json", "print JSON")
      .addOption(rulesOption())
      .action((flags: { strict?: boolean; json?: boolean }) => lazily((c) => c.runRulesCheck(ctx, flags)));
  });
  program
    .command("completion")
    .description("print a script that completes vmvc's commands, flags and answers in your shell")
    .argument("<shell>", COMPLETION_SHELLS.join(", "))
    .addHelpText("after", COMPLETION_HELP)
    .action((shell: string) =>
      onParsed(async () => {
        options.out((await import("./completion.js")).completionScript(shell));
        return 0;
      }),
    );
  return program;
}
