// English texts of rules list/show/check output: src/render/rule-listing.ts.

import { formatFor } from "../format.js";

const f = formatFor("en");

export const listing = {
  /** "workload is gui or infrastructure" */
  clause: (question: string, values: readonly string[]) => `${question} is ${values.join(" or ")}`,
  always: "always",
  and: " and ",
  orClause: "; or ",
  listEnd: (rules: number) =>
    `${f.count(rules, { one: "rule", other: "rules" })}. \`vmvc rules show <id>\` prints one in full.`,
  /** The names of a rule's fields in `rules show`. */
  field: {
    option: "option",
    effect: "effect",
    when: "when",
    unless: "unless",
    reason: "reason",
    weight: "weight",
    remedy: "remedy",
    source: "source",
    link: "link",
    file: "file",
  },
  excluded: "excluded (a hard fact)",
  caution: "a caution (no points: something to confirm)",
  points: (effect: string) => `${effect} points`,
  sourceLine: (page: string, section: string, ref: string) => `${page}: ${section} (${ref})`,
  checked: (combinations: number, rules: number, seconds: number) =>
    `Checked ${f.count(combinations, { one: "combination", other: "combinations" })} of answers against ${f.count(rules, { one: "rule", other: "rules" })} in ${seconds.toFixed(2)} s.`,
  perCombination: "Recommended per combination:",
  nothingFits: "nothing fits",
  allGood: "Every rule fires and matters, and every option can win.",
  severity: { error: "error", warning: "warning", info: "info" },
  example: "e.g.",
  totals: (errors: number, warnings: number) =>
    `${f.count(errors, { one: "error", other: "errors" })}, ${f.count(warnings, { one: "warning", other: "warnings" })}.`,
};
