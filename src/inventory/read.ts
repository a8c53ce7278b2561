import type { RecordHandler } from "./record.js";
import { once } from "node:events";
import { parse, type CsvError, type Options } from "csv-parse";
import { UsageError, type Localized } from "../errors.js";
import { readProblem } from "../text.js";
import { frameCsv, MAX_RECORD_BYTES, type BrokenLine } from "./frame.js";
import { splitJsonArray, splitJsonLines } from "./json-stream.js";

// Reading an inventory: CSV (any of , ; or tab), JSON lines, a JSON array or an xlsx workbook,
// told apart by how the input starts, never by its name. Every reader hands over records in
// input order, each with the line it starts on.

/** A row of cells under its header, or a row that could not be read. */
export type { InventoryRecord, RecordHandler } from "./record.js";

export const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type Encoding = (typeof ENCODINGS)[number];

export type Kind = "csv" | "json-lines" | "json-array" | "xlsx";

/** What was read, for the warnings and the "What was assumed" part of a report. */
export interface InputInfo {
  kind: Kind;
  encoding: Encoding;
  /** Records handed over (rows and bad rows), the header aside. */
  records: number;
  /** The header of a CSV or workbook, when there was one. */
  header?: readonly string[];
  /** Said about the input as a whole: an encoding guessed, a line skipped. */
  warnings: Localized[];
}

export interface ReadOptions {
  /** Said by --encoding; guessed otherwise. */
  encoding?: Encoding;
  /** Told the kind of input before the first record. */
  onKind?(kind: Kind): void;
}

/** Bytes read before the kind, the encoding and the delimiter are guessed, unless a line ends sooner. */
const SNIFF_BYTES = 64 * 1024;

const asBuffer = (value: unknown): Buffer =>
  Buffer.isBuffer(value) ? value : typeof value === "string" ? Buffer.from(value) : Buffer.from(String(value));

/** Reads the whole input, calling `handle` once a record. */
export async function readInventory(
  chunks: AsyncIterator<Buffer | string>,
  shown: string,
  handle: RecordHandler,
  options: ReadOptions = {},
): Promise<InputInfo> {
  // Enough input to guess from: a whole first line (or 64 KiB), however slowly stdin delivers it.
  const first: Buffer[] = [];
  let size = 0;
  let ended = false;
  const pull = async (): Promise<Buffer | undefined> => {
    try {
      const next = await chunks.next();
      return next.done ? undefined : asBuffer(next.value);
    } catch (error) {
      throw new UsageError((m) => `${shown}${m.cli.colon}${m.cli.cannotReadWhy(readProblem(error, m))}`);
    }
  };
  for (;;) {
    const chunk = await pull();
    if (chunk === undefined) {
      ended = true;
      break;
    }
    first.push(chunk);
    size += chunk.length;
    if (size >= SNIFF_BYTES || hasLineEnd(Buffer.concat(first))) break;
  }
  const head = Buffer.concat(first);
  const source = async function* (): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (;;) {
      const chunk = await pull();
      if (chunk === undefined) return;
      yield chunk;
    }
  };
  let records = 0;
  const counted: RecordHandler = (record) => {
    records++;
    handle(record);
  };
  const warnings: Localized[] = [];

  // An xlsx workbook is a zip archive: "PK\3\4".
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    options.onKind?.("xlsx");
    const { readWorkbook } = await import("./xlsx.js");
    const header = await readWorkbook(source(), shown, counted);
    return { kind: "xlsx", encoding: "utf-8", records, header, warnings };
  }

  const encoding = options.encoding ?? guessEncoding(head, warnings);
  // Every reader below sees UTF-8 without a BOM.
  const text = encoding === "utf-8" ? stripUtf8Bom(source()) : recode(source(), encoding);
  const headText = decodeHead(head, encoding);
  const kind = kindOf(headText);
  options.onKind?.(kind);
  if (kind === "csv") {
    let startLine = 1;
    let sniffed = headText;
    // Windows PowerShell 5.1's Export-Csv starts with a type line, which Import-Csv skips.
    if (/^#TYPE\b/i.test(headText)) {
      startLine = 2;
      sniffed = headText.slice(headText.indexOf("\n") + 1);
      const first = headText.split(/\r?\n/, 1)[0]!.trim();
      warnings.push((m) => m.inventory.firstLineSkipped(first));
    }
    const header = await readCsv(text, sniffDelimiter(sniffed), startLine, counted);
    return { kind, encoding, records, ...(header ? { header } : {}), warnings };
  }
  const json = (line: number, value: string | { error: string }): void => {
    if (typeof value !== "string") return counted({ line, error: value.error });
    let data: unknown;
    try {
      data = JSON.parse(value);
    } catch {
      return counted({ line, error: "not valid JSON" });
    }
    const cells = objectCells(data);
    counted("error" in cells ? { line, error: cells.error } : { line, ...cells });
  };
  if (kind === "json-lines") await splitJsonLines(text, json, MAX_RECORD_BYTES);
  else
    await splitJsonArray(text, json, MAX_RECORD_BYTES, () => {
      throw new UsageError((m) => m.inventory.notAnArray(shown));
    });
  return { kind, encoding, records, warnings };
}

