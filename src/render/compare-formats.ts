import type { ComparisonRow, RuleSet } from "../engine/model.js";

export function compareJson(ruleSet: RuleSet, rows: readonly ComparisonRow[]): string {
  const data = {
    options: ruleSet.options.map(({ id, label }) => ({ id, label })),
    rows: rows.map(({ id, feature, source, values }) => ({ id, feature, source, values })),
  };
  return JSON.stringify(data, null, 2) + "\n";
}

const csvCell = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function compareCsv(ruleSet: RuleSet, rows: readonly ComparisonRow[]): string {
  const header = ["id", "feature", ...ruleSet.options.map((o) => o.id), "source"];
  const lines = rows.map((r) => [r.id, r.feature, ...ruleSet.options.map((o) => r.values[o.id] ?? ""), r.source]);
  return [header, ...lines].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const mdCell = (text: string): string => text.replace(/\|/g, "\\|");

export function compareMarkdown(ruleSet: RuleSet, rows: readonly ComparisonRow[]): string {
  const header = `| Feature | ${ruleSet.options.map((o) => o.short).join(" | ")} |`;
  const rule = `| --- | ${ruleSet.options.map(() => "---").join(" | ")} |`;
  const body = rows.map((r) => `| ${mdCell(r.feature)} | ${ruleSet.options.map((o) => mdCell(r.values[o.id] ?? "")).join(" | ")} |`);
  return [header, rule, ...body].join("\n") + "\n";
}
