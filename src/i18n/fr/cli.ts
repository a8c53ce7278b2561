// Textes français : commands, help and usage errors: src/program.ts, src/commands/*.ts.

import type { Messages } from "../en/index.js";

export const cli: Messages["cli"] = {};
