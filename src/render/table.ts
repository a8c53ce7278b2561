import type { Style } from "./style.js";
import { displayWidth, wrap } from "./wrap.js";

// Box tables drawn here rather than with cli-table3: cells are wrapped to fixed column widths
// before any colour is applied, so drawing is a single linear pass. cli-table3 measured every
// cell's width with an emoji-aware regex and laid out spans pairwise: 18 ms for the comparison
// table, and quadratic in the number of rows (11 s for 10,000 rules).

const line = (widths: readonly number[], left: string, middle: string, right: string): string =>
  `${left}${widths.map((w) => "─".repeat(w + 2)).join(middle)}${right}`;

/** One table row: each cell wrapped to its column, padded, and coloured after padding. */
function rowLines(
  cells: readonly string[],
  widths: readonly number[],
  colour: (text: string, column: number) => string,
): string[] {
  const wrapped = cells.map((text, i) => wrap(text, widths[i]!));
  const height = Math.max(...wrapped.map((w) => w.length));
  const lines: string[] = [];
  for (let l = 0; l < height; l++) {
    const parts = wrapped.map((w, i) => {
      const text = w[l] ?? "";
      return ` ${colour(text, i)}${" ".repeat(widths[i]! - displayWidth(text))} `;
    });
    lines.push(`│${parts.join("│")}│`);
  }
  return lines;
}

/** A box table whose columns have the given inner widths; the head is bold, and so are the columns `emphasise` names. */
export function boxTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  style: Style,
  emphasise: (column: number) => boolean = () => false,
): string {
  const out = [line(widths, "┌", "┬", "┐"), ...rowLines(head, widths, (text) => style.bold(text))];
  const separator = line(widths, "├", "┼", "┤");
  for (const row of rows)
    out.push(separator, ...rowLines(row, widths, (text, i) => (emphasise(i) ? style.bold(text) : text)));
  out.push(line(widths, "└", "┴", "┘"));
  return out.join("\n") + "\n";
}
