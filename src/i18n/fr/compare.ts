// Textes français : the comparison table: src/render/compare-*.ts, cells.ts.

import type { Messages } from "../en/index.js";

export const compare: Messages["compare"] = {};
