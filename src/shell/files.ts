import { closeSync, createReadStream, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import type { OutputFile } from "../commands/context.js";
import { OutputError } from "../errors.js";
import { quote } from "../escape.js";
import { decodeText, readBounded, readProblem } from "../text.js";

// Files a command reads and writes, under the working directory.

export const readText = (cwd: string, path: string): string => decodeText(readBounded(resolve(cwd, path)));

export const openInput = (cwd: string, path: string): AsyncIterable<Buffer> => createReadStream(resolve(cwd, path));

/** Temporary files not yet renamed into place: removed however the process ends. */
const pending = new Set<string>();
let cleaningUp = false;

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
export function openOutput(cwd: string, path: string): OutputFile {
  const target = resolve(cwd, path);
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
