// Typed failures. Only src/cli/main.ts turns them into exit codes and messages.

/** Bad input from the user: a flag, an answers file or a rule file. Exit code 2. */
export class UsageError extends Error {
  readonly exitCode: number = 2;
  constructor(
    message: string,
    /** Further lines printed under the message, one problem each. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** The user stopped the run (Ctrl-C, or SIGTERM). */
export class InterruptError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "InterruptError";
  }
}
