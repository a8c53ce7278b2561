// Textes français : the terminal prompts and process messages: src/shell/*.ts.

import type { Messages } from "../en/index.js";

export const prompts: Messages["prompts"] = {};
