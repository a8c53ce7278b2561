import type { ComparisonRow, RuleSet } from "../engine/model.js";
import { jsonValue } from "../escape.js";
import { csvCell, markdownCell } from "./cells.js";
import { sourceInfo } from "../engine/sources.js";

/** Every source a row draws on: its own, then each cell's, once each. */
export function rowSources(row: ComparisonRow): string[] {
  return [...new Set([row.source, ...Object.values(row.cellSources ?? {}).flat()])];
}

export function compareJson(ruleSet: RuleSet, rows: readonly ComparisonRow[]): string {
  const data = {
    options: ruleSet.options.map(({ id, label }) => ({ id, label })),
    rows: rows.map(({ id, feature, source, values, cellSources }) => ({
      id,
      feature,
      source,
      values,
      ...(cellSources ? { cellSources } : {}),
    })),
  };
  return jsonValue(data, 2) + "\n";
}

export function compareCsv(ruleSet: RuleSet, rows: readonly ComparisonRow[]): string {
  const header = ["id", "feature", ...ruleSet.options.map((o) => o.id), "sources"];
  const lines = rows.map((r) => [
    r.id,
    r.feature,
    ...ruleSet.options.map((o) => r.values[o.id] ?? ""),
    rowSources(r).join(" "),
  ]);
  return [header, ...lines].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A table for a document, with the sources it draws on as numbered links after it. */
export function compareMarkdown(ruleSet: RuleSet, rows: readonly ComparisonRow[]): string {
  const refs = [...new Set(rows.flatMap(rowSources))];
  const marks = (list: readonly string[]) => list.map((ref) => `[${refs.indexOf(ref) + 1}]`).join("");
  const header = `| Feature | ${ruleSet.options.map((o) => o.short).join(" | ")} |`;
  const rule = `| --- | ${ruleSet.options.map(() => "---").join(" | ")} |`;
  const body = rows.map((r) => {
    const cells = ruleSet.options.map(
      (o) => `${markdownCell(r.values[o.id] ?? "")} ${marks(r.cellSources?.[o.id] ?? [r.source])}`,
    );
    return `| ${markdownCell(r.feature)} | ${cells.join(" | ")} |`;
  });
  const sources = refs.map((ref, i) => {
    const info = sourceInfo(ruleSet, ref);
    return `${i + 1}. [${markdownCell(info.page)}: ${markdownCell(info.section)}](${info.url})`;
  });
  return [header, rule, ...body, "", "Sources:", "", ...sources].join("\n") + "\n";
}
