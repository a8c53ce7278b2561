import type { Answers, RuleSet } from "../engine/model.js";
import { escapeJson, jsonValue } from "../escape.js";
import { csvCell, htmlText as html, markdownCell, markdownText } from "./cells.js";
import { layersLine, overrideWarnings, RULES_ORIGIN } from "./report.js";
import { choiceLabel, optionLabel, sourceInfo } from "../engine/sources.js";
import type { RowAdvice } from "../inventory/assess.js";
import type { AssessedRow, Summary } from "../inventory/summary.js";
import type { Style } from "./style.js";
import { block } from "./wrap.js";
import { count, percent, plural } from "../words.js";

// What `vmvc assess` writes: one line per row for machines, a report for people.

export const ASSESS_FORMATS = ["ndjson", "csv", "json", "markdown", "html"] as const;
export type AssessFormat = (typeof ASSESS_FORMATS)[number];

/** What a report says was assumed, beside the rows: where they came from and what filled the gaps. */
export interface ReportContext {
  input: string;
  kind: string;
  encoding: string;
  /** Answer flags applied to rows that leave a question out. */
  defaults: Answers;
  /** Rule files layered over the shipped rules. */
  rules: string[];
  overriddenHardFacts: string[];
  ignoredColumns: string[];
  warnings: string[];
}

/** "sql01", or "line 14" for a row without a name. */
const rowName = (row: AssessedRow): string => row.name ?? `line ${row.line}`;

/** The one reason that decided a row, in words: why it got what it got. */
function whyText(ruleSet: RuleSet, advice: RowAdvice): { text: string; url?: string; condition?: string } {
  const excludedIf = advice.excluded.filter((e) => e.if !== undefined);
  const condition =
    excludedIf.length > 0
      ? `if ${Object.entries(excludedIf[0]!.if!)
          .map(([q, v]) => `${questionTopic(ruleSet, q)} is ${choiceLabel(ruleSet, q, v)}`)
          .join(" and ")}, ${optionLabel(ruleSet, excludedIf[0]!.option)} is ruled out`
      : undefined;
  const d = advice.deciding;
  if (!d) return condition ? { text: "", condition } : { text: "" };
  const rule = ruleOf(ruleSet, d.rule);
  return {
    text: rule?.reason ?? d.rule,
    ...(d.sourceUrl ? { url: d.sourceUrl } : {}),
    ...(condition ? { condition } : {}),
  };
}

/** The lines of "What was assumed": input, defaults, policy, answers per question, columns ignored. */
function assumedLines(summary: Summary, ruleSet: RuleSet, context: ReportContext): string[] {
  const lines = [
    `Input: ${context.input} (${context.kind}${context.kind === "xlsx" ? ", sheet vInfo" : `, ${context.encoding}`})`,
  ];
  const defaults = Object.entries(context.defaults);
  lines.push(
    defaults.length === 0
      ? "Answer flags: none; a question a row leaves out counts as unknown."
      : `Answer flags applied to every row that leaves the question out: ${defaults.map(([q, v]) => `--${q} ${v}`).join(" ")}.`,
  );
  lines.push(
    context.rules.length === 0
      ? "Rules: the shipped rules, drawn from Microsoft's documentation."
      : `Rules: the shipped rules with ${context.rules.join(", ")} layered over them${context.overriddenHardFacts.length > 0 ? `; the policy overrides the hard facts ${context.overriddenHardFacts.join(", ")}` : ""}.`,
  );
  if (summary.assumed.length > 0)
    lines.push(
      `Assumed where the inventory does not say: ${summary.assumed
        .map((a) => `--${a.question} ${a.value} (${plural(a.rows, "workload")})`)
        .join(", ")}.`,
    );
  if (summary.cautioned > 0)
    lines.push(
      `${plural(summary.cautioned, "recommendation")} ${summary.cautioned === 1 ? "carries" : "carry"} a caution: something to confirm before relying on it (the ndjson and csv outputs name it).`,
    );
  if (context.ignoredColumns.length > 0)
    lines.push(
      `Columns ignored: ${context.ignoredColumns.slice(0, 30).join(", ")}${context.ignoredColumns.length > 30 ? ` and ${context.ignoredColumns.length - 30} more` : ""}.`,
    );
  void ruleSet;
  return lines;
}

