// Textes français : rule-set and policy problems: src/ruleset/*.ts, src/errors.ts.

import type { Messages } from "../en/index.js";

export const problems: Messages["problems"] = {};
