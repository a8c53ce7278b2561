import type { ComparisonRow, RuleSet } from "../engine/model.js";
import { jsonValue } from "../escape.js";
import { csvCell, markdownCell } from "./cells.js";
import { sourceInfo } from "../engine/sources.js";
import { ENGLISH, type Locale } from "../i18n/index.js";
import { linkNote } from "./report.js";

/** Every source a row draws on: its own, then each cell's, once each. */
export function rowSources(row: ComparisonRow): string[] {
  return [...new Set([row.source, ...Object.values(row.cellSources ?? {}).flat()])];
}

/** The sources one cell draws on: its own where it has them, else the row's. */
export const cellSources = (row: ComparisonRow, option: string): readonly string[] =>
  row.cellSources?.[option] ?? [row.source];

/**
 * The sources a table cites, numbered in the order a reader meets them (row by row, cell by
 * cell), and the marks that point at them.
 */
export function citations(ruleSet: RuleSet, rows: readonly ComparisonRow[]) {
  const refs: string[] = [];
  for (const row of rows)
    for (const ref of ruleSet.options.flatMap((o) => cellSources(row, o.id))) if (!refs.includes(ref)) refs.push(ref);
  return {
    sources: refs.map((ref) => sourceInfo(ruleSet, ref)),
    marks: (list: readonly string[]): string => list.map((ref) => `[${refs.indexOf(ref) + 1}]`).join(""),
  };
}

export function compareJson(ruleSet: RuleSet, rows: readonly ComparisonRow[], locale: Locale = ENGLISH): string {
  const data = {
    // The language of the labels, features, cells and titles; ids and keys never change.
    lang: locale.lang,
    options: ruleSet.options.map(({ id, label }) => ({ id, label })),
    rows: rows.map(({ id, feature, source, values, cellSources }) => ({
      id,
      feature,
      source,
      sourceUrl: sourceInfo(ruleSet, source).url,
      values,
      ...(cellSources ? { cellSources } : {}),
    })),
    // Every source a row or a cell names, with its title and link.
    sources: [...new Set(rows.flatMap(rowSources))].map((ref) => sourceInfo(ruleSet, ref)),
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
export function compareMarkdown(ruleSet: RuleSet, rows: readonly ComparisonRow[], locale: Locale = ENGLISH): string {
  const t = locale.messages.compare;
  const { sources, marks } = citations(ruleSet, rows);
  const header = `| ${t.feature} | ${ruleSet.options.map((o) => markdownCell(o.label)).join(" | ")} |`;
  const rule = `| --- | ${ruleSet.options.map(() => "---").join(" | ")} |`;
  const body = rows.map((r) => {
    const cells = ruleSet.options.map((o) => `${markdownCell(r.values[o.id] ?? "")} ${marks(cellSources(r, o.id))}`);
    return `| ${markdownCell(r.feature)} | ${cells.join(" | ")} |`;
  });
  const list = sources.map(
    (info, i) =>
      `${i + 1}. [${locale.messages.advice.sourceTitle(markdownCell(info.page), markdownCell(info.section))}](${info.url})${linkNote(ruleSet, info.ref, locale)}`,
  );
  return [header, rule, ...body, "", t.sourcesLine, "", ...list].join("\n") + "\n";
}
