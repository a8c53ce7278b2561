import { writeSync } from "node:fs";
import { OutputClosedError, OutputError } from "../errors.js";
import { isTerminal } from "./terminal.js";

// stdout and stderr as run() writes them, and what happens when they fail.

/** The terminal is gone (hung up or closed): reading or writing it fails with these. */
export const TERMINAL_GONE = new Set(["EIO", "ENXIO", "EBADF"]);

const WRITE_PROBLEMS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EBADF: "it is not open for writing",
  EIO: "an input/output error",
  EACCES: "permission denied",
};

const problemOf = (error: NodeJS.ErrnoException): string => WRITE_PROBLEMS[error.code ?? ""] ?? error.message;

/**
 * Dies of SIGHUP, as a program whose terminal closed should. A normal exit would make Node
 * restore the terminal's settings, and on a vanished terminal that aborts the process.
 */
export function hangUp(): never {
  restoreTerminal();
  process.removeAllListeners("SIGHUP");
  process.kill(process.pid, "SIGHUP");
  // The signal is delivered at once; this only satisfies the type checker.
  process.exit(129);
}

/**
 * Puts the terminals back as a prompt found them: cursor shown, line editing on. Safe on a
 * terminal that is gone; run on every way out once a prompt may have been shown.
 */
export function restoreTerminal(): void {
  for (const fd of [1, 2]) {
    try {
      if (isTerminal(fd)) writeSync(fd, "\x1b[?25h");
    } catch {
      // That terminal is gone: nothing to restore.
    }
  }
  try {
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
  } catch {
    // Gone too.
  }
}

export interface Output {
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  write(text: string): true;
  /** Waits until what went to the stream side has been handed to the system. */
  settle(): Promise<void>;
  /** A write that failed after write() returned (a terminal or a blocked pipe), if any. */
  failure(): string | undefined;
}

/**
 * Output to fd 1 or 2. Piped output is written synchronously with fs.writeSync, so it keeps
 * order with the end of the process; a failure there is thrown to the command, which stops.
 * A terminal, or a pipe that would block, gets the usual stream, which `settle` drains.
 */
export function output(fd: 1 | 2): Output {
  let terminal: boolean | undefined;
  const isTTY = (): boolean => (terminal ??= isTerminal(fd));
  let stream: NodeJS.WriteStream | undefined;
  let late: string | undefined;
  const viaStream = (): NodeJS.WriteStream => {
    if (!stream) {
      stream = fd === 1 ? process.stdout : process.stderr;
      stream.on("error", (error: NodeJS.ErrnoException) => {
        if (terminal === true && TERMINAL_GONE.has(error.code ?? "")) hangUp();
        // A reader that stops early (vmvc compare | head) is not our failure.
        if (fd === 1 && error.code === "EPIPE") process.exit(late === undefined ? 0 : 2);
        if (fd === 1) late ??= problemOf(error);
      });
    }
    return stream;
  };
  return {
    get isTTY() {
      return isTTY();
    },
    get columns() {
      return isTTY() ? viaStream().columns : undefined;
    },
    write(text: string) {
      if (isTTY() || stream) {
        viaStream().write(text);
        return true;
      }
      const bytes = Buffer.from(text);
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A pipe that would block (its reader set O_NONBLOCK): the stream queues the rest.
        if (code === "EAGAIN") viaStream().write(bytes.subarray(done));
        else if (fd === 2)
          return true; // nowhere left to say it; the exit code still tells
        else if (code === "EPIPE") throw new OutputClosedError();
        else throw new OutputError(`cannot write the output: ${problemOf(error as NodeJS.ErrnoException)}`);
      }
      return true;
    },
    settle: () =>
      stream && stream.writableLength > 0
        ? new Promise<void>((resolve) => stream!.write("", () => resolve()))
        : Promise.resolve(),
    failure: () => late,
  };
}
