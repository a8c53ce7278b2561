import { UsageError } from "../errors.js";
import { compareCsv, compareJson, compareMarkdown } from "../render/compare-formats.js";
import { didYouMean } from "../suggest.js";
import { chooseFormat } from "./advise.js";
import type { Context } from "./context.js";

export const COMPARE_FORMATS = ["table", "markdown", "json", "csv"] as const;

export interface CompareFlags {
  json?: boolean;
  format?: string;
  rows?: string;
}

export async function runCompare(ctx: Context, flags: CompareFlags): Promise<number> {
  const format = chooseFormat(flags, COMPARE_FORMATS);
  const all = ctx.ruleSet.comparison;
  let rows = all;
  if (flags.rows !== undefined) {
    const ids = all.map((r) => r.id);
    const wanted = flags.rows
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (wanted.length === 0) throw new UsageError(`--rows needs row ids: ${ids.join(", ")}`);
    for (const id of wanted) {
      if (!ids.includes(id))
        throw new UsageError(`--rows "${id}" is not one of ${ids.join(", ")}${didYouMean(id, ids)}`);
    }
    rows = wanted.map((id) => all.find((r) => r.id === id)!);
  }
  if (format === "json") ctx.out(compareJson(ctx.ruleSet, rows));
  else if (format === "csv") ctx.out(compareCsv(ctx.ruleSet, rows));
  else if (format === "markdown") ctx.out(compareMarkdown(ctx.ruleSet, rows));
  else {
    const [{ compareTable }, { createStyle }] = await Promise.all([
      import("../render/compare-table.js"),
      import("../render/style.js"),
    ]);
    ctx.out(compareTable(ctx.ruleSet, rows, createStyle(ctx.color), ctx.width));
  }
  return 0;
}
