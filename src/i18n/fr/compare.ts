// Textes français du tableau comparatif : src/render/compare-*.ts, cells.ts.

import type { Messages } from "../en/index.js";

export const compare: Messages["compare"] = {
  feature: "Critère",
  optionHead: (label) => `${label}\u202f:`,
  sources: "Sources",
  sourcesLine: "Sources\u202f:",
};
