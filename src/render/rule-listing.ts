import type { CheckReport } from "../engine/check.js";
import { jsonValue } from "../escape.js";
import type { Clause, Rule, RuleSet } from "../engine/model.js";
import { effectValue, isCaution, isExclusion } from "../engine/model.js";
import { sourceInfo } from "../engine/sources.js";
import { linkNote } from "./report.js";
import type { Style } from "./style.js";
import { block, displayWidth } from "./wrap.js";
import { ENGLISH, type Locale } from "../i18n/index.js";

// What `vmvc rules list`, `show` and `check` print.

const effectText = (rule: Rule): string => {
  const value = effectValue(rule.effect);
  return typeof value === "number" ? `${value > 0 ? "+" : ""}${value}` : value;
};

const clauseText = (clause: Clause, locale: Locale): string => {
  const t = locale.messages.listing;
  const parts = Object.entries(clause).map(([q, values]) => t.clause(q, values));
  return parts.length === 0 ? t.always : parts.join(t.and);
};

const conditionText = (clauses: readonly Clause[], locale: Locale): string =>
  clauses.map((c) => clauseText(c, locale)).join(locale.messages.listing.orClause);

export function ruleJson(ruleSet: RuleSet, rule: Rule) {
  return {
    id: rule.id,
    option: rule.effect.option,
    effect: effectValue(rule.effect),
    when: rule.when,
    unless: rule.unless,
    reason: rule.reason,
    ...(rule.rationale !== undefined ? { rationale: rule.rationale } : {}),
    ...(rule.remedy !== undefined ? { remedy: rule.remedy } : {}),
    source: rule.source,
    sourceUrl: sourceInfo(ruleSet, rule.source).url,
    file: rule.file,
  };
}

export const json = (data: unknown): string => jsonValue(data, 2) + "\n";

/**
 * The rules for a terminal, one block each as gh lists things: the id whole on its own line
 * (so it can be copied), what it does, and why. A long list is no box table: a box splits ids
 * across lines and its layout grows with the square of the rows.
 */
export function ruleBlocks(rules: readonly Rule[], style: Style, width: number, locale: Locale = ENGLISH): string {
  const blocks = rules.map((r) =>
    [
      style.bold(r.id),
      block(`${r.effect.option} · ${effectText(r)} · ${r.source}`, width, "    ", "  "),
      style.dim(block(r.reason, width, "  ")),
    ].join("\n"),
  );
  return `${blocks.join("\n\n")}\n\n${locale.messages.listing.listEnd(rules.length)}\n`;
}

/** One rule a line, fields separated by tabs, for grep, cut and awk. */
export const ruleLines = (rules: readonly Rule[]): string =>
  rules.map((r) => `${r.id}\t${r.effect.option}\t${effectText(r)}\t${r.source}\n`).join("");

export function ruleDetail(
  ruleSet: RuleSet,
  rule: Rule,
  style: Style,
  width: number,
  locale: Locale = ENGLISH,
): string {
  const t = locale.messages.listing;
  const info = sourceInfo(ruleSet, rule.source);
  // The names in a column as wide as the longest (8 in English), then two spaces.
  const nameWidth = Math.max(...Object.values(t.field).map(displayWidth));
  const name = (key: keyof typeof t.field): string =>
    style.bold(t.field[key] + " ".repeat(nameWidth - displayWidth(t.field[key])));
  const field = (key: keyof typeof t.field, value: string): string =>
    block(value, width, " ".repeat(nameWidth + 2), `${name(key)}  `);
  const lines = [
    style.bold(rule.id),
    field("option", rule.effect.option),
    field(
      "effect",
      isExclusion(rule.effect) ? t.excluded : isCaution(rule.effect) ? t.caution : t.points(effectText(rule)),
    ),
    field("when", conditionText(rule.when, locale)),
    ...(rule.unless.length > 0 ? [field("unless", conditionText(rule.unless, locale))] : []),
    field("reason", rule.reason),
    ...(rule.rationale !== undefined ? [field("weight", rule.rationale)] : []),
    ...(rule.remedy !== undefined ? [field("remedy", rule.remedy)] : []),
    field("source", t.sourceLine(info.page, info.section, rule.source)),
    // Never wrapped: it must stay copyable.
    `${name("link")}  ${style.link(info.url)}${linkNote(ruleSet, rule.source, locale)}`,
    field("file", rule.file),
  ];
  return lines.join("\n") + "\n";
}

export function checkReportText(
  report: CheckReport,
  ruleCount: number,
  seconds: number,
  style: Style,
  locale: Locale = ENGLISH,
): string {
  const t = locale.messages.listing;
  const { number, percent } = locale.format;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  const out: string[] = [t.checked(report.combinations, ruleCount, seconds), ""];
  out.push(style.bold(t.perCombination));
  for (const [id, n] of Object.entries(report.recommended)) {
    if (id === "none" && n === 0) continue;
    const share = percent(n / report.combinations, 1).padStart(locale.lang === "fr" ? 7 : 6);
    out.push(`  ${(id === "none" ? t.nothingFits : id).padEnd(18)} ${number(n).padStart(9)}  ${share}`);
  }
  out.push("");
  if (report.findings.every((f) => f.severity === "info")) out.push(style.good(t.allGood));
  for (const f of report.findings) {
    const tag =
      f.severity === "error"
        ? style.bad(t.severity.error)
        : f.severity === "warning"
          ? style.warn(t.severity.warning)
          : style.accent(t.severity.info);
    out.push(`${tag} ${f.kind}: ${f.message}`);
    for (const example of f.examples)
      out.push(
        `    ${t.example} ${Object.entries(example)
          .map(([q, v]) => `--${q} ${v}`)
          .join(" ")}`,
      );
  }
  out.push("", t.totals(errors, warnings));
  return out.join("\n") + "\n";
}
