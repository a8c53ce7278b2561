// Textes français : assess's summary and reports: src/render/assessment.ts, report.ts.

import type { Messages } from "../en/index.js";

export const assessment: Messages["assessment"] = {};
