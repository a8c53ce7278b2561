// Le catalogue français : du type de l’anglais, une clé manquante ne passe pas la vérification des types.

import type { Messages } from "../en/index.js";
import { advice } from "./advice.js";
import { assessment } from "./assessment.js";
import { cli } from "./cli.js";
import { compare } from "./compare.js";
import { inventory } from "./inventory.js";
import { listing } from "./listing.js";
import { problems } from "./problems.js";
import { prompts } from "./prompts.js";

export const fr: Messages = { advice, assessment, cli, compare, inventory, listing, problems, prompts };
