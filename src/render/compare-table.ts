import type { ComparisonRow, RuleSet } from "../engine/model.js";
import type { Style } from "./style.js";
import { boxTable } from "./table.js";
import { block, displayWidth } from "./wrap.js";

/** Below this width four columns are unreadable; each row is printed as a block instead. */
export const STACKED_BELOW = 60;

/** Column widths that fill `width`: the feature column narrow, the options sharing the rest. */
function columnWidths(width: number, rows: readonly ComparisonRow[], optionCount: number): number[] {
  const borders = optionCount + 2; // one more vertical line than columns
  const padding = 2 * (optionCount + 1);
  const available = width - borders - padding;
  const longestFeature = Math.max(...rows.map((r) => Math.max(...r.feature.split(" ").map(displayWidth))), 7);
  const feature = Math.min(Math.max(longestFeature, Math.floor(available * 0.16)), Math.floor(available * 0.22));
  const each = Math.floor((available - feature) / optionCount);
  return [feature, ...Array.from({ length: optionCount }, () => each)];
}

export function compareTable(ruleSet: RuleSet, rows: readonly ComparisonRow[], style: Style, width: number): string {
  if (width < STACKED_BELOW) return compareStacked(ruleSet, rows, style, width);
  const widths = columnWidths(width, rows, ruleSet.options.length);
  const head = ["Feature", ...ruleSet.options.map((o) => o.short)];
  const cells = rows.map((row) => [row.feature, ...ruleSet.options.map((o) => row.values[o.id] ?? "")]);
  return boxTable(head, cells, widths, style, (column) => column === 0);
}

function compareStacked(ruleSet: RuleSet, rows: readonly ComparisonRow[], style: Style, width: number): string {
  const out: string[] = [];
  for (const row of rows) {
    out.push(style.bold(block(row.feature, width, "")));
    for (const o of ruleSet.options) {
      out.push(style.dim(block(`${o.short}:`, width, "  ")));
      out.push(block(row.values[o.id] ?? "", width, "    "));
    }
    out.push("");
  }
  return out.join("\n");
}
