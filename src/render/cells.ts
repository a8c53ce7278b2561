import { escapeControls } from "../escape.js";

// Text from input in a document format: whatever it holds, it stays text. Names in an
// inventory, paths and messages that quote them reach Markdown, CSV and HTML reports that
// others open in renderers, spreadsheets and terminals.

// CommonMark lets any ASCII punctuation be escaped with a backslash, and the escape shows as the
// character alone. Escaped wherever they stand: what starts emphasis, code, links and images
// (brackets; parentheses mean nothing without them), raw HTML and entities, table cells,
// strike-through, maths ($) and e-mail autolinks (@). Where GFM reads them only in a pattern:
// the colon of "scheme://" and the dot of "www.". Where they mean something only at the start
// of a line (headings, lists, block quotes, rules, setext underlines): the first character.
const ANYWHERE = /[\\`*_[\]<>!&|~$@]/g;
const AUTOLINK = /:(?=\/\/)|(?<=\bwww)\./gi;
const LINE_START = /^(\s*)([#+\-=.>]|\d+(?=[.)]))/;

/** Text from input as Markdown that renders as exactly that text, on one line, in a table cell or at a line's start. */
export const markdownText = (text: string): string =>
  escapeControls(text.replace(/\r\n|\r|\n/g, " "))
    .replace(ANYWHERE, "\\$&")
    .replace(AUTOLINK, "\\$&")
    .replace(LINE_START, (_, space: string, mark: string) =>
      /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
    );

/** A Markdown table cell holding text from input: a pipe would end the cell, a line break the row, markup would render. */
export const markdownCell = markdownText;

/**
 * A code span around any text: the fence is one backtick longer than the longest run inside,
 * padded with spaces where the text starts or ends with a backtick, so nothing in it can end it.
 */
export function codeSpan(text: string): string {
  const inner = escapeControls(text.replace(/\r\n|\r|\n/g, " "));
  const longest = Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  // CommonMark strips one space each side when both are there, unless the span is all spaces.
  const pad = inner.startsWith("`") || inner.endsWith("`") || (/^ .* $/.test(inner) && inner.trim() !== "") ? " " : "";
  return `${fence}${pad}${inner}${pad}${fence}`;
}

/** Text from input in HTML: markup characters as entities, controls written out. */
export const htmlText = (text: string): string =>
  escapeControls(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

// A spreadsheet reads a cell as a formula when it starts with one of these. Excel splits a line
// on the locale's list separator (";" in French and German), and a cell it was given whole may
// be split again by "Text to Columns" on , or ;: every part such a split would start counts.
const FORMULA_PART = /(^|[,;])(\s*)([=+\-@\t\r])/g;

/** A CSV cell: controls written out, quoted when needed, and no part of it read by a spreadsheet as a formula. */
export function csvCell(text: string): string {
  const safe = escapeControls(text).replace(FORMULA_PART, "$1$2'$3");
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
