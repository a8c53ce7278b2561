import type { RuleSet } from "../engine/model.js";
import { escapeJson, jsonValue } from "../escape.js";
import { csvCell, htmlText as html, markdownCell, markdownText } from "./cells.js";
import { layersLine, overrideWarnings } from "./report.js";
import { optionLabel, sourceInfo } from "../engine/sources.js";
import type { AssessedRow, Summary } from "../inventory/summary.js";
import type { Style } from "./style.js";
import { block } from "./wrap.js";
import { count, percent, plural } from "../words.js";
import { RULES_ORIGIN } from "./report.js";

// What `vmvc assess` writes: one line per row for machines, a report for people.

export const ASSESS_FORMATS = ["ndjson", "csv", "json", "markdown", "html"] as const;
export type AssessFormat = (typeof ASSESS_FORMATS)[number];

/** One row as a JSON object, built around the advice's cached JSON. */
export function rowJson(row: AssessedRow, adviceJson: string | undefined): string {
  const head = `{"line":${row.line},"name":${jsonValue(row.name)},`;
  return adviceJson !== undefined ? `${head}${escapeJson(adviceJson)}` : `${head}"error":${jsonValue(row.error)}}`;
}

export function csvHeader(ruleSet: RuleSet): string {
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
      "cautions",
      "assumed",
      ...ruleSet.questions.map((q) => q.id),
      "error",
      "rules",
    ].join(",") + "\r\n"
  );
}

/** One row; `rules` names the rules in force (rulesInForce), on every row, since a CSV has no other place for it. */
export function csvRow(ruleSet: RuleSet, row: AssessedRow, rules: string): string {
  const a = row.advice;
  const cells = a
    ? [
        String(row.line),
        row.name ?? "",
        a.recommendation ?? "none",
        a.margin === null ? "" : String(a.margin),
        String(Math.round(a.certainty.share * 1e4) / 1e4),
        a.certainty.dependsOn.map((d) => d.question).join(" "),
        String(a.certainty.nothingFits),
        a.excluded.map((e) => `${e.option}: ${e.reasons.join(" ")}`).join("; "),
        a.reasons.join(" "),
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
        ...ruleSet.questions.map(() => ""),
        row.error ?? "",
        rules,
      ];
  return cells.map(csvCell).join(",") + "\r\n";
}

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

/** "Assumed where not given: --devices none (12 workloads), …", and the rows with a caution. */
function assumedLines(summary: Summary): string[] {
  const lines: string[] = [];
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
  return lines;
}
const ruleOf = (ruleSet: RuleSet, id: string) => ruleSet.rules.find((r) => r.id === id);

