// English texts of the comparison table: src/render/compare-*.ts, cells.ts.

export const compare = {
  /** The head of the first column, over the rows' names. */
  feature: "Feature",
  /** An option's name over its cell, where a narrow terminal stacks the table. */
  optionHead: (label: string) => `${label}:`,
  sources: "Sources",
  /** The line before the numbered sources under a Markdown table. */
  sourcesLine: "Sources:",
};
