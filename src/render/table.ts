import Table from "cli-table3";
import type { Style } from "./style.js";
import { wrap } from "./wrap.js";

/**
 * A box table whose columns have the given inner widths. Cells are wrapped here, before any
 * colour, and cli-table3 is told to colour nothing: colour is decided once, by the caller.
 */
export function boxTable(head: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[], style: Style, emphasise: (column: number) => boolean = () => false): string {
  const cell = (text: string, i: number): string => wrap(text, widths[i]!).join("\n");
  const table = new Table({
    head: head.map((h, i) => style.bold(cell(h, i))),
    colWidths: widths.map((w) => w + 2),
    wordWrap: false,
    style: { head: [], border: [], "padding-left": 1, "padding-right": 1 },
  });
  for (const row of rows) table.push(row.map((text, i) => (emphasise(i) ? style.bold(cell(text, i)) : cell(text, i))));
  return table.toString() + "\n";
}
