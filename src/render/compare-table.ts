import type { ComparisonRow, RuleSet } from "../engine/model.js";
import { cellSources, citations } from "./compare-formats.js";
import { ENGLISH, type Locale } from "../i18n/index.js";
import { linkNote } from "./report.js";
import type { Style } from "./style.js";
import { boxTable } from "./table.js";
import { block, BREAKABLE, displayWidth } from "./wrap.js";

/** Below this width four columns are unreadable; each row is printed as a block instead. */
export const STACKED_BELOW = 60;

const longestWord = (texts: readonly string[]): number =>
  Math.max(0, ...texts.flatMap((t) => t.split(BREAKABLE).map(displayWidth)));

/**
 * Column widths that fill `width`: the feature column narrow, the options sharing the rest as
 * evenly as they can; none narrower than its longest word, which is never split. Undefined
 * when that cannot fit.
 */
function columnWidths(
  width: number,
  head: readonly string[],
  cells: readonly (readonly string[])[],
): number[] | undefined {
  const available = width - (head.length + 1) - 2 * head.length; // borders, then a space each side of every cell
  const least = head.map((h, i) => longestWord([h, ...cells.map((row) => row[i]!)]));
  const options = least.slice(1);
  const room = available - options.reduce((a, b) => a + b, 0);
  if (room < least[0]!) return undefined;
  const target = Math.min(Math.max(least[0]!, Math.floor(available * 0.16)), Math.floor(available * 0.22));
  const feature = Math.max(least[0]!, Math.min(target, room));
  // Share what is left evenly; a column whose longest word needs more keeps that much.
  const widths = [...options];
  let rest = available - feature;
  let open = widths.map((_, i) => i);
  for (;;) {
    const share = Math.floor(rest / open.length);
    const wide = open.filter((i) => widths[i]! > share);
    if (wide.length === 0) {
      for (const i of open) widths[i] = share;
      break;
    }
    for (const i of wide) rest -= widths[i]!;
    open = open.filter((i) => !wide.includes(i));
    if (open.length === 0) break;
  }
  return [feature, ...widths];
}

/** The comparison as a box table, each cell marked with its sources, and the sources listed after it. */
export async function compareTable(
  ruleSet: RuleSet,
  rows: readonly ComparisonRow[],
  style: Style,
  width: number,
  locale: Locale = ENGLISH,
): Promise<string> {
  const { sources, marks } = citations(ruleSet, rows);
  const head = [locale.messages.compare.feature, ...ruleSet.options.map((o) => o.label)];
  const cells = rows.map((row) => [
    row.feature,
    ...ruleSet.options.map((o) => `${row.values[o.id] ?? ""} ${marks(cellSources(row, o.id))}`),
  ]);
  const widths = width < STACKED_BELOW ? undefined : columnWidths(width, head, cells);
  const table =
    widths === undefined
      ? compareStacked(ruleSet, rows, style, width, marks, locale)
      : await boxTable(head, cells, widths, style, (column) => column === 0);
  const list = sources.map((info, i) => {
    const tag = `[${i + 1}] `;
    const title = block(
      locale.messages.advice.sourceTitle(info.page, info.section),
      width,
      " ".repeat(tag.length),
      tag,
    );
    // The link is never wrapped: it must stay copyable.
    return info.url
      ? `${title}\n${" ".repeat(tag.length)}${style.dim(style.link(info.url))}${linkNote(ruleSet, info.ref, locale)}`
      : title;
  });
  return `${table}\n${style.bold(locale.messages.compare.sources)}\n${list.join("\n")}\n`;
}

function compareStacked(
  ruleSet: RuleSet,
  rows: readonly ComparisonRow[],
  style: Style,
  width: number,
  marks: (refs: readonly string[]) => string,
  locale: Locale,
): string {
  const out: string[] = [];
  for (const row of rows) {
    out.push(style.bold(block(row.feature, width, "")));
    for (const o of ruleSet.options) {
      out.push(style.dim(block(locale.messages.compare.optionHead(o.label), width, "  ")));
      out.push(block(`${row.values[o.id] ?? ""} ${marks(cellSources(row, o.id))}`, width, "    "));
    }
    out.push("");
  }
  return out.join("\n");
}
