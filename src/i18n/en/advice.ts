// English texts of the recommendation: src/render/advice-text.ts, advice-markdown.ts (text, Markdown decision record).

export const advice = {};
