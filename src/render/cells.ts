import { escapeControls } from "../escape.js";

// One cell of a table in a document format, whatever text it holds.

/** A Markdown table cell: a pipe would end the cell and a line break the row. */
export const markdownCell = (text: string): string =>
  escapeControls(text.replace(/\r\n|\r|\n/g, " ")).replace(/\|/g, "\\|");

/** A CSV cell: quoted when needed, and never read by a spreadsheet as a formula. */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
