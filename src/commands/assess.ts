import { Option, type Command } from "commander";
import { compile } from "../engine/compile.js";
import type { Answers, RuleSet } from "../engine/model.js";
import { UsageError } from "../errors.js";
import { jsonValue, quote } from "../escape.js";
import { problem, problemJson, problemLine, type Problem } from "../problems.js";
import { Assessor } from "../inventory/assess.js";
import { answersAnything, columnHint, layoutOf, noQuestionError, readRow, type Layout } from "../inventory/columns.js";
import { ENCODINGS, readInventory, type Encoding, type InputInfo, type InventoryRecord } from "../inventory/read.js";
import { SummaryBuilder, type AssessedRow } from "../inventory/summary.js";
import {
  ASSESS_FORMATS,
  type ReportContext,
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
import { rulesInForce, rulesJson, warningsJson } from "../render/report.js";
import { version } from "../version.js";
import { answersFromFlags } from "./answers.js";
import type { Invocation, Outcome } from "./command.js";
import type { Context, OutputFile } from "./context.js";
import { chooseFormat, printSchema } from "./formats.js";
import { addQuestionOptions, answersFrom, rulesOption } from "./options.js";

// `vmvc assess`: an inventory in, one result per row out, streamed so that memory stays flat.

const HELP = `
Columns are named by question id (workload, boundary, host-os, ...), in any case and with
spaces, _ or - alike ("Guest OS", guest_os, GuestOS); one column may name the workload (Name,
VM, Server, Server Name, Hostname, Computer Name, DNS Name, Nom, Serveur). Values are read in
any case; n/a, unknown, ? and - mean unknown; "Windows Server 2022 Datacenter", WS2022 and
ltsc2022 mean 2022. Empty cells and missing columns take the answer flags given here, else
count as unknown; columns read for nothing and questions no column answers are listed on
stderr. An RVTools vInfo export (CSV or the xlsx workbook) is recognised by its header: VM
names the workload, the guest OS comes from the OS columns, templates and SRM placeholders are
left out. Bad rows are reported with their line number; the run goes on. UTF-8, UTF-16 and
Windows-1252 are told apart (--encoding says which), and Export-Csv's #TYPE line is skipped.

Examples:
  $ vmvc assess inventory.csv                          # a summary at a terminal
  $ vmvc assess inventory.csv --host-os 2022 --output report.html
  $ vmvc assess vInfo.csv --format csv > advice.csv
  $ Get-Content servers.jsonl | vmvc assess -          # JSON lines from PowerShell

Exit codes: 0 every row assessed, 1 some rows were invalid (the others are still reported),
2 a wrong call, unreadable input or output not written.
`;

export function configure(command: Command, ruleSet: RuleSet): void {
  const own = [
    new Option(
      "--format <format>",
      `${ASSESS_FORMATS.join(", ")} (default: a summary at a terminal, ndjson elsewhere)`,
    ),
    new Option("--output <file>", "write the results to a file; the format follows its extension"),
    new Option("--encoding <encoding>", "the input's text encoding (default: guessed)").choices(ENCODINGS),
    new Option(
      "--delimiter <char>",
      "the CSV output's delimiter: , (default) or ; for Excel in French or German",
    ).choices([",", ";"]),
    new Option("--bom", "start the CSV output with a UTF-8 BOM, for Excel"),
    new Option(
      "--json-schema",
      "print the JSON Schema of --format json's output, and of each ndjson line (schema/assessment.schema.json), and exit",
    ),
    rulesOption(),
  ];
  // Optional only so that --json-schema needs no file; run() asks for it otherwise.
  command.argument("[file]", "the inventory, or - for stdin").usage("[options] <file>");
  for (const option of own) command.addOption(option);
  addQuestionOptions(command, ruleSet, own, "Answers for rows that leave them out:");
  command.addHelpText("after", HELP);
}

interface AssessFlags {
  jsonSchema?: boolean;
  format?: string;
  output?: string;
  encoding?: Encoding;
  delimiter?: "," | ";";
  bom?: boolean;
}

/** Output is flushed at least this often, so a pipeline (or a SIGTERM) sees every row decided. */
const FLUSH_MS = 100;

interface Sink {
  write(text: string): void;
  close(): void;
  abort(): void;
}

/** Text written in large pieces, to stdout or to a file, and at least every FLUSH_MS. */
function sink(ctx: Context, output: string | undefined, input: string): Sink {
  const file: OutputFile | undefined = output === undefined ? undefined : ctx.openOutput(output, input);
  let pending: string[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    size = 0;
    if (file === undefined) ctx.out(text);
    else file.write(text);
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= 1 << 15) flush();
      else if (timer === undefined) timer = setTimeout(flush, FLUSH_MS);
    },
    close() {
      flush();
      file?.commit();
    },
    abort() {
      if (timer !== undefined) clearTimeout(timer);
      file?.abort();
    },
  };
}

/** What the columns of every layout seen come to: which were ignored, which questions were answered. */
class ColumnNotes {
  private readonly ignored = new Map<string, string>();
  private readonly answered = new Set<string>();
  anything = false;