/** The summary for a terminal: counts with a bar each, the commonest blockers, what to confirm. */
export function terminalSummary(summary: Summary, ruleSet: RuleSet, style: Style, width: number): string {
  const out: string[] = [style.bold(`Assessed ${count(summary.assessed)} of ${count(summary.rows)} workloads.`)];
  const skipped = skippedText(summary);
  if (skipped) out.push(skipped);
  out.push("");
  const lines = outcomeLines(summary, ruleSet);
  const labelWidth = Math.max(...lines.map((l) => l.label.length));
  const barWidth = Math.max(10, Math.min(40, width - labelWidth - 22));
  for (const l of lines) {
    const bar = "█".repeat(summary.rows === 0 ? 0 : Math.round((barWidth * l.rows) / summary.rows));
    out.push(
      `  ${l.label.padEnd(labelWidth)}  ${count(l.rows).padStart(8)}  ${percent(summary.rows === 0 ? 0 : l.rows / summary.rows, 1).padStart(6)}  ${style.accent(bar)}`,
    );
  }
  if (summary.blockers.length > 0) {
    out.push("", style.bold("Commonest blockers"));
    for (const b of summary.blockers.slice(0, 5))
      out.push(
        block(
          `${count(b.rows)} × ${b.option}: ${ruleOf(ruleSet, b.rule)?.reason ?? b.rule} (${b.rule})`,
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
  const assumed = assumedLines(summary);
  if (assumed.length > 0) out.push("", style.bold("Assumed"), ...assumed.map((l) => block(l, width, "    ", "  ")));
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

export function markdownReport(
  summary: Summary,
  rows: readonly AssessedRow[],
  ruleSet: RuleSet,
  date: string,
  version: string,
): string {
  const out: string[] = [
    "# Hosting assessment",
    "",
    ...overrideWarnings(ruleSet).flatMap((warning) => [`> **${markdownText(warning)}**`, ""]),
    `- Date: ${date}`,
    `- ${markdownText(layersLine(ruleSet, version))}`,
    `- Workloads: ${count(summary.rows)} (${count(summary.assessed)} assessed, ${count(summary.invalid)} invalid)`,
  ];
  const skipped = skippedText(summary);
  if (skipped) out.push(`- ${skipped}`);
  out.push("", "## Recommendations", "", "| Outcome | Workloads | Share |", "| --- | ---: | ---: |");
  for (const l of outcomeLines(summary, ruleSet))
    out.push(`| ${l.label} | ${count(l.rows)} | ${percent(summary.rows === 0 ? 0 : l.rows / summary.rows, 1)} |`);
  out.push(
    "",
    `${count(summary.uncertain)} of the assessed workloads have unknown answers that could change their advice.`,
    "",
  );
  if (summary.blockers.length > 0) {
    out.push("## Commonest blockers", "", "| Rule | Rules out | Workloads | Why |", "| --- | --- | ---: | --- |");
    for (const b of summary.blockers.slice(0, 10)) {
      const rule = ruleOf(ruleSet, b.rule);
      const info = rule ? sourceInfo(ruleSet, rule.source) : undefined;
      out.push(
        `| \`${b.rule}\` | ${markdownCell(optionLabel(ruleSet, b.option))} | ${count(b.rows)} | ${markdownCell(rule?.reason ?? "")}${info?.url ? ` [source](${info.url})` : ""} |`,
      );
    }
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
  const assumed = assumedLines(summary);
  if (assumed.length > 0) out.push("## Assumed", "", ...assumed.map((l) => `- ${l}`), "");
  out.push("## Workloads", "", "| Line | Name | Recommendation | Certainty |", "| ---: | --- | --- | ---: |");
  for (const row of rows.slice(0, REPORT_ROWS)) {
    const outcome = row.advice ? optionLabel(ruleSet, row.advice.recommendation) : `invalid: ${row.error}`;
    const share = row.advice ? percent(row.advice.certainty.share, 1) : "";
    out.push(`| ${row.line} | ${markdownCell(row.name ?? "")} | ${markdownCell(outcome)} | ${share} |`);
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
    return `<text x="0" y="${y + 18}">${html(l.label)}</text><rect x="${labelWidth}" y="${y + 6}" width="${w}" height="16" class="bar bar${i}"/><text x="${labelWidth + w + 6}" y="${y + 18}">${count(l.rows)} (${percent(total === 0 ? 0 : l.rows / total, 1)})</text>`;
  });
  return `<svg role="img" aria-label="Workloads per recommendation" viewBox="0 0 ${labelWidth + barWidth + 140} ${lines.length * rowHeight}" width="100%">${bars.join("")}</svg>`;
}

export function htmlReport(
  summary: Summary,
  rows: readonly AssessedRow[],
  ruleSet: RuleSet,
  date: string,
  version: string,
): string {
  const lines = outcomeLines(summary, ruleSet);
  const skipped = skippedText(summary);
  const blockers = summary.blockers.slice(0, 10).map((b) => {
    const rule = ruleOf(ruleSet, b.rule);
    return `<tr><td><code>${html(b.rule)}</code></td><td>${html(optionLabel(ruleSet, b.option))}</td><td class="n">${count(b.rows)}</td><td>${html(rule?.reason ?? "")}</td></tr>`;
  });
  const confirm = summary.toConfirm.map(
    (t) =>
      `<li>Confirming ${html(questionTopic(ruleSet, t.question))} (<code>--${html(t.question)}</code>) would settle the advice for ${plural(t.rows, "workload")}.</li>`,
  );
  const table = rows.slice(0, REPORT_ROWS).map((row) => {
    const outcome = row.advice ? optionLabel(ruleSet, row.advice.recommendation) : `Invalid: ${row.error ?? ""}`;
    return `<tr${row.advice ? "" : ' class="invalid"'}><td class="n">${row.line}</td><td>${html(row.name ?? "")}</td><td>${html(outcome)}</td><td class="n">${row.advice ? percent(row.advice.certainty.share, 1) : ""}</td></tr>`;
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
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #d0d0d0; padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.invalid td { color: #a4262c; }
svg text { font-size: 13px; fill: #1b1b1b; }
.bar0 { fill: #0063b1; } .bar1 { fill: #498205; } .bar2 { fill: #8764b8; } .bar3 { fill: #ca5010; } .bar4 { fill: #a4262c; }
.meta { color: #555; }
.warning { color: #a4262c; }
@media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>Hosting assessment</h1>
${overrideWarnings(ruleSet)
  .map((warning) => `<p class="warning"><strong>${html(warning)}</strong></p>\n`)
  .join("")}<p class="meta">${html(layersLine(ruleSet, version))}</p>
<p class="meta">${html(date)} · ${count(summary.rows)} workloads, ${count(summary.assessed)} assessed, ${count(summary.invalid)} invalid${skipped ? ` · ${html(skipped)}` : ""}</p>
<h2>Recommendations</h2>
${barChart(lines, summary.rows)}
<p>${count(summary.uncertain)} of the assessed workloads have unknown answers that could change their advice.</p>
${blockers.length > 0 ? `<h2>Commonest blockers</h2>\n<table><thead><tr><th>Rule</th><th>Rules out</th><th class="n">Workloads</th><th>Why</th></tr></thead><tbody>\n${blockers.join("\n")}\n</tbody></table>` : ""}
${confirm.length > 0 ? `<h2>Worth confirming</h2>\n<ul>\n${confirm.join("\n")}\n</ul>` : ""}
${
  assumedLines(summary).length > 0
    ? `<h2>Assumed</h2>\n<ul>\n${assumedLines(summary)
        .map((l) => `<li>${html(l)}</li>`)
        .join("\n")}\n</ul>`
    : ""
}
<h2>Workloads</h2>
<table><thead><tr><th class="n">Line</th><th>Name</th><th>Recommendation</th><th class="n">Certainty</th></tr></thead><tbody>
${table.join("\n")}
</tbody></table>
${summary.rows > REPORT_ROWS ? `<p>The first ${count(REPORT_ROWS)} of ${count(summary.rows)} workloads are listed; the CSV output has every one.</p>` : ""}
<p class="meta">Made with vmvc's shipped rules (${html(RULES_ORIGIN)}).</p>
</body>
</html>
`;
}
