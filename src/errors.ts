// Typed failures. Only src/cli/main.ts turns them into exit codes and messages.
// The lazy parts of the CLI are bundled separately, so each may carry its own copy of these
// classes; a brand in the global symbol registry identifies them where instanceof cannot.

const USAGE = Symbol.for("vmvc.UsageError");
const INTERRUPT = Symbol.for("vmvc.InterruptError");

/** Bad input from the user: a flag, an answers file or a rule file. Exit code 2. */
export class UsageError extends Error {
  readonly exitCode: number = 2;
  readonly [USAGE] = true;
  constructor(
    message: string,
    /** Further lines printed under the message, one problem each. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** The user stopped the run (Ctrl-C), or input ended before the questions did. */
export class InterruptError extends Error {
  readonly [INTERRUPT] = true;
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "InterruptError";
  }
}

const branded = (error: unknown, brand: symbol): boolean =>
  typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[brand] === true;

export const isUsageError = (error: unknown): error is UsageError => branded(error, USAGE);
export const isInterruptError = (error: unknown): error is InterruptError => branded(error, INTERRUPT);
