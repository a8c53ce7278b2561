import Table from "cli-table3";
import type { Style } from "./style.js";
import { wrap } from "./wrap.js";

// Box tables of human size, drawn by cli-table3 (the product's table library). Cells are
// wrapped here first, between words, so that cli-table3 never cuts a token; colour goes on
// after wrapping, line by line. cli-table3's layout grows with the square of the rows (its
// issue #68): long lists are printed as blocks instead (rule-listing.ts). cli-table3 is loaded
// with this module, which only compare loads, and required, not imported: a dynamic import()
// of it started Node's ES module loader, 8-10 ms more.

/** A box table whose columns have the given inner widths; the head is bold, and so are the columns `emphasise` names. */
export async function boxTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  style: Style,
  emphasise: (column: number) => boolean = () => false,
): Promise<string> {
  const cell = (text: string, i: number, colour: (t: string) => string): string =>
    wrap(text, widths[i]!)
      .map((line) => (line === "" ? line : colour(line)))
      .join("\n");
  const table = new Table({
    head: head.map((text, i) => cell(text, i, (t) => style.bold(t))),
    colWidths: widths.map((w) => w + 2),
    // vmvc colours the cells itself, and only where colour is on.
    style: { head: [], border: [], "padding-left": 1, "padding-right": 1 },
    wordWrap: false,
  });
  for (const row of rows) table.push(row.map((text, i) => cell(text, i, (t) => (emphasise(i) ? style.bold(t) : t))));
  return `${table.toString()}\n`;
}