/** One row as a JSON object, built around the advice's cached JSON. */
export function rowJson(row: AssessedRow, adviceJson: string | undefined): string {
  const head = `{"line":${row.line},"name":${jsonValue(row.name)},`;
  return adviceJson !== undefined ? `${head}${escapeJson(adviceJson)}` : `${head}"error":${jsonValue(row.error)}}`;
}

export function csvHeader(ruleSet: RuleSet, delimiter = ","): string {
  return (
    [
      "line",
      "name",
      "recommendation",
      "margin",
      "share",
      "depends_on",
      "nothing_fits",
      "excluded",
      "reasons",
      "why",
      "source",
      "cautions",
      "assumed",
      ...ruleSet.questions.map((q) => q.id),
      "error",
      "rules",
    ].join(delimiter) + "\r\n"
  );
}

/** One row for a spreadsheet: an empty recommendation is "nothing fits", as null is in JSON. */
export function csvRow(ruleSet: RuleSet, row: AssessedRow, rules: string, delimiter = ","): string {
  const a = row.advice;
  const cells = a
    ? [
        String(row.line),
        row.name ?? "",
        a.recommendation ?? "",
        a.margin.points === null ? "" : String(a.margin.points),
        String(Math.round(a.certainty.share * 1e4) / 1e4),
        a.certainty.dependsOn.map((d) => d.question).join(" "),
        String(a.certainty.nothingFits),
        a.excluded
          .map(
            (e) => `${e.option}: ${e.reasons.map((r) => r.rule).join(" ")}${e.if ? ` (if ${answersText(e.if)})` : ""}`,
          )
          .join(" / "),
        a.reasons.join(" "),
        a.deciding ? (ruleOf(ruleSet, a.deciding.rule)?.reason ?? a.deciding.rule) : "",
        a.deciding?.sourceUrl ?? "",
        a.cautions.join(" "),
        Object.keys(a.assumptions).join(" "),
        ...ruleSet.questions.map((q) => a.answers[q.id] ?? ""),
        "",
        rules,
      ]
    : [
        String(row.line),
        row.name ?? "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        ...ruleSet.questions.map(() => ""),
        row.error ?? "",
        rules,
      ];
  return cells.map(csvCell).join(delimiter) + "\r\n";
}

const answersText = (answers: Answers): string =>
  Object.entries(answers)
    .map(([q, v]) => `${q}=${v}`)
    .join(" ");

/** `n` of `of` as a percentage with one decimal ("0.0%" of nothing). */
const share = (n: number, of: number): string => percent(of === 0 ? 0 : n / of, 1);

interface Line {
  label: string;
  rows: number;
}

/** The outcome lines of a report: each option, nothing fits, invalid. */
function outcomeLines(summary: Summary, ruleSet: RuleSet): Line[] {
  return [
    ...ruleSet.options.map((o) => ({ label: o.label, rows: summary.outcomes[o.id] ?? 0 })),
    { label: "Nothing fits", rows: summary.outcomes.none ?? 0 },
    { label: "Invalid rows", rows: summary.invalid },
  ];
}

function skippedText(summary: Summary): string {
  const parts = Object.entries(summary.skipped).map(([reason, n]) => plural(n, reason));
  return parts.length === 0 ? "" : `Left out: ${parts.join(", ")}.`;
}

const questionTopic = (ruleSet: RuleSet, id: string): string => ruleSet.questions.find((q) => q.id === id)?.topic ?? id;
const ruleOf = (ruleSet: RuleSet, id: string) => ruleSet.rules.find((r) => r.id === id);

