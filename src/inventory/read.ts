import { once } from "node:events";
import { parse, type CsvError, type Options } from "csv-parse";
import { UsageError } from "../errors.js";
import { quote } from "../escape.js";
import { readProblem } from "../text.js";

// Reading an inventory: CSV (any of , ; or tab), JSON lines or a JSON array, told apart by how
// the input starts. Every reader hands over records in input order, each with the line it starts on.

/** A row of cells under its header, or a row that could not be read. */
export type InventoryRecord =
  { line: number; header: readonly string[]; cells: readonly string[] } | { line: number; error: string };

export type RecordHandler = (record: InventoryRecord) => void;

/** Reads the whole input, calling `handle` once a record. */
export async function readInventory(
  chunks: AsyncIterator<Buffer | string>,
  shown: string,
  handle: RecordHandler,
): Promise<void> {
  let head: Buffer;
  try {
    const next = await chunks.next();
    head = next.done ? Buffer.alloc(0) : Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
  } catch (error) {
    throw new UsageError(`${shown}: cannot read: ${readProblem(error)}`);
  }
  const start = head.subarray(0, 4096).toString("utf8");
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
    }
  };
  const kind = kindOf(start);
  if (kind === "csv") await readCsv(rest(), sniffDelimiter(start), handle);
  else await readJson(rest(), kind, handle);
}

type Kind = "csv" | "json-lines" | "json-array";

/** JSON when the text opens with `[` or `{`; otherwise CSV. */
function kindOf(start: string): Kind {
  const first = start.replace(/^\uFEFF/, "").trimStart()[0];
  return first === "[" ? "json-array" : first === "{" ? "json-lines" : "csv";
}

/** The delimiter of the header line: whichever of , ; and tab occurs most outside quotes. */
function sniffDelimiter(start: string): string {
  const header = start.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  let quoted = false;
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ",";
}

/** An object of a JSON inventory as header cells and row cells. */
function objectCells(value: unknown): { header: string[]; cells: string[] } | { error: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { error: 'expected an object of answers, like {"name": "web01", "workload": "web"}' };
  const header: string[] = [];
  const cells: string[] = [];
  for (const [key, cell] of Object.entries(value)) {
    if (cell === null || cell === undefined) continue;
    if (typeof cell !== "string" && typeof cell !== "number")
      return { error: `${quote(key)}: expected text, got ${Array.isArray(cell) ? "a list" : typeof cell}` };
    header.push(key);
    cells.push(String(cell));
  }
  return { header, cells };
}

/** Lines a record's raw text spans; csv-parse leaves the "\n" of a "\r\n" out of it. */
const linesOf = (raw: string): number => {
  let n = 0;
  for (let i = raw.indexOf("\n"); i !== -1; i = raw.indexOf("\n", i + 1)) n++;
  return raw.endsWith("\n") ? n : n + 1;
};

/** Streams CSV rows to `handle` with the line each starts on; bad rows are reported, not fatal. */
async function readCsv(source: AsyncIterable<Buffer>, delimiter: string, handle: RecordHandler): Promise<void> {
  let line = 1;
  let header: string[] | undefined;
  const options: Options = {
    delimiter,
    bom: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    // Called in input order, as each record is read: rows are handled here, and none is kept.
    on_record: (({ record, raw }: { record: string[]; raw: string }) => {
      const at = line;
      line += linesOf(raw);
      if (record.length === 1 && record[0]!.trim() === "") return null;
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
          ? "a quote opened here is never closed, so the rest of the file was read as one field"
          : (error?.message ?? "not valid CSV");
      handle({ line: at, error: reason });
    },
  };
  const parser = parse(options);
  // Nothing comes out of the parser (on_record keeps no record); draining it lets it finish.
  const drained = (async () => {
    for await (const _ of parser) void _;
  })();
  for await (const chunk of source) if (!parser.write(chunk)) await once(parser, "drain");
  parser.end();
  await drained;
}

/** JSON lines streamed one line at a time, or a JSON array read whole. */
async function readJson(
  source: AsyncIterable<Buffer>,
  kind: "json-lines" | "json-array",
  handle: RecordHandler,
): Promise<void> {
  const decoder = new TextDecoder("utf-8");
  const object = (line: number, value: unknown): void => {
    const cells = objectCells(value);
    handle("error" in cells ? { line, error: cells.error } : { line, ...cells });
  };
  if (kind === "json-array") {
    let text = "";
    for await (const chunk of source) text += decoder.decode(chunk, { stream: true });
    text += decoder.decode();
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      throw new UsageError(
        "the input starts like a JSON array but is not valid JSON; use JSON lines (one object a line) to have bad rows reported one by one",
      );
    }
    if (!Array.isArray(data)) throw new UsageError("expected a JSON array of objects, or JSON lines");
    data.forEach((value, i) => object(i + 1, value));
    return;
  }
  let buffered = "";
  let line = 0;
  const take = (text: string): void => {
    line++;
    const trimmed = text.replace(/^\uFEFF/, "").trim();
    if (trimmed === "") return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return handle({ line, error: "not valid JSON" });
    }
    object(line, value);
  };
  for await (const chunk of source) {
    buffered += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffered.indexOf("\n")) !== -1) {
      take(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
    }
  }
  buffered += decoder.decode();
  if (buffered !== "") take(buffered);
}
