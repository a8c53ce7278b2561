import { closeSync, createReadStream, fstatSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import type { OutputFile } from "../commands/context.js";
import { OutputError, UsageError } from "../errors.js";
import { quote } from "../escape.js";
import { decodeText, readBounded, readProblem } from "../text.js";

// Files a command reads and writes, under the working directory.

export const readText = (cwd: string, path: string): string => decodeText(readBounded(resolve(cwd, path)));

export const openInput = (cwd: string, path: string): AsyncIterable<Buffer> => createReadStream(resolve(cwd, path));

/** Temporary files not yet renamed into place: removed however the process ends. */
const pending = new Set<string>();
let cleaningUp = false;

/** Removes the temporary files, then ends the process by the signal as it would have ended. */
function onSignal(signal: NodeJS.Signals): void {
  removePending();
  // Other handlers (a prompt's, in src/shell/main.ts) end the run themselves.
  if (process.listenerCount(signal) > 1) return;
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function removePending(): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
}

/**
 * `path`, written in full or not at all: the text goes to a temporary file beside it, which
 * replaces it only on commit. A run that fails or is stopped leaves an earlier file as it was,
 * and of two runs writing one file, the last to finish wins whole.
 */
export function openOutput(cwd: string, path: string, input?: string): OutputFile {
  const target = resolve(cwd, path);
  if (input !== undefined) refuseOntoInput(target, input === "-" ? 0 : resolve(cwd, input), path);
  const temporary = resolve(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.vmvc-tmp`);
  const fail = (error: unknown): never => {
    throw new OutputError(`--output ${quote(path)}: cannot write: ${readProblem(error)}`);
  };
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "wx");
  } catch (error) {
    fail(error);
  }
  if (!cleaningUp) {
    cleaningUp = true;
    process.on("exit", removePending);
    // Killed, the process runs no exit handlers: the temporary file goes first.
    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, onSignal);
  }
  pending.add(temporary);
  const close = (): void => {
    if (fd === undefined) return;
    closeSync(fd);
    fd = undefined;
  };
  const abort = (): void => {
    try {
      close();
      unlinkSync(temporary);
    } catch {
      // Closed or gone already.
    }
    pending.delete(temporary);
  };
  return {
    write(text) {
      try {
        writeSync(fd!, text);
      } catch (error) {
        abort();
        fail(error);
      }
    },
    commit() {
      try {
        close();
        renameSync(temporary, target);
        pending.delete(temporary);
      } catch (error) {
        abort();
        fail(error);
      }
    },
    abort,
  };
}

/**
 * Writing the report over the inventory would destroy it (the rename replaces it, and the
 * input is still being read): refused when both are one file, by device and inode, so a
 * link or another spelling of the path is caught too.
 */
function refuseOntoInput(target: string, input: string | number, shown: string): void {
  let out: { dev: number; ino: number };
  try {
    out = statSync(target);
  } catch {
    return; // No file there yet: it cannot be the input.
  }
  let from: { dev: number; ino: number; isFile(): boolean };
  try {
    from = typeof input === "number" ? fstatSync(input) : statSync(input);
  } catch {
    return;
  }
  if (from.isFile() && from.dev === out.dev && from.ino === out.ino)
    throw new UsageError(
      `--output ${quote(shown)} is the inventory being read; writing there would destroy it. Write the results to another file`,
    );
}