  add(layout: Layout): void {
    for (const h of layout.ignored) if (this.ignored.size < 1000 && !this.ignored.has(h)) this.ignored.set(h, h);
    for (const q of layout.questions.keys()) this.answered.add(q);
    if (layout.rvtools) this.answered.add("guest-os");
    if (answersAnything(layout)) this.anything = true;
  }

  ignoredColumns(): string[] {
    return [...this.ignored.keys()];
  }

  /** Warnings: columns ignored, and questions no column answers, with what they take instead. */
  problems(ruleSet: RuleSet, defaults: Answers, file: string): Problem[] {
    const where = { file };
    const out: Problem[] = [];
    const ignored = this.ignoredColumns();
    if (ignored.length > 0) {
      const shown = ignored.length > 12 ? [...ignored.slice(0, 12), `and ${ignored.length - 12} more`] : ignored;
      out.push(
        problem(
          where,
          "ignored-columns",
          `${ignored.length} column${ignored.length === 1 ? " answers" : "s answer"} no question and ${ignored.length === 1 ? "was" : "were"} ignored: ${shown.map((h) => (h.startsWith("and ") ? h : JSON.stringify(h))).join(", ")}`,
          "warning",
        ),
      );
    }
    const unanswered = ruleSet.questions.filter((q) => !this.answered.has(q.id));
    const named = (qs: typeof unanswered): string =>
      qs.map((q) => `${q.id}${q.optional ? " (optional)" : ""}${columnHint(q, ignored)}`).join(", ");
    const byDefault = unanswered.filter((q) => defaults[q.id] !== undefined);
    const assumed = unanswered.filter((q) => defaults[q.id] === undefined && q.assume !== undefined);
    const unknown = unanswered.filter((q) => defaults[q.id] === undefined && q.assume === undefined);
    if (byDefault.length > 0)
      out.push(
        problem(
          where,
          "unanswered-question",
          `no column answers ${named(byDefault)}: the flag${byDefault.length === 1 ? "" : "s"} ${byDefault.map((q) => `--${q.id} ${defaults[q.id]}`).join(" ")} appl${byDefault.length === 1 ? "ies" : "y"} to every row`,
          "warning",
        ),
      );
    if (assumed.length > 0)
      out.push(
        problem(
          where,
          "unanswered-question",
          `no column answers ${named(assumed)}: ${assumed.length === 1 ? "it takes its assumed value" : "they take their assumed values"}, ${assumed.map((q) => (assumed.length === 1 ? q.assume : `${q.id} ${q.assume}`)).join(", ")}, in every row`,
          "warning",
        ),
      );
    if (unknown.length > 0)
      out.push(
        problem(
          where,
          "unanswered-question",
          `no column answers ${named(unknown)}: ${unknown.length === 1 ? "it counts" : "they count"} as unknown in every row`,
          "warning",
        ),
      );
    return out;
  }
}

