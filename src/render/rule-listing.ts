import type { CheckReport } from "../engine/check.js";
import { jsonValue } from "../escape.js";
import type { Clause, Rule, RuleSet } from "../engine/model.js";
import { effectValue, isCaution, isExclusion } from "../engine/model.js";
import { sourceInfo } from "../engine/sources.js";
import type { Style } from "./style.js";
import { block } from "./wrap.js";
import { plural } from "../words.js";

// What `vmvc rules list`, `show` and `check` print.

const effectText = (rule: Rule): string => {
  const value = effectValue(rule.effect);
  return typeof value === "number" ? `${value > 0 ? "+" : ""}${value}` : value;
};

const clauseText = (clause: Clause): string => {
  const parts = Object.entries(clause).map(([q, values]) => `${q} is ${values.join(" or ")}`);
  return parts.length === 0 ? "always" : parts.join(" and ");
};

const conditionText = (clauses: readonly Clause[]): string => clauses.map(clauseText).join("; or ");

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
export function ruleBlocks(rules: readonly Rule[], style: Style, width: number): string {
  const blocks = rules.map((r) =>
    [
      style.bold(r.id),
      block(`${r.effect.option} · ${effectText(r)} · ${r.source}`, width, "    ", "  "),
      style.dim(block(r.reason, width, "  ")),
    ].join("\n"),
  );
  return `${blocks.join("\n\n")}\n\n${plural(rules.length, "rule")}. \`vmvc rules show <id>\` prints one in full.\n`;
}

/** One rule a line, fields separated by tabs, for grep, cut and awk. */
export const ruleLines = (rules: readonly Rule[]): string =>
  rules.map((r) => `${r.id}\t${r.effect.option}\t${effectText(r)}\t${r.source}\n`).join("");

export function ruleDetail(ruleSet: RuleSet, rule: Rule, style: Style, width: number): string {
  const info = sourceInfo(ruleSet, rule.source);
  const field = (name: string, value: string): string =>
    block(value, width, " ".repeat(10), `${style.bold(name.padEnd(8))}  `);
  const lines = [
    style.bold(rule.id),
    field("option", rule.effect.option),
    field(
      "effect",
      isExclusion(rule.effect)
        ? "excluded (a hard fact)"
        : isCaution(rule.effect)
          ? "a caution (no points: something to confirm)"
          : `${effectText(rule)} points`,
    ),
    field("when", conditionText(rule.when)),
    ...(rule.unless.length > 0 ? [field("unless", conditionText(rule.unless))] : []),
    field("reason", rule.reason),
    ...(rule.rationale !== undefined ? [field("weight", rule.rationale)] : []),
    ...(rule.remedy !== undefined ? [field("remedy", rule.remedy)] : []),
    field("source", `${info.page}: ${info.section} (${rule.source})`),
    `${style.bold("link".padEnd(8))}  ${style.link(info.url)}`, // never wrapped: it must stay copyable
    field("file", rule.file),
  ];
  return lines.join("\n") + "\n";
}

export function checkReportText(report: CheckReport, ruleCount: number, seconds: number, style: Style): string {
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  const out: string[] = [
    `Checked ${plural(report.combinations, "combination")} of answers against ${plural(ruleCount, "rule")} in ${seconds.toFixed(2)} s.`,
    "",
  ];
  out.push(style.bold("Recommended per combination:"));
  for (const [id, n] of Object.entries(report.recommended)) {
    if (id === "none" && n === 0) continue;
    const share = ((100 * n) / report.combinations).toFixed(1).padStart(5);
    out.push(
      `  ${(id === "none" ? "nothing fits" : id).padEnd(18)} ${n.toLocaleString("en-US").padStart(9)}  ${share}%`,
    );
  }
  out.push("");
  if (report.findings.every((f) => f.severity === "info"))
    out.push(style.good("Every rule fires and matters, and every option can win."));
  for (const f of report.findings) {
    const tag =
      f.severity === "error"
        ? style.bad("error")
        : f.severity === "warning"
          ? style.warn("warning")
          : style.accent("info");
    out.push(`${tag} ${f.kind}: ${f.message}`);
    for (const example of f.examples)
      out.push(
        `    e.g. ${Object.entries(example)
          .map(([q, v]) => `--${q} ${v}`)
          .join(" ")}`,
      );
  }
  out.push("", `${plural(errors, "error")}, ${plural(warnings, "warning")}.`);
  return out.join("\n") + "\n";
}
