// Textes français : the recommendation: src/render/advice-text.ts, advice-markdown.ts (text, Markdown decision record).

import type { Messages } from "../en/index.js";

export const advice: Messages["advice"] = {};
