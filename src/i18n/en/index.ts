// The interface's English texts, by area. The French catalogue has the type of this one, so a
// key missing there fails the type check. Rule texts (questions, reasons, cells) are data in rules/.

import { advice } from "./advice.js";
import { assessment } from "./assessment.js";
import { cli } from "./cli.js";
import { compare } from "./compare.js";
import { inventory } from "./inventory.js";
import { listing } from "./listing.js";
import { problems } from "./problems.js";
import { prompts } from "./prompts.js";

export const en = { advice, assessment, cli, compare, inventory, listing, problems, prompts };

/** Every interface text: strings, and functions for texts with numbers or names in them. */
export type Messages = typeof en;