/** The summary for a terminal: counts with a bar each, the commonest blockers, what to confirm. */
export function terminalSummary(
  summary: Summary,
  ruleSet: RuleSet,
  style: Style,
  width: number,
  context?: ReportContext,
): string {
  const out: string[] = [style.bold(`Assessed ${count(summary.assessed)} of ${plural(summary.rows, "workload")}.`)];
  const skipped = skippedText(summary);
  if (skipped) out.push(skipped);
  out.push("");
  const lines = outcomeLines(summary, ruleSet);
  const labelWidth = Math.max(...lines.map((l) => l.label.length));
  const countWidth = Math.max(...lines.map((l) => count(l.rows).length));
  // Label, count, share and bar, two spaces apart: the bar takes what is left, up to 40.
  const barWidth = Math.min(40, width - (2 + labelWidth + 2 + countWidth + 2 + 6 + 2));
  for (const l of lines) {
    const bar = barWidth < 3 || summary.rows === 0 ? "" : "█".repeat(Math.round((barWidth * l.rows) / summary.rows));
    out.push(
      `  ${l.label.padEnd(labelWidth)}  ${count(l.rows).padStart(countWidth)}  ${share(l.rows, summary.rows).padStart(6)}${bar ? `  ${style.accent(bar)}` : ""}`,
    );
  }
  if (context && Object.keys(context.defaults).length > 0)
    out.push(
      "",
      block(
        `Assumed for rows that leave them out: ${Object.entries(context.defaults)
          .map(([q, v]) => `--${q} ${v}`)
          .join(" ")}.`,
        width,
        "  ",
      ),
    );
  if (summary.blockers.length > 0) {
    out.push("", style.bold("Commonest blockers"));
    for (const b of summary.blockers.slice(0, 5))
      out.push(
        block(
          `${count(b.rows)} × ${optionLabel(ruleSet, b.option)}: ${ruleOf(ruleSet, b.rule)?.reason ?? b.rule}`,
          width,
          "      ",
          "  ",
        ),
      );
  }
  if (summary.toConfirm.length > 0) {
    out.push("", style.bold("Worth confirming"));
    for (const t of summary.toConfirm.slice(0, 3))
      out.push(
        block(
          `Confirming ${questionTopic(ruleSet, t.question)} (--${t.question}) would settle the advice for ${plural(t.rows, "workload")}.`,
          width,
          "    ",
          "  ",
        ),
      );
  }
  out.push(
    "",
    style.dim(
      block("Every row: --format ndjson, csv or json; a report to share: --output report.html (or .md).", width, ""),
    ),
  );
  return out.join("\n") + "\n";
}

/** Rows shown in a report's table; the rest are counted, and the CSV has them all. */
export const REPORT_ROWS = 2_000;

const uncertainText = (summary: Summary): string =>
  summary.uncertain === 0
    ? `Every assessed workload's advice holds whatever the unknown answers are.`
    : `${count(summary.uncertain)} of the ${plural(summary.assessed, "assessed workload")} ${summary.uncertain === 1 ? "has" : "have"} unknown answers that could change the advice.`;

/** Per cluster: how many could move to a container, and whether it stays VM-only. */
function groupVerdict(ruleSet: RuleSet, outcomes: Record<string, number>, rows: number): string {
  const vm = ruleSet.options[0]?.id;
  const containers = Object.entries(outcomes)
    .filter(([o]) => o !== vm && o !== "none")
    .reduce((n, [, k]) => n + k, 0);
  if (containers === 0) return "VM-only";
  if (containers === rows) return "all to containers";
  return `${count(containers)} of ${count(rows)} to containers`;
}

const PLACEMENT_LABEL: Record<string, string> = {
  cluster: "Cluster",
  host: "Host",
  folder: "Folder",
  datacenter: "Datacenter",
};

/** The answers per question: from the input, from a flag, or unknown. */
const answeredRows = (summary: Summary, ruleSet: RuleSet) =>
  summary.answered.map((a) => ({ ...a, topic: questionTopic(ruleSet, a.question) }));