function hasLineEnd(bytes: Buffer): boolean {
  return bytes.includes(0x0a) || bytes.includes(0x0d);
}

/**
 * The encoding of the input from its first bytes: a BOM; else UTF-16 by its zero bytes (ASCII
 * text in UTF-16 has one in every pair); else UTF-8 when the bytes are valid UTF-8; else
 * Windows-1252, which Excel writes for "CSV" in western European locales.
 */
function guessEncoding(head: Buffer, warnings: Localized[]): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  const pairs = Math.min(256, head.length >> 1);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (pairs >= 2 && oddZeros >= pairs * 0.4 && evenZeros < pairs * 0.1) return "utf-16le";
  if (pairs >= 2 && evenZeros >= pairs * 0.4 && oddZeros < pairs * 0.1) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    warnings.push((m) => m.inventory.readAsWindows1252);
    return "windows-1252";
  }
}

function decodeHead(head: Buffer, encoding: Encoding): string {
  return new TextDecoder(encoding).decode(head, { stream: true }).replace(/^\uFEFF/, "");
}

async function* stripUtf8Bom(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let first = true;
  for await (const chunk of source) {
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) yield chunk.subarray(3);
    else yield chunk;
    first = false;
  }
}

/** Any other encoding, as UTF-8 bytes. TextDecoder drops a BOM of its own encoding. */
async function* recode(source: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of source) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== "") yield Buffer.from(text);
  }
  const rest = decoder.decode();
  if (rest !== "") yield Buffer.from(rest);
}

/** JSON when the text opens with `[` or `{`; otherwise CSV. */
function kindOf(start: string): Kind {
  const first = start.trimStart()[0];
  return first === "[" ? "json-array" : first === "{" ? "json-lines" : "csv";
}

/** The delimiter of the header line: whichever of , ; and tab occurs most outside quotes. */
function sniffDelimiter(start: string): string {
  const header = start.split(/\r?\n|\r/, 1)[0] ?? "";
  let quoted = false;
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ",";
}

/** An object of a JSON inventory as header cells and row cells; null stands for unknown. */
function objectCells(value: unknown): { header: string[]; cells: string[] } | { error: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { error: 'expected an object of answers, like {"name": "web01", "workload": "web"}' };
  const header: string[] = [];
  const cells: string[] = [];
  for (const [key, cell] of Object.entries(value)) {
    if (cell === undefined) continue;
    if (cell !== null && typeof cell !== "string" && typeof cell !== "number" && typeof cell !== "boolean")
      return { error: `${JSON.stringify(key)}: expected text, got ${Array.isArray(cell) ? "a list" : "an object"}` };
    header.push(key);
    // ConvertTo-Json writes numbers (2022) and null for a property with no value.
    cells.push(cell === null ? "unknown" : String(cell));
  }
  return { header, cells };
}

