// Textes français de rules list/show/check : src/render/rule-listing.ts.

import type { Messages } from "../en/index.js";
import { formatFor } from "../format.js";

const f = formatFor("fr");

export const listing: Messages["listing"] = {
  clause: (question, values) => `${question} vaut ${values.join(" ou ")}`,
  always: "toujours",
  and: " et ",
  orClause: " ; ou ",
  listEnd: (rules) =>
    `${f.count(rules, { one: "règle", other: "règles" })}. \`vmvc rules show <id>\` affiche une règle en entier.`,
  field: {
    option: "option",
    effect: "effet",
    when: "si",
    unless: "sauf si",
    reason: "raison",
    weight: "poids",
    remedy: "solution",
    source: "source",
    link: "lien",
    file: "fichier",
  },
  excluded: "exclusion (un fait incontournable)",
  caution: "une réserve (sans points : un point à confirmer)",
  points: (effect) => `${effect} points`,
  sourceLine: (page, section, ref) => `${page} : ${section} (${ref})`,
  checked: (combinations, rules, seconds) =>
    `${f.count(combinations, { one: "combinaison", other: "combinaisons" })} de réponses vérifiées avec ${f.count(rules, { one: "règle", other: "règles" })} en ${seconds.toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0s.`,
  perCombination: "Recommandation par combinaison :",
  nothingFits: "rien ne convient",
  allGood: "Chaque règle s’applique et compte, et chaque option peut l’emporter.",
  severity: { error: "erreur", warning: "avertissement", info: "info" },
  example: "p.\u00a0ex.",
  totals: (errors, warnings) =>
    `${f.count(errors, { one: "erreur", other: "erreurs" })}, ${f.count(warnings, { one: "avertissement", other: "avertissements" })}.`,
};