export function markdownReport(
  summary: Summary,
  rows: readonly AssessedRow[],
  ruleSet: RuleSet,
  date: string,
  version: string,
  context: ReportContext,
): string {
  const out: string[] = [
    "# Hosting assessment",
    "",
    ...overrideWarnings(ruleSet).flatMap((warning) => [`> **${markdownText(warning)}**`, ""]),
    `- Date: ${date}`,
    `- ${markdownText(layersLine(ruleSet, version))}`,
    `- Input: ${markdownCell(context.input)}`,
    `- Workloads: ${count(summary.rows)} (${count(summary.assessed)} assessed, ${count(summary.invalid)} invalid)`,
  ];
  const skipped = skippedText(summary);
  if (skipped) out.push(`- ${skipped}`);
  out.push("", "## Recommendations", "", "| Outcome | Workloads | Share |", "| --- | ---: | ---: |");
  for (const l of outcomeLines(summary, ruleSet))
    out.push(`| ${l.label} | ${count(l.rows)} | ${share(l.rows, summary.rows)} |`);
  out.push("", uncertainText(summary), "");

  out.push("## What was assumed", "");
  for (const line of assumedLines(summary, ruleSet, context)) out.push(`- ${markdownCell(line)}`);
  out.push(
    "",
    "| Question | From the input | From a flag | Unknown |",
    "| --- | ---: | ---: | ---: |",
    ...answeredRows(summary, ruleSet).map(
      (a) =>
        `| ${markdownCell(a.topic)} (\`${a.question}\`) | ${count(a.row)} | ${count(a.default)} | ${count(a.unknown)} |`,
    ),
    "",
  );
  if (context.warnings.length > 0) {
    out.push("Warnings:", "");
    for (const w of context.warnings) out.push(`- ${markdownCell(w)}`);
    out.push("");
  }

  if (summary.blockers.length > 0) {
    out.push("## Commonest blockers", "", "| Rules out | Workloads | Why | Rule |", "| --- | ---: | --- | --- |");
    for (const b of summary.blockers.slice(0, 10)) {
      const rule = ruleOf(ruleSet, b.rule);
      const info = rule ? sourceInfo(ruleSet, rule.source) : undefined;
      out.push(
        `| ${markdownCell(optionLabel(ruleSet, b.option))} | ${count(b.rows)} | ${markdownCell(rule?.reason ?? "")}${info?.url ? ` [source](${info.url})` : ""} | \`${b.rule}\` |`,
      );
    }
    out.push("");
  }
  if (summary.conditionalBlockers.length > 0) {
    out.push("Ruled out only for some answers to the unknown questions (see each workload's condition):", "");
    for (const b of summary.conditionalBlockers.slice(0, 10))
      out.push(
        `- ${markdownCell(optionLabel(ruleSet, b.option))}, ${plural(b.rows, "workload")}: ${markdownCell(ruleOf(ruleSet, b.rule)?.reason ?? b.rule)}`,
      );
    out.push("");
  }
  if (summary.toConfirm.length > 0) {
    out.push("## Worth confirming", "");
    for (const t of summary.toConfirm)
      out.push(
        `- Confirming ${questionTopic(ruleSet, t.question)} (\`--${t.question}\`) would settle the advice for ${plural(t.rows, "workload")}.`,
      );
    out.push("");
  }
  if (summary.groups && summary.groups.groups.length > 0) {
    const by = PLACEMENT_LABEL[summary.groups.by] ?? summary.groups.by;
    out.push(`## By ${by.toLowerCase()}`, "");
    out.push(
      `| ${by} | Workloads | ${ruleSet.options.map((o) => markdownCell(o.label)).join(" | ")} | Nothing fits | Verdict |`,
      `| --- | ---: | ${ruleSet.options.map(() => "---:").join(" | ")} | ---: | --- |`,
    );
    for (const g of summary.groups.groups.slice(0, 200))
      out.push(
        `| ${markdownCell(g.name)} | ${count(g.rows)} | ${ruleSet.options.map((o) => count(g.outcomes[o.id] ?? 0)).join(" | ")} | ${count(g.outcomes.none ?? 0)} | ${groupVerdict(ruleSet, g.outcomes, g.rows)} |`,
      );
    out.push("");
  }
  out.push(
    "## Workloads",
    "",
    "| Line | Name | Recommendation | Why | Certainty |",
    "| ---: | --- | --- | --- | ---: |",
  );
  for (const row of rows.slice(0, REPORT_ROWS)) {
    if (!row.advice) {
      out.push(`| ${row.line} | ${markdownCell(rowName(row))} | ${markdownCell(`invalid: ${row.error ?? ""}`)} | | |`);
      continue;
    }
    const why = whyText(ruleSet, row.advice);
    const text = [why.text, why.condition ? `(${why.condition})` : ""].filter(Boolean).join(" ");
    out.push(
      `| ${row.line} | ${markdownCell(rowName(row))} | ${markdownCell(optionLabel(ruleSet, row.advice.recommendation))} | ${markdownCell(text)}${why.url ? ` <${why.url}>` : ""} | ${row.advice.recommendation === null ? "" : percent(row.advice.certainty.share, 1)} |`,
    );
  }
  if (summary.rows > REPORT_ROWS)
    out.push(
      "",
      `The first ${count(REPORT_ROWS)} of ${count(summary.rows)} workloads are listed; \`--format csv\` gives every one.`,
    );
  return out.join("\n") + "\n";
}

