// JSON inventories split into one text per row as the bytes arrive, in time linear in the
// input: JSON lines at each newline, a JSON array at each top-level element. No library
// splits an array while saying the line each element starts on and capping its size, which
// is what a report of bad rows needs; JSON.parse still parses every element.

export type Emit = (line: number, text: string | { error: string }) => void;

const NEWLINE = 0x0a;
const tooLong = (max: number): { error: string } => ({ error: `longer than ${max / (1024 * 1024)} MiB` });

/** One JSON text a line; blank lines are skipped but counted. */
export async function splitJsonLines(source: AsyncIterable<Buffer>, emit: Emit, max: number): Promise<void> {
  let line = 1;
  let pieces: Buffer[] = [];
  let size = 0;
  let discarding = false;
  const finish = (last: Buffer): void => {
    if (!discarding) {
      const text = (pieces.length === 0 ? last : Buffer.concat([...pieces, last])).toString("utf8").trim();
      if (text !== "") emit(line, text);
    }
    discarding = false;
    pieces = [];
    size = 0;
    line++;
  };
  for await (const chunk of source) {
    let from = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, from)) {
      finish(chunk.subarray(from, end));
      from = end + 1;
    }
    if (from < chunk.length && !discarding) {
      pieces.push(chunk.subarray(from));
      size += chunk.length - from;
      if (size > max) {
        emit(line, tooLong(max));
        discarding = true;
        pieces = [];
        size = 0;
      }
    }
  }
  if (pieces.length > 0) finish(Buffer.alloc(0));
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The elements of a top-level JSON array, each with the line it starts on. */
export async function splitJsonArray(
  source: AsyncIterable<Buffer>,
  emit: Emit,
  max: number,
  notArray: () => never,
): Promise<void> {
  let line = 1;
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** The element being read: its line, its bytes so far (unless too long). */
  let element: { line: number; pieces: Buffer[]; size: number; tooLong: boolean } | undefined;
  for await (const chunk of source) {
    let start = element ? 0 : -1;
    const close = (end: number): void => {
      const e = element!;
      if (e.tooLong) emit(e.line, tooLong(max));
      else emit(e.line, Buffer.concat([...e.pieces, chunk.subarray(start, end)]).toString("utf8"));
      element = undefined;
      start = -1;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === NEWLINE) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) inString = false;
        continue;
      }
      if (!started) {
        if (WHITESPACE.has(c)) continue;
        if (c !== 0x5b) notArray();
        started = true;
        depth = 1;
        continue;
      }
      if (ended) {
        if (!WHITESPACE.has(c)) notArray();
        continue;
      }
      if (element === undefined) {
        if (WHITESPACE.has(c) || c === 0x2c) continue;
        if (c === 0x5d && depth === 1) {
          ended = true;
          continue;
        }
        element = { line, pieces: [], size: 0, tooLong: false };
        start = i;
      }
      if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (depth === 1) {
          // A bare value ends at the array's end.
          close(i);
          ended = true;
          continue;
        }
        depth--;
        if (depth === 1) close(i + 1);
      } else if (depth === 1 && (c === 0x2c || WHITESPACE.has(c))) close(i);
    }
    if (element !== undefined) {
      const e: { pieces: Buffer[]; size: number; tooLong: boolean } = element;
      if (!e.tooLong) {
        e.pieces.push(chunk.subarray(start));
        e.size += chunk.length - start;
        if (e.size > max) {
          e.tooLong = true;
          e.pieces = [];
        }
      }
    }
  }
  if (element !== undefined) emit((element as { line: number }).line, { error: "the array ends inside this element" });
}
