import {
  accessSync,
  closeSync,
  constants,
  createReadStream,
  fstatSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, resolve } from "node:path";
import type { OutputFile } from "../commands/context.js";
import { OutputError, UsageError, type Localized } from "../errors.js";
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

/** The folder `target` goes in, or the first part of the path that cannot be one, with what is wrong. */
function folderProblem(target: string): Localized | undefined {
  // Walk up to the nearest part of the path that exists: the rest is created on commit.
  for (let folder = dirname(target); ; folder = dirname(folder)) {
    let stat;
    try {
      stat = statSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === "ENOENT" || code === "ENOTDIR") && dirname(folder) !== folder) continue;
      return (m) => `${folder}${m.cli.colon}${readProblem(error, m)}`;
    }
    if (!stat.isDirectory()) return (m) => m.prompts.fileNotFolder(folder);
    try {
      accessSync(folder, constants.W_OK);
    } catch {
      return (m) => m.prompts.folderNotWritable(folder);
    }
    return undefined;
  }
}

/**
 * `path`, written in full or not at all. It is checked when opened, so that a run that asks
 * questions fails before the first one; missing folders are created only on the first write.
 * The text goes to a temporary file beside it, which replaces it only on commit: a run that
 * fails or is stopped leaves an earlier file as it was, and of two runs writing one file, the
 * last to finish wins whole. A device or pipe (/dev/stdout, /dev/null) is written directly.
 */
export function openOutput(cwd: string, path: string, input?: string): OutputFile {
  const target = resolve(cwd, path);
  if (input !== undefined) refuseOntoInput(target, input === "-" ? 0 : resolve(cwd, input), path);
  const fail = (problem: Localized): never => {
    throw new OutputError((m) => m.prompts.cannotWriteFile(quote(path), problem(m)));
  };
  const failWith = (error: unknown): never =>
    fail((m) =>
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? m.prompts.noSuchFolder(dirname(target))
        : readProblem(error, m),
    );
  let existing;
  try {
    existing = statSync(target);
  } catch {
    // Not there yet.
  }
  if (existing?.isDirectory()) fail((m) => m.problems.systemErrors.EISDIR!);
  const direct = existing !== undefined && !existing.isFile();
  const problem = direct ? undefined : folderProblem(target);
  if (problem !== undefined) fail(problem);
  const temporary = resolve(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.vmvc-tmp`);
  let fd: number | undefined;
  const open = (): number => {
    if (fd !== undefined) return fd;
    try {
      if (direct) return (fd = openSync(target, "w"));
      mkdirSync(dirname(target), { recursive: true });
      fd = openSync(temporary, "wx");
    } catch (error) {
      failWith(error);
    }
    if (!cleaningUp) {
      cleaningUp = true;
      process.on("exit", removePending);
      // Killed, the process runs no exit handlers: the temporary file goes first.
      for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, onSignal);
    }
    pending.add(temporary);
    return fd!;
  };
  const close = (): void => {
    if (fd === undefined) return;
    closeSync(fd);
    fd = undefined;
  };
  const abort = (): void => {
    try {
      close();
      if (!direct) unlinkSync(temporary);
    } catch {
      // Closed or gone already.
    }
    pending.delete(temporary);
  };
  return {
    write(text) {
      const bytes = Buffer.from(text);
      try {
        for (let done = 0; done < bytes.length;) done += writeSync(open(), bytes, done);
      } catch (error) {
        abort();
        if (error instanceof OutputError) throw error;
        failWith(error);
      }
    },
    commit() {
      try {
        open();
        close();
        if (!direct) renameSync(temporary, target);
        pending.delete(temporary);
      } catch (error) {
        abort();
        if (error instanceof OutputError) throw error;
        failWith(error);
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
    throw new UsageError((m) => m.inventory.outputIsInput(quote(shown)));
}
