import { Command, Option } from "commander";
import type { RuleSet } from "../engine/model.js";
import { UsageError } from "../errors.js";
import { quote } from "../suggest.js";
import type { CommandSpec } from "./commands.js";
import type { Context } from "./context.js";
import { RULES_FLAG, type FlagSpec } from "./flags.js";

// commander: help, error messages, the rules commands, and any command line that the
// well-formed parser in flags.ts leaves to it. Loaded only for those.

/** A parsed command line, ready to run. */
export interface Invocation {
  flags: Record<string, unknown>;
  run(): Promise<number>;
}

export interface ProgramOptions {
  out(text: string): void;
  err(text: string): void;
  version: string;
  commands: readonly CommandSpec[];
  /** Receives the command line once parsed; commander itself runs nothing. */
  onParsed(invocation: Invocation): void;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function toOption(spec: FlagSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.repeatable) option.argParser(collect);
  return option;
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

const HELP_BEFORE: Readonly<Record<string, string>> = {
  advise: ADVISE_EXAMPLES,
  compare: "Examples:\n  $ vmvc compare\n  $ vmvc compare --rows isolation,guest-compatibility --format markdown >> README.md\n  $ vmvc compare --json | jq '.rows[].id'\n",
};

/**
 * Every command is listed, but only the one being run gets its options and action:
 * building all of them is start-up time spent on commands nobody asked for.
 */
export function buildProgram(options: ProgramOptions, target: { name: string; ctx: Context } | undefined): Command {
  const { onParsed } = options;
  const program = new Command("vmvc")
    .description("Decide how to run a Windows Server workload: a VM, a process-isolated container or a Hyper-V-isolated container.")
    .version(options.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("--no-color", "never colour the output (NO_COLOR and FORCE_COLOR=0 work too)")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => options.out(s), writeErr: (s) => options.err(s) });
  program.addHelpText("after", "\nRun `vmvc <command> --help` for a command's flags and examples.");
  const define = (name: string, description: string, configure: (command: Command, ctx: Context) => void): void => {
    const command = program.command(name).description(description);
    if (name === target?.name) configure(command, target.ctx);
  };

  // Commander's own message for a stray word does not say which word; ours does.
  const refuseStrays = (command: Command): Command =>
    command
      .argument("[stray...]")
      .usage("[options]")
      .hook("preAction", (_, action) => {
        const [stray] = action.args;
        if (stray !== undefined) throw new UsageError(`unexpected argument ${quote(stray)}: answers and options are flags, like --workload web`);
      });

  for (const spec of options.commands) {
    define(spec.name, spec.description, (command, ctx) => {
      refuseStrays(command);
      for (const flag of spec.flags(ctx.ruleSet)) command.addOption(toOption(flag));
      const before = HELP_BEFORE[spec.name];
      if (before !== undefined) command.addHelpText("before", before);
      if (spec.name === "advise") command.addHelpText("after", () => questionHelp(ctx.ruleSet));
      command.action((_stray: string[], flags: Record<string, unknown>) =>
        onParsed({ flags, run: () => spec.run(ctx, flags) }),
      );
    });
  }

  define("rules", "list, show, validate and check rule sets", (rules, ctx) => {
    const lazily = (flags: Record<string, unknown>, task: (commands: typeof import("./rules.js")) => Promise<number>) =>
      onParsed({ flags, run: async () => task(await import("./rules.js")) });
    rules
      .command("list")
      .description("list the rules in effect")
      .option("--option <id>", "only rules about this option")
      .option("--question <id>", "only rules that depend on this question")
      .option("--source <ref>", "only rules from this source page or page#section")
      .option("--json", "print JSON")
      .addOption(toOption(RULES_FLAG))
      .action((flags: Record<string, string | boolean | undefined>) => lazily(flags, (c) => c.runRulesList(ctx, flags)));
    rules
      .command("show <id>")
      .description("one rule in full, with its source link")
      .option("--json", "print JSON")
      .addOption(toOption(RULES_FLAG))
      .action((id: string, flags: { json?: boolean }) => lazily(flags, (c) => c.runRulesShow(ctx, id, flags)));
    rules
      .command("validate <paths...>")
      .description("check rule files or folders against the schema and the shipped rules")
      .action((paths: string[]) => lazily({}, (c) => c.runRulesValidate(ctx, paths)));
    rules
      .command("schema")
      .description("print the JSON Schema of a rule file")
      .action(() => lazily({}, (c) => c.runRulesSchema(ctx)));
    rules
      .command("check")
      .description("evaluate every combination of answers and report gaps, dead rules and unreachable options")
      .option("--strict", "fail on warnings too")
      .option("--json", "print JSON")
      .addOption(toOption(RULES_FLAG))
      .action((flags: { strict?: boolean; json?: boolean }) => lazily(flags, (c) => c.runRulesCheck(ctx, flags)));
  });
  return program;
}
