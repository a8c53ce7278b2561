import { once } from "node:events";
import { closeSync, openSync, writeSync } from "node:fs";
import { extname, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { parse, type CsvError, type Options } from "csv-parse";
import { compile } from "../engine/compile.js";
import type { Answers } from "../engine/model.js";
import { UsageError } from "../errors.js";
import { Assessor } from "../inventory/assess.js";
import { layoutOf, readRow, type Layout, type RowReading } from "../inventory/columns.js";
import { SummaryBuilder, type AssessedRow } from "../inventory/summary.js";
import {
  ASSESS_FORMATS,
  csvHeader,
  csvRow,
  htmlReport,
  markdownReport,
  REPORT_ROWS,
  rowJson,
  terminalSummary,
  type AssessFormat,
} from "../render/assessment.js";
import { createStyle } from "../render/style.js";
import { didYouMean, quote } from "../suggest.js";
import { answersFromFlags } from "./answers.js";
import type { Context } from "./context.js";
import { readProblem } from "../text.js";

// `vmvc assess`: an inventory in, one result per row out, streamed so that memory stays flat.

export interface AssessFlags {
  format?: string;
  output?: string;
}

const BY_EXTENSION: Record<string, AssessFormat> = {
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
  ".csv": "csv",
  ".json": "json",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
};

/** The output format: --format, else the --output file's extension, else a summary at a terminal and JSON lines elsewhere. */
function chooseFormat(ctx: Context, flags: AssessFlags): AssessFormat | "summary" {
  if (flags.format !== undefined) {
    const formats: readonly string[] = ASSESS_FORMATS;
    if (!formats.includes(flags.format))
      throw new UsageError(
        `--format ${quote(flags.format)} is not one of ${ASSESS_FORMATS.join(", ")}${didYouMean(flags.format, formats)}`,
      );
    return flags.format as AssessFormat;
  }
  if (flags.output !== undefined) {
    const format = BY_EXTENSION[extname(flags.output).toLowerCase()];
    if (!format)
      throw new UsageError(
        `--output ${quote(flags.output)}: cannot tell the format from its extension; add --format (${ASSESS_FORMATS.join(", ")})`,
      );
    return format;
  }
  return ctx.stdoutIsTTY ? "summary" : "ndjson";
}

/** Text written in large pieces, to stdout or to a file. */
function sink(ctx: Context, output: string | undefined): { write(text: string): void; close(): void } {
  let fd: number | undefined;
  if (output !== undefined) {
    try {
      fd = openSync(resolve(ctx.cwd, output), "w");
    } catch (error) {
      throw new UsageError(`--output ${quote(output)}: cannot write: ${readProblem(error)}`);
    }
  }
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    size = 0;
    if (fd === undefined) ctx.out(text);
    else writeSync(fd, text);
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= 1 << 15) flush();
    },
    close() {
      flush();
      if (fd !== undefined) closeSync(fd);
    },
  };
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

export async function runAssess(
  ctx: Context,
  input: string,
  flags: AssessFlags,
  flagAnswers: Readonly<Record<string, unknown>>,
): Promise<number> {
  // A long stream of short-lived rows makes V8 grow its heap for speed; sized for memory
  // instead, peak RSS stays flat from 10,000 rows to 1,000,000 (+9% against +64%).
  setFlagsFromString("--optimize-for-size");
  const { ruleSet } = ctx;
  const format = chooseFormat(ctx, flags);
  const defaults: Answers = answersFromFlags(ruleSet, flagAnswers);
  const compiled = compile(ruleSet);
  const assessor = new Assessor(compiled, defaults);
  const summary = new SummaryBuilder(ruleSet);
  const kept: AssessedRow[] = [];
  const keepForReport = format === "markdown" || format === "html";
  const out = sink(ctx, flags.output);
  let first = true;

  if (format === "csv") out.write(csvHeader(ruleSet));
  if (format === "json") out.write('{"rows":[\n');

  const emit = (row: AssessedRow, adviceJson?: string): void => {
    summary.add(row);
    if (keepForReport && kept.length < REPORT_ROWS) kept.push(row);
    if (format === "ndjson") out.write(`${rowJson(row, adviceJson)}\n`);
    else if (format === "json") {
      out.write(`${first ? "" : ",\n"}${rowJson(row, adviceJson)}`);
      first = false;
    } else if (format === "csv") out.write(csvRow(ruleSet, row));
  };

  const handle = (line: number, reading: RowReading): void => {
    if ("skip" in reading) return summary.skip(reading.skip);
    if ("error" in reading) return emit({ line, name: null, error: reading.error });
    const assessed = assessor.assess(reading.key, reading.given);
    if ("error" in assessed) return emit({ line, name: reading.name, error: assessed.error });
    emit({ line, name: reading.name, advice: assessed.advice }, assessed.json);
  };

  const stream = ctx.openInput(input);
  const chunks = stream[Symbol.asyncIterator]();
  let head: Buffer | undefined;
  try {
    const next = await chunks.next();
    head = next.done ? Buffer.alloc(0) : Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
  } catch (error) {
    throw new UsageError(`${input === "-" ? "stdin" : quote(input)}: cannot read: ${readProblem(error)}`);
  }
  const start = head.subarray(0, 4096).toString("utf8");
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield head!;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
    }
  };

  const kind = kindOf(start);
  if (kind === "csv") await readCsv(rest(), sniffDelimiter(start), ruleSet, handle);
  else await readJson(rest(), kind, ruleSet, handle);

  const result = summary.result();
  if (format === "json") out.write(`\n],"summary":${JSON.stringify(result)}}\n`);
  else if (format === "markdown") out.write(markdownReport(result, kept, ruleSet, ctx.today()));
  else if (format === "html") out.write(htmlReport(result, kept, ruleSet, ctx.today()));
  else if (format === "summary") out.write(terminalSummary(result, ruleSet, createStyle(ctx.color), ctx.width));
  out.close();
  if (flags.output !== undefined) ctx.err(`Wrote ${result.rows.toLocaleString("en-US")} rows to ${flags.output}.\n`);
  if (result.invalid > 0) {
    ctx.err(
      `${result.invalid.toLocaleString("en-US")} row${result.invalid === 1 ? " was" : "s were"} invalid; ${result.invalid === 1 ? "it is" : "each is"} in the output with its line number and the reason.\n`,
    );
    return 2;
  }
  return 0;
}

/** Streams CSV rows to `handle` with the line each starts on; bad rows are reported, not fatal. */
async function readCsv(
  source: AsyncIterable<Buffer>,
  delimiter: string,
  ruleSet: Context["ruleSet"],
  handle: (line: number, reading: RowReading) => void,
): Promise<void> {
  let line = 1;
  let layout: Layout | undefined;
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
      if (layout === undefined) layout = layoutOf(ruleSet, record);
      else handle(at, readRow(layout, record));
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
      handle(at, { error: reason });
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
  ruleSet: Context["ruleSet"],
  handle: (line: number, reading: RowReading) => void,
): Promise<void> {
  const decoder = new TextDecoder("utf-8");
  const object = (line: number, value: unknown): void => {
    const cells = objectCells(value);
    if ("error" in cells) return handle(line, cells);
    handle(line, readRow(layoutOf(ruleSet, cells.header), cells.cells));
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
      return handle(line, { error: "not valid JSON" });
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
