import { problemLine, type Problem } from "./problems.js";

// Typed failures. Only src/program.ts turns them into exit codes and messages.

/** Bad input on the command line or in an answers file. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Further lines printed under the message, one problem each. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = "UsageError";
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
    super(problems.length === 1 ? problemLine(problems[0]!) : `${problems.length} problems in the rule files:`);
    this.name = "RuleSetError";
  }
}

/** Output could not be written: to stdout, stderr or an --output file. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

/** stdout's reader went away (vmvc compare | head): nothing more to write, and no failure. */
export class OutputClosedError extends Error {
  constructor() {
    super("stdout closed");
    this.name = "OutputClosedError";
  }
}
