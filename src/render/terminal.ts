// What a terminal or a document needs beyond JSON: loaded only for those outputs.
export { renderAdviceMarkdown } from "./advice-markdown.js";
export { renderAdviceText } from "./advice-text.js";
export { compareTable } from "./compare-table.js";
export { createStyle } from "./style.js";
