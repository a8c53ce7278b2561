import { problemLine, problemLineIn, type Localized, type Problem } from "./problems.js";
import { en, type Messages } from "./i18n/en/index.js";

export type { Localized } from "./problems.js";

// Typed failures. Only src/program.ts turns them into exit codes and messages.

/** Bad input on the command line or in an answers file. */
export class UsageError extends Error {
  private readonly localized: Localized | undefined;

  constructor(
    /** The message, or how to say it in any language (`message` is then its English). */
    message: string | Localized,
    /** Further lines printed under the message, one problem each, said as the message is. */
    readonly details: readonly (string | Localized)[] = [],
  ) {
    super(typeof message === "string" ? message : message(en));
    this.localized = typeof message === "string" ? undefined : message;
    this.name = "UsageError";
  }

  /** The lines under the message in the language of `messages`. */
  detailLines(messages: Messages): string[] {
    return this.details.map((d) => (typeof d === "string" ? d : d(messages)));
  }

  /** The message in the language of `messages`. */
  text(messages: Messages): string {
    return this.localized?.(messages) ?? this.message;
  }
}

/** The user stopped the run (Ctrl-C at a prompt). */
export class InterruptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InterruptError";
  }
}

/** Input ended before a question was answered (stdin closed without the terminal going away). */
export class InputClosedError extends Error {
  constructor() {
    super("input closed");
    this.name = "InputClosedError";
  }
}

/** Every problem found in one or more rule or config files. */
export class RuleSetError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.length === 1 ? problemLine(problems[0]!) : en.cli.problemsInRuleFiles(problems.length));
    this.name = "RuleSetError";
  }

  /** The lead line in the language of `messages`: the one problem, or how many there are. */
  text(messages: Messages): string {
    return this.problems.length === 1
      ? problemLineIn(this.problems[0]!, messages)
      : messages.cli.problemsInRuleFiles(this.problems.length);
  }
}

/** Output could not be written: to stdout, stderr or an --output file. */
export class OutputError extends Error {
  private readonly localized: Localized | undefined;

  constructor(message: string | Localized) {
    super(typeof message === "string" ? message : message(en));
    this.localized = typeof message === "string" ? undefined : message;
    this.name = "OutputError";
  }

  /** The message in the language of `messages`. */
  text(messages: Messages): string {
    return this.localized?.(messages) ?? this.message;
  }
}

/** stdout's reader went away (vmvc compare | head): nothing more to write, and no failure. */
export class OutputClosedError extends Error {
  constructor() {
    super("stdout closed");
    this.name = "OutputClosedError";
  }
}