/** A horizontal bar chart as inline SVG: no script, no external request, prints as it shows. */
function barChart(lines: readonly Line[], total: number): string {
  const rowHeight = 28;
  const labelWidth = 260;
  const barWidth = 360;
  const bars = lines.map((l, i) => {
    const w = total === 0 ? 0 : Math.round((barWidth * l.rows) / total);
    const y = i * rowHeight;
    return `<text x="0" y="${y + 18}">${html(l.label)}</text><rect x="${labelWidth}" y="${y + 6}" width="${w}" height="16" class="bar bar${i}"/><text x="${labelWidth + w + 6}" y="${y + 18}">${count(l.rows)} (${share(l.rows, total)})</text>`;
  });
  return `<svg role="img" aria-label="Workloads per recommendation" viewBox="0 0 ${labelWidth + barWidth + 140} ${lines.length * rowHeight}" width="100%">${bars.join("")}</svg>`;
}

/** A link to a source page; only http(s) addresses become links. */
const link = (url: string | undefined, text: string): string =>
  url && /^https?:\/\//.test(url) ? `<a href="${html(url)}">${html(text)}</a>` : "";

export function htmlReport(
  summary: Summary,
  rows: readonly AssessedRow[],
  ruleSet: RuleSet,
  date: string,
  version: string,
  context: ReportContext,
): string {
  const lines = outcomeLines(summary, ruleSet);
  const skipped = skippedText(summary);
  const blockers = summary.blockers.slice(0, 10).map((b) => {
    const rule = ruleOf(ruleSet, b.rule);
    const url = rule ? sourceInfo(ruleSet, rule.source).url : undefined;
    return `<tr><td>${html(optionLabel(ruleSet, b.option))}</td><td class="n">${count(b.rows)}</td><td>${html(rule?.reason ?? b.rule)} ${link(url, "source")}</td><td class="rule"><code>${html(b.rule)}</code></td></tr>`;
  });
  const conditional = summary.conditionalBlockers
    .slice(0, 10)
    .map(
      (b) =>
        `<li>${html(optionLabel(ruleSet, b.option))}, ${plural(b.rows, "workload")}: ${html(ruleOf(ruleSet, b.rule)?.reason ?? b.rule)}</li>`,
    );
  const confirm = summary.toConfirm.map(
    (t) =>
      `<li>Confirming ${html(questionTopic(ruleSet, t.question))} (<code>--${html(t.question)}</code>) would settle the advice for ${plural(t.rows, "workload")}.</li>`,
  );
  const assumed = assumedLines(summary, ruleSet, context).map((l) => `<li>${html(l)}</li>`);
  const answered = answeredRows(summary, ruleSet).map(
    (a) =>
      `<tr><td>${html(a.topic)} <code>${html(a.question)}</code></td><td class="n">${count(a.row)}</td><td class="n">${count(a.default)}</td><td class="n">${count(a.unknown)}</td></tr>`,
  );
  const warnings = context.warnings.map((w) => `<li>${html(w)}</li>`);
  const by = summary.groups ? (PLACEMENT_LABEL[summary.groups.by] ?? summary.groups.by) : "";
  const groups = (summary.groups?.groups ?? [])
    .slice(0, 200)
    .map(
      (g) =>
        `<tr><td>${html(g.name)}</td><td class="n">${count(g.rows)}</td>${ruleSet.options.map((o) => `<td class="n">${count(g.outcomes[o.id] ?? 0)}</td>`).join("")}<td class="n">${count(g.outcomes.none ?? 0)}</td><td>${html(groupVerdict(ruleSet, g.outcomes, g.rows))}</td></tr>`,
    );
  const table = rows.slice(0, REPORT_ROWS).map((row) => {
    if (!row.advice)
      return `<tr class="invalid"><td class="n">${row.line}</td><td>${html(rowName(row))}</td><td>Invalid: ${html(row.error ?? "")}</td><td></td><td class="n"></td></tr>`;
    const why = whyText(ruleSet, row.advice);
    return `<tr><td class="n">${row.line}</td><td>${html(rowName(row))}</td><td>${html(optionLabel(ruleSet, row.advice.recommendation))}</td><td>${html(why.text)} ${link(why.url, "source")}${why.condition ? `<br><span class="meta">${html(why.condition)}</span>` : ""}</td><td class="n">${row.advice.recommendation === null ? "" : percent(row.advice.certainty.share, 1)}</td></tr>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hosting assessment</title>
<style>
body { font: 15px/1.5 system-ui, "Segoe UI", sans-serif; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2 { font-weight: 600; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #d0d0d0; padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.invalid td { color: #a4262c; }
a { color: #0063b1; }
svg text { font-size: 13px; fill: #1b1b1b; }
.bar0 { fill: #0063b1; } .bar1 { fill: #498205; } .bar2 { fill: #8764b8; } .bar3 { fill: #ca5010; } .bar4 { fill: #a4262c; }
.meta { color: #555; }
.warning { color: #a4262c; }
.scroll svg { min-width: 34rem; }
table.wide { min-width: 36rem; }
@media (max-width: 40rem) { body { font-size: 14px; margin: 1rem auto; } th, td { padding: .25rem .3rem; } .rule { display: none; } }
@media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } a { color: inherit; } }
</style>
</head>
<body>
<h1>Hosting assessment</h1>
${overrideWarnings(ruleSet)
  .map((warning) => `<p class="warning"><strong>${html(warning)}</strong></p>\n`)
  .join("")}<p class="meta">${html(layersLine(ruleSet, version))}</p>
<p class="meta">${html(date)} · ${html(context.input)} · ${plural(summary.rows, "workload")}, ${count(summary.assessed)} assessed, ${count(summary.invalid)} invalid${skipped ? ` · ${html(skipped)}` : ""}</p>
<h2>Recommendations</h2>
<div class="scroll">${barChart(lines, summary.rows)}</div>
<p>${html(uncertainText(summary))}</p>
<h2>What was assumed</h2>
<ul>
${assumed.join("\n")}
</ul>
<div class="scroll"><table><thead><tr><th>Question</th><th class="n">From the input</th><th class="n">From a flag</th><th class="n">Unknown</th></tr></thead><tbody>
${answered.join("\n")}
</tbody></table></div>
${warnings.length > 0 ? `<p>Warnings:</p>\n<ul>\n${warnings.join("\n")}\n</ul>` : ""}
${blockers.length > 0 ? `<h2>Commonest blockers</h2>\n<div class="scroll"><table><thead><tr><th>Rules out</th><th class="n">Workloads</th><th>Why</th><th class="rule">Rule</th></tr></thead><tbody>\n${blockers.join("\n")}\n</tbody></table></div>` : ""}
${conditional.length > 0 ? `<p>Ruled out only for some answers to the unknown questions:</p>\n<ul>\n${conditional.join("\n")}\n</ul>` : ""}
${confirm.length > 0 ? `<h2>Worth confirming</h2>\n<ul>\n${confirm.join("\n")}\n</ul>` : ""}
${groups.length > 0 ? `<h2>By ${html(by.toLowerCase())}</h2>\n<div class="scroll"><table class="wide"><thead><tr><th>${html(by)}</th><th class="n">Workloads</th>${ruleSet.options.map((o) => `<th class="n">${html(o.label)}</th>`).join("")}<th class="n">Nothing fits</th><th>Verdict</th></tr></thead><tbody>\n${groups.join("\n")}\n</tbody></table></div>` : ""}
<h2>Workloads</h2>
<div class="scroll"><table class="wide"><thead><tr><th class="n">Line</th><th>Name</th><th>Recommendation</th><th>Why</th><th class="n">Certainty</th></tr></thead><tbody>
${table.join("\n")}
</tbody></table></div>
${summary.rows > REPORT_ROWS ? `<p>The first ${count(REPORT_ROWS)} of ${count(summary.rows)} workloads are listed; the CSV output has every one.</p>` : ""}
<p class="meta">Made with vmvc's shipped rules (${html(RULES_ORIGIN)}).</p>
</body>
</html>
`;
}
