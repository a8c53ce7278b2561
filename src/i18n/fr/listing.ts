// Textes français : rules list/show/check output: src/render/rule-listing.ts.

import type { Messages } from "../en/index.js";

export const listing: Messages["listing"] = {};
