import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { UsageError } from "../errors.js";
import type { RecordHandler } from "./record.js";

// RVTools' default export: an xlsx workbook with a sheet per tab, of which vInfo lists the VMs.
// Loaded only for workbooks (read.ts imports it when the input starts as a zip archive), and
// streamed: exceljs' WorkbookReader hands over one row at a time, so 100,000 VMs never sit
// in memory as a sheet.

const SHEET = "vinfo";

/** A cell's value as text: exceljs gives numbers, booleans, dates, rich text and formulas. */
function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((part) => part.text).join("");
    if (v.text !== undefined) return text(v.text);
    if (v.result !== undefined) return text(v.result);
    if (v.error !== undefined) return "";
  }
  return String(value);
}

/** Reads the vInfo sheet, calling `handle` once a row; returns its header. */
export async function readWorkbook(
  source: AsyncIterable<Buffer>,
  shown: string,
  handle: RecordHandler,
): Promise<readonly string[] | undefined> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(source), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const sheets: string[] = [];
  let header: string[] | undefined;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name ?? "";
      sheets.push(name);
      if (name.trim().toLowerCase() !== SHEET || header !== undefined) {
        // The other sheets are read through and dropped.
        for await (const _ of sheet) void _;
        continue;
      }
      for await (const row of sheet) {
        // row.values is 1-based, with gaps for empty cells.
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(text(values[i]).trim());
        if (header === undefined) header = cells;
        else if (cells.some((c) => c !== "")) handle({ line: row.number, header, cells });
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((m) => m.inventory.notXlsx(shown, error instanceof Error ? error.message : String(error)));
  }
  if (header === undefined)
    throw new UsageError((m) =>
      m.inventory.noVInfo(
        shown,
        sheets.length === 0 ? m.inventory.noSheets : sheets.map((s) => JSON.stringify(s)).join(", "),
      ),
    );
  return header;
}
