import { en, type Messages } from "./i18n/en/index.js";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

// Reading text that a user hands us: bounded by the bytes actually read (stat says 0 for
// /dev/zero and pipes), and decoded the way Windows tools write it.

/** Answers, rule and config files are small; anything bigger is a mistake. */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;

export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit / (1024 * 1024)} MiB`);
  }
}

/** The bytes of a file (or an open descriptor such as stdin), failing past `limit`. */
export function readBounded(source: string | number, limit = MAX_TEXT_BYTES): Buffer {
  const fd = typeof source === "number" ? source : openSync(source, "r");
  try {
    const chunks: Buffer[] = [];
    const buffer = Buffer.allocUnsafe(1 << 16);
    let total = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EOF") break;
        if (code !== "EAGAIN") throw error;
        // A non-blocking pipe with nothing yet: wait a moment rather than spin.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (n === 0) break;
      total += n;
      if (total > limit) throw new TooLargeError(limit);
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  } finally {
    if (typeof source !== "number") closeSync(fd);
  }
}

/** Whether a path is a regular file (not a folder, a pipe or a device). */
export function isRegularFile(path: string): boolean {
  // Non-blocking, or opening a FIFO would wait for a writer forever.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    return fstatSync(fd).isFile();
  } finally {
    closeSync(fd);
  }
}

/**
 * Text from UTF-8 (with or without a BOM) or UTF-16 with a BOM, as Windows PowerShell 5.1
 * writes with `>` and `Out-File` (UTF-16 LE) or `Set-Content -Encoding UTF8` (UTF-8 with BOM).
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  return bytes.toString("utf8");
}

/** Words for the errors a read can end with, in the language of `messages`. */
export function readProblem(error: unknown, messages: Messages = en): string {
  const m = messages.problems;
  if (error instanceof TooLargeError) return m.tooLarge(error.message);
  const code = (error as NodeJS.ErrnoException).code;
  return (code && m.systemErrors[code]) ?? (error as Error).message;
}
