// Textes français : reading inventories: src/inventory/*.ts.

import type { Messages } from "../en/index.js";

export const inventory: Messages["inventory"] = {};
