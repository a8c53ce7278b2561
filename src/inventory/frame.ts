// Lines of CSV before csv-parse sees them, so that one row's broken quoting cannot swallow the
// rows after it. A quote left open is legal CSV until a later quote closes it, and a parser
// then reads three rows as one field. Here every line with a quote is checked: a quote that
// does not start a field, a closing quote not followed by the delimiter, a field still open
// after MAX_RECORD_BYTES or at the end of the input, or a line longer than that: the first
// line of such a record is replaced by a marker (a NUL, "vmvc:" and a code) that the reader
// reports as an invalid row at that line, and the lines after it are read again as rows.

/** No inventory row comes near this; past it a row is reported, not buffered. */
export const MAX_RECORD_BYTES = 1024 * 1024;

export type BrokenLine = "quote" | "unclosed" | "long";

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * The marker for a broken record, with the cells its first line starts with before any quote
 * (as further fields), so the row keeps its name when the name column comes first.
 */
function marker(code: BrokenLine, line?: Buffer, delimiter?: number): Buffer {
  const quote = line?.indexOf(QUOTE) ?? -1;
  const cut = quote === -1 || delimiter === undefined ? -1 : line!.lastIndexOf(delimiter, quote);
  if (cut <= 0) return Buffer.from(`\u0000vmvc:${code}\n`);
  return Buffer.concat([
    Buffer.from(`\u0000vmvc:${code}`),
    Buffer.of(delimiter!),
    line!.subarray(0, cut),
    Buffer.of(NEWLINE),
  ]);
}

interface Scan {
  inQuote: boolean;
  fieldStart: boolean;
  afterClose: boolean;
}

/** Carries the quote state through one line; false when the quoting is broken. */
function scan(line: Buffer, state: Scan, delimiter: number): boolean {
  const end = line.length;
  for (let i = 0; i < end; i++) {
    const c = line[i]!;
    if (state.inQuote) {
      if (c !== QUOTE) continue;
      if (line[i + 1] === QUOTE) i++;
      else {
        state.inQuote = false;
        state.afterClose = true;
      }
    } else if (state.afterClose) {
      if (c === delimiter) {
        state.afterClose = false;
        state.fieldStart = true;
      } else if (c !== RETURN && c !== NEWLINE) return false;
    } else if (c === QUOTE) {
      if (!state.fieldStart) return false;
      state.inQuote = true;
      state.fieldStart = false;
    } else state.fieldStart = c === delimiter || c === NEWLINE;
  }
  if (!state.inQuote) {
    state.fieldStart = true;
    state.afterClose = false;
  }
  return true;
}

const fresh = (): Scan => ({ inQuote: false, fieldStart: true, afterClose: false });

/** The input as whole lines, with each broken record's first line replaced by a marker. */
export async function* frameCsv(
  source: AsyncIterable<Buffer>,
  delimiterText: string,
  skipFirstLine = false,
): AsyncGenerator<Buffer> {
  const delimiter = delimiterText.charCodeAt(0);
  let carry: Buffer | undefined;
  let discarding = false;
  let skipping = skipFirstLine;
  /** The lines of a record whose quoted field is still open, and their size. */
  let open: Buffer[] = [];
  let openBytes = 0;
  let state = fresh();
  let out: Buffer[] = [];

  /** One whole line (with its newline, unless it is the last). */
  const take = (line: Buffer): void => {
    if (open.length === 0) {
      if (!line.includes(QUOTE)) {
        out.push(line);
        return;
      }
      state = fresh();
      if (!scan(line, state, delimiter)) return void out.push(marker("quote", line, delimiter));
      if (!state.inQuote) return void out.push(line);
      open = [line];
      openBytes = line.length;
      return;
    }
    open.push(line);
    openBytes += line.length;
    if (!scan(line, state, delimiter)) return reopen("quote");
    if (state.inQuote) {
      if (openBytes > MAX_RECORD_BYTES) reopen("unclosed");
      return;
    }
    out.push(...open);
    open = [];
    openBytes = 0;
  };
  /** The open record is broken: its first line is reported, the others read again. */
  const reopen = (code: BrokenLine): void => {
    const [first, ...again] = open;
    open = [];
    openBytes = 0;
    out.push(marker(code, first, delimiter));
    for (const line of again) take(line);
  };
  const lines = (data: Buffer): void => {
    let from = 0;
    if (discarding || skipping) {
      const end = data.indexOf(NEWLINE);
      if (end === -1) return;
      from = end + 1;
      discarding = false;
      skipping = false;
    }
    if (open.length === 0 && data.indexOf(QUOTE, from) === -1) {
      // The common case, with no quote at all: whole lines pass as they are.
      if (from < data.length) out.push(from === 0 ? data : data.subarray(from));
      return;
    }
    for (let end = data.indexOf(NEWLINE, from); end !== -1; end = data.indexOf(NEWLINE, from)) {
      take(data.subarray(from, end + 1));
      from = end + 1;
    }
    if (from < data.length) take(data.subarray(from));
  };
  const flush = (): Buffer | undefined => {
    if (out.length === 0) return undefined;
    const joined = out.length === 1 ? out[0]! : Buffer.concat(out);
    out = [];
    return joined;
  };

  for await (const chunk of source) {
    const data = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
    const last = data.lastIndexOf(NEWLINE);
    if (last === -1) {
      carry = data;
      if (carry.length > MAX_RECORD_BYTES && !discarding && !skipping) {
        // One line past the bound: reported once, and dropped up to its end.
        if (open.length > 0) reopen("unclosed");
        out.push(marker("long"));
        discarding = true;
        carry = undefined;
      } else if (carry.length > MAX_RECORD_BYTES) carry = undefined;
    } else {
      carry = last === data.length - 1 ? undefined : data.subarray(last + 1);
      lines(data.subarray(0, last + 1));
    }
    const ready = flush();
    if (ready) yield ready;
  }
  if (carry !== undefined && !discarding) lines(carry);
  while (open.length > 0) reopen("unclosed");
  const ready = flush();
  if (ready) yield ready;
}