const PAD = "\u0000vmvc:pad";
const PAD_LINE = Buffer.from(`${PAD}\n`);

const BROKEN: Record<BrokenLine, string> = {
  quote:
    "a quote in the middle of a field, or text after a closing quote: quote whole fields, and double each quote inside one",
  unclosed: "a quote opened here is never closed",
  long: `the row is longer than ${MAX_RECORD_BYTES / (1024 * 1024)} MiB`,
};

/** Lines a record's raw text spans; csv-parse leaves the "\n" of a "\r\n" out of it. */
const linesOf = (raw: string): number => {
  let n = 0;
  for (let i = raw.indexOf("\n"); i !== -1; i = raw.indexOf("\n", i + 1)) n++;
  return raw.endsWith("\n") ? n : n + 1;
};

/** Streams CSV rows to `handle` with the line each starts on; bad rows are reported, not fatal. Returns the header. */
async function readCsv(
  source: AsyncIterable<Buffer>,
  delimiter: string,
  startLine: number,
  handle: RecordHandler,
): Promise<string[] | undefined> {
  let line = 1;
  let header: string[] | undefined;
  const options: Options = {
    delimiter,
    raw: true,
    // Mixed line endings (`echo >>` onto a CRLF file) end records alike.
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    // Called in input order, as each record is read: rows are handled here, and none is kept.
    on_record: (({ record, raw }: { record: string[]; raw: string }) => {
      const at = line;
      line += linesOf(raw);
      const first = record[0]!;
      if (record.length === 1 && first.trim() === "") return null;
      // A line the framing took out (see frame.ts): its reason stands in its place.
      if (first === PAD) {
        line = at;
        return null;
      }
      if (first.charCodeAt(0) === 0 && first.startsWith("\u0000vmvc:")) {
        const error = BROKEN[first.slice(6) as BrokenLine] ?? "not valid CSV";
        // The cells the broken line starts with, which may hold its name.
        handle(header && record.length > 1 ? { line: at, error, header, cells: record.slice(1) } : { line: at, error });
        return null;
      }
      if (header === undefined) header = record;
      else handle({ line: at, header, cells: record });
      return null;
    }) as unknown as Options["on_record"],
    on_skip: (error: (CsvError & { raw?: string }) | undefined, raw?: string) => {
      const at = line;
      const text = error?.raw ?? raw ?? "";
      line += linesOf(text);
      const reason =
        error?.code === "CSV_QUOTE_NOT_CLOSED"
          ? "a quote opened here is never closed"
          : error?.code === "CSV_MAX_RECORD_SIZE"
            ? BROKEN.long
            : (error?.message ?? "not valid CSV");
      handle({ line: at, error: reason });
    },
  };
  line = startLine;
  const parser = parse(options);
  // Nothing comes out of the parser (on_record keeps no record); draining it lets it finish.
  // A handler that throws (a header that answers nothing) fails the parser: kept, and thrown here.
  let failure: { error: unknown } | undefined;
  const drained = (async () => {
    for await (const _ of parser) void _;
  })().catch((error: unknown) => void (failure = { error }));
  const skipFirst = startLine > 1;
  for await (const chunk of frameCsv(source, delimiter, skipFirst)) {
    if (failure) break;
    parser.write(chunk);
    // csv-parse holds a record back until it sees the next byte; a line of padding after each
    // chunk of whole lines releases it, so rows arriving one a second are assessed as they come.
    if (!parser.write(PAD_LINE)) await Promise.race([once(parser, "drain"), drained]);
  }
  if (!failure) parser.end();
  await drained;
  if (failure) throw (failure as { error: unknown }).error;
  return header;
}
