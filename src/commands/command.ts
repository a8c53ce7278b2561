import type { Command } from "commander";
import type { RuleSet } from "../engine/model.js";
import type { Problem } from "../problems.js";
import type { Context } from "./context.js";
import type { Locale } from "../i18n/index.js";

// The shape every command module has; src/commands/index.ts lists them.

/** What commander parsed for the command being run. */
export interface Invocation {
  /** The command's words: ["advise"], ["rules", "list"]. */
  path: readonly string[];
  /** Its arguments, in order. */
  args: readonly unknown[];
  flags: Readonly<Record<string, unknown>>;
}

/** How a run ended: its exit code, and the problems found in the data, printed on stderr. */
export interface Outcome {
  code: number;
  problems?: readonly Problem[];
}

export interface CommandModule {
  /** Arguments, options (a question's flags among them) and help, in the reader's language. */
  configure(command: Command, ruleSet: RuleSet, locale: Locale): void;
  run(ctx: Context, call: Invocation): Promise<Outcome>;
}

export interface CommandSpec {
  /** Its summary in help is the catalogue's (locale.messages.cli.summaries). */
  name: string;
  /** Whether it works on a rule set: the shipped rules and the policy in force. */
  usesRuleSet: boolean;
  /** Subcommands that must work even when the configured policy does not load. */
  withoutPolicy?: readonly string[];
  load(): Promise<CommandModule>;
}

export const OK: Outcome = { code: 0 };

/** The hidden command the completion scripts call on each Tab. */
export const COMPLETE_COMMAND = "__complete";