export async function run(ctx: Context, call: Invocation): Promise<Outcome> {
  const flags = call.flags as AssessFlags;
  if (flags.jsonSchema) return printSchema(ctx, "assessment");
  const input = call.args[0] as string | undefined;
  if (input === undefined) throw new UsageError("missing required argument 'file'");
  const { ruleSet } = ctx;
  const format = chooseFormat<AssessFormat | "summary">(
    flags,
    ASSESS_FORMATS,
    ctx.stdoutIsTTY && flags.output === undefined ? "summary" : "ndjson",
  );
  const defaults: Answers = answersFromFlags(ruleSet, answersFrom(call.flags, ruleSet));
  // A long stream of short-lived rows makes V8 grow its heap for speed; sized for memory
  // instead, peak RSS stays flat from 10,000 rows to 1,000,000 (+9% against +64%).
  ctx.preferMemory();
  const compiled = compile(ruleSet);
  const assessor = new Assessor(compiled, defaults);
  const summary = new SummaryBuilder(ruleSet);
  const shown = input === "-" ? "stdin" : input;
  const columns = new ColumnNotes();
  const kept: AssessedRow[] = [];
  const keepForReport = format === "markdown" || format === "html";
  const csv = { delimiter: flags.delimiter ?? ",", bom: flags.bom === true };
  const out = sink(ctx, flags.output, input);
  // The rules in force head every format; a CSV has no head but its columns, so each row says it.
  const rules = format === "csv" ? rulesInForce(ruleSet, version(), ctx.locale) : "";
  let first = true;

  const emit = (row: AssessedRow, adviceJson?: string): void => {
    summary.add(row);
    if (keepForReport && kept.length < REPORT_ROWS) kept.push(row);
    if (format === "ndjson") out.write(`${rowJson(row, adviceJson)}\n`);
    else if (format === "json") {
      out.write(`${first ? "" : ",\n"}${rowJson(row, adviceJson)}`);
      first = false;
    } else if (format === "csv") out.write(csvRow(ruleSet, row, rules, csv.delimiter));
  };

  // CSV rows share their header: its layout is worked out once. JSON objects bring their own
  // keys, and rows with the same keys share a layout too.
  let header: readonly string[] | undefined;
  let layout: Layout | undefined;
  const layouts = new Map<string, Layout>();
  let tabular = false;
  let headerChecked = false;
  const handle = (record: InventoryRecord): void => {
    const { line } = record;
    const rowHeader = record.header;
    if (rowHeader === undefined) return emit({ line, name: null, error: (record as { error: string }).error });
    if (rowHeader !== header) {
      header = rowHeader;
      const key = header.join("\u0000");
      layout = layouts.get(key);
      if (layout === undefined) {
        layout = layoutOf(ruleSet, header);
        if (layouts.size < 1000) layouts.set(key, layout);
        columns.add(layout);
      }
    }
    // A broken row keeps the name its readable start gives.
    if ("error" in record)
      return emit({ line, name: record.cells?.[layout!.name]?.trim() || null, error: record.error });
    // A CSV or workbook header that answers nothing: every row would be a guess.
    if (!headerChecked && tabular && !answersAnything(layout!)) throw noQuestionError(ruleSet, header);
    headerChecked = true;
    const reading = readRow(ruleSet, layout!, record.cells);
    if ("skip" in reading) return summary.skip(reading.skip);
    if ("error" in reading) return emit({ line, name: reading.name, error: reading.error });
    const assessed = assessor.assess(reading.key, reading.given);
    const row: AssessedRow =
      "error" in assessed
        ? { line, name: reading.name, error: assessed.error }
        : { line, name: reading.name, advice: assessed.advice, sources: assessed.sources };
    if (reading.placement) row.placement = reading.placement;
    emit(row, "error" in assessed ? undefined : assessed.json);
  };
  try {
    if (format === "csv") out.write((csv.bom ? "\uFEFF" : "") + csvHeader(ruleSet, csv.delimiter));
    if (format === "json")
      out.write(
        `{${jsonValue({ ...warningsJson(ruleSet, ctx.locale), rules: rulesJson(ruleSet, version()), lang: ctx.locale.lang }).slice(1, -1)},"rows":[\n`,
      );
    let info: InputInfo;
    try {
      info = await readInventory(ctx.openInput(input)[Symbol.asyncIterator](), quote(shown), handle, {
        ...(flags.encoding ? { encoding: flags.encoding } : {}),
        onKind: (kind) => (tabular = kind === "csv" || kind === "xlsx"),
      });
    } catch (error) {
      if (error instanceof UsageError && !error.message.startsWith(quote(shown)))
        throw new UsageError(`${quote(shown)}: ${error.message}`, error.details);
      throw error;
    }
    if (info.records === 0)
      throw new UsageError(
        info.header
          ? `${quote(shown)} has a header but no rows: ${info.header.map((h) => JSON.stringify(h)).join(", ")}`
          : `${quote(shown)} is empty: expected a CSV with a header line, JSON lines, a JSON array or an xlsx workbook`,
      );
    if (!columns.anything && summary.result().invalid < info.records) throw noQuestionError(ruleSet, header ?? []);
    const warnings = [
      ...info.warnings.map((w) => problem({ file: shown }, "input", w, "warning")),
      ...columns.problems(ruleSet, defaults, shown),
    ];
    const result = summary.result();
    const context: ReportContext = {
      input: shown,
      kind: info.kind,
      encoding: info.encoding,
      defaults,
      rules: (ruleSet.policy?.layers ?? []).map((l) => l.path),
      overriddenHardFacts: (ruleSet.policy?.overriddenHardFacts ?? []).map((o) => o.rule),
      ignoredColumns: columns.ignoredColumns(),
      warnings: warnings.map((w) => w.message),
    };
    if (format === "json")
      out.write(
        `\n],"summary":${jsonValue({ ...result, input: context.input, defaults, ruleFiles: context.rules, ignoredColumns: context.ignoredColumns })},"problems":${jsonValue(warnings.map(problemJson))}}\n`,
      );
    else if (format === "markdown")
      out.write(markdownReport(result, kept, ruleSet, ctx.today(), version(), context, ctx.locale));
    else if (format === "html")
      out.write(htmlReport(result, kept, ruleSet, ctx.today(), version(), context, ctx.locale));
    else if (format === "summary")
      out.write(terminalSummary(result, ruleSet, createStyle(ctx.color), ctx.width, context, ctx.locale));
    out.close();
    for (const w of warnings) ctx.err(`warning: ${problemLine(w)}\n`);
    if (flags.output !== undefined) ctx.err(`Wrote ${result.rows.toLocaleString("en-US")} rows to ${flags.output}.\n`);
    if (result.invalid > 0) {
      ctx.err(
        `${result.invalid.toLocaleString("en-US")} row${result.invalid === 1 ? " was" : "s were"} invalid; ${result.invalid === 1 ? "it is" : "each is"} in the output with its line number and the reason.\n`,
      );
      return { code: 1 };
    }
    return { code: 0 };
  } catch (error) {
    // An earlier report at --output stays as it was.
    out.abort();
    throw error;
  }
}
