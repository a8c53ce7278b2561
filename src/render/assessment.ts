import type { Answers, RuleSet } from "../engine/model.js";
import { jsonValue } from "../escape.js";
import { csvCell, htmlText as html, markdownCell, markdownText } from "./cells.js";
import { layersLine, linkNote, outcomeLabel, overrideWarnings } from "./report.js";
import { choiceLabel, optionLabel, sourceInfo } from "../engine/sources.js";
import type { RowAdvice } from "../inventory/assess.js";
import type { AssessedRow, Summary } from "../inventory/summary.js";
import type { Style } from "./style.js";
import { block } from "./wrap.js";
import { ENGLISH, type Locale } from "../i18n/index.js";

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
const rowName = (row: AssessedRow, locale: Locale): string => row.name ?? locale.messages.assessment.line(row.line);

/** The one reason that decided a row, in words: why it got what it got. */
function whyText(
  ruleSet: RuleSet,
  advice: RowAdvice,
  locale: Locale,
): { text: string; url?: string; condition?: string } {
  const t = locale.messages.assessment;
  const excludedIf = advice.excluded.filter((e) => e.if !== undefined);
  const condition =
    excludedIf.length > 0
      ? t.ruledOutIf(
          Object.entries(excludedIf[0]!.if!)
            .map(([q, v]) => t.isAnswer(questionTopic(ruleSet, q), choiceLabel(ruleSet, q, v)))
            .join(t.and),
          optionLabel(ruleSet, excludedIf[0]!.option),
        )
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
function assumedLines(summary: Summary, context: ReportContext, locale: Locale): string[] {
  const t = locale.messages.assessment;
  const lines = [t.input(context.input, context.kind, context.kind === "xlsx" ? t.sheet : context.encoding)];
  const defaults = Object.entries(context.defaults);
  lines.push(defaults.length === 0 ? t.noFlags : t.flagsApplied(defaults.map(([q, v]) => `--${q} ${v}`).join(" ")));
  lines.push(
    context.rules.length === 0
      ? t.shippedRules
      : t.layeredRules(context.rules.join(", "), context.overriddenHardFacts.join(", ")),
  );
  if (summary.assumed.length > 0)
    lines.push(
      t.assumedWhere(summary.assumed.map((a) => t.assumedPerRow(`--${a.question} ${a.value}`, a.rows)).join(", ")),
    );
  if (summary.cautioned > 0) lines.push(t.cautioned(summary.cautioned));
  if (context.ignoredColumns.length > 0)
    lines.push(
      t.ignored(context.ignoredColumns.slice(0, 30).join(", "), Math.max(0, context.ignoredColumns.length - 30)),
    );
  return lines;
}

/** One row as a JSON object, built around the advice's cached JSON (escaped already). */
export function rowJson(row: AssessedRow, adviceJson: string | undefined): string {
  const head = `{"line":${row.line},"name":${jsonValue(row.name)},`;
  return adviceJson !== undefined ? `${head}${adviceJson}` : `${head}"error":${jsonValue(row.error)}}`;
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
const share = (n: number, of: number, locale: Locale): string => locale.format.percent(of === 0 ? 0 : n / of, 1);

interface Line {
  label: string;
  rows: number;
}

/** The outcome lines of a report: each option, nothing fits, invalid. */
function outcomeLines(summary: Summary, ruleSet: RuleSet, locale: Locale): Line[] {
  const t = locale.messages.assessment;
  return [
    ...ruleSet.options.map((o) => ({ label: o.label, rows: summary.outcomes[o.id] ?? 0 })),
    { label: t.nothingFits, rows: summary.outcomes.none ?? 0 },
    { label: t.invalidRows, rows: summary.invalid },
  ];
}

function skippedText(summary: Summary, locale: Locale): string {
  const t = locale.messages.assessment;
  const parts = Object.entries(summary.skipped).map(([reason, n]) =>
    locale.format.count(n, t.skipReasons[reason] ?? { one: reason, other: `${reason}s` }),
  );
  return parts.length === 0 ? "" : t.skipped(parts.join(", "));
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
  locale: Locale = ENGLISH,
): string {
  const t = locale.messages.assessment;
  const count = locale.format.number;
  const out: string[] = [style.bold(t.assessed(summary.assessed, summary.rows))];
  const skipped = skippedText(summary, locale);
  if (skipped) out.push(skipped);
  out.push("");
  const lines = outcomeLines(summary, ruleSet, locale);
  const labelWidth = Math.max(...lines.map((l) => l.label.length));
  const countWidth = Math.max(...lines.map((l) => count(l.rows).length));
  // Label, count, share and bar, two spaces apart: the bar takes what is left, up to 40.
  const barWidth = Math.min(40, width - (2 + labelWidth + 2 + countWidth + 2 + 6 + 2));
  for (const l of lines) {
    const bar = barWidth < 3 || summary.rows === 0 ? "" : "█".repeat(Math.round((barWidth * l.rows) / summary.rows));
    out.push(
      `  ${l.label.padEnd(labelWidth)}  ${count(l.rows).padStart(countWidth)}  ${share(l.rows, summary.rows, locale).padStart(6)}${bar ? `  ${style.accent(bar)}` : ""}`,
    );
  }
  if (context && Object.keys(context.defaults).length > 0)
    out.push(
      "",
      block(
        t.defaultsForRows(
          Object.entries(context.defaults)
            .map(([q, v]) => `--${q} ${v}`)
            .join(" "),
        ),
        width,
        "  ",
      ),
    );
  if (summary.blockers.length > 0) {
    out.push("", style.bold(t.commonestBlockers));
    for (const b of summary.blockers.slice(0, 5))
      out.push(
        block(
          t.blocker(b.rows, optionLabel(ruleSet, b.option), ruleOf(ruleSet, b.rule)?.reason ?? b.rule),
          width,
          "      ",
          "  ",
        ),
      );
  }
  if (summary.toConfirm.length > 0) {
    out.push("", style.bold(t.worthConfirming));
    for (const c of summary.toConfirm.slice(0, 3))
      out.push(block(t.confirming(questionTopic(ruleSet, c.question), `--${c.question}`, c.rows), width, "    ", "  "));
  }
  out.push("", style.dim(block(t.footer, width, "")));
  return out.join("\n") + "\n";
}

/** Rows shown in a report's table; the rest are counted, and the CSV has them all. */
export const REPORT_ROWS = 2_000;

const uncertainText = (summary: Summary, locale: Locale): string =>
  summary.uncertain === 0
    ? locale.messages.assessment.allCertain
    : locale.messages.assessment.uncertain(summary.uncertain, summary.assessed);

/** Per cluster: how many could move to a container, and whether it stays VM-only. */
function groupVerdict(ruleSet: RuleSet, outcomes: Record<string, number>, rows: number, locale: Locale): string {
  const t = locale.messages.assessment;
  const vm = ruleSet.options[0]?.id;
  const containers = Object.entries(outcomes)
    .filter(([o]) => o !== vm && o !== "none")
    .reduce((n, [, k]) => n + k, 0);
  if (containers === 0) return t.vmOnly;
  if (containers === rows) return t.allToContainers;
  return t.someToContainers(containers, rows);
}

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
  locale: Locale = ENGLISH,
): string {
  const t = locale.messages.assessment;
  const count = locale.format.number;
  const out: string[] = [
    `# ${t.title}`,
    "",
    ...overrideWarnings(ruleSet, locale).flatMap((warning) => [`> **${markdownText(warning)}**`, ""]),
    t.date(date),
    `- ${markdownText(layersLine(ruleSet, version, locale))}`,
    t.inputItem(markdownCell(context.input)),
    t.workloadsItem(summary.rows, summary.assessed, summary.invalid),
  ];
  const skipped = skippedText(summary, locale);
  if (skipped) out.push(`- ${skipped}`);
  out.push(
    "",
    `## ${t.recommendations}`,
    "",
    `| ${t.outcome} | ${t.workloads} | ${t.share} |`,
    "| --- | ---: | ---: |",
  );
  for (const l of outcomeLines(summary, ruleSet, locale))
    out.push(`| ${l.label} | ${count(l.rows)} | ${share(l.rows, summary.rows, locale)} |`);
  out.push("", uncertainText(summary, locale), "");

  out.push(`## ${t.whatWasAssumed}`, "");
  for (const line of assumedLines(summary, context, locale)) out.push(`- ${markdownCell(line)}`);
  out.push(
    "",
    `| ${t.question} | ${t.fromInput} | ${t.fromFlag} | ${t.assumed} | ${t.unknown} |`,
    "| --- | ---: | ---: | ---: | ---: |",
    ...answeredRows(summary, ruleSet).map(
      (a) =>
        `| ${markdownCell(a.topic)} (\`${a.question}\`) | ${count(a.row)} | ${count(a.default)} | ${count(a.assumed)} | ${count(a.unknown)} |`,
    ),
    "",
  );
  if (context.warnings.length > 0) {
    out.push(t.warnings, "");
    for (const w of context.warnings) out.push(`- ${markdownCell(w)}`);
    out.push("");
  }

  if (summary.blockers.length > 0) {
    out.push(
      `## ${t.commonestBlockers}`,
      "",
      `| ${t.rulesOut} | ${t.workloads} | ${t.why} | ${t.rule} |`,
      "| --- | ---: | --- | --- |",
    );
    for (const b of summary.blockers.slice(0, 10)) {
      const rule = ruleOf(ruleSet, b.rule);
      const info = rule ? sourceInfo(ruleSet, rule.source) : undefined;
      const note = rule ? linkNote(ruleSet, rule.source, locale) : "";
      out.push(
        `| ${markdownCell(optionLabel(ruleSet, b.option))} | ${count(b.rows)} | ${markdownCell(rule?.reason ?? "")}${info?.url ? ` [${t.source}](${info.url})${note}` : ""} | \`${b.rule}\` |`,
      );
    }
    out.push("");
  }
  if (summary.conditionalBlockers.length > 0) {
    out.push(t.someAnswersMarkdown, "");
    for (const b of summary.conditionalBlockers.slice(0, 10))
      out.push(
        `- ${t.conditional(markdownCell(optionLabel(ruleSet, b.option)), b.rows, markdownCell(ruleOf(ruleSet, b.rule)?.reason ?? b.rule))}`,
      );
    out.push("");
  }
  if (summary.toConfirm.length > 0) {
    out.push(`## ${t.worthConfirming}`, "");
    for (const c of summary.toConfirm)
      out.push(`- ${t.confirming(questionTopic(ruleSet, c.question), `\`--${c.question}\``, c.rows)}`);
    out.push("");
  }
  if (summary.groups && summary.groups.groups.length > 0) {
    const by = t.placement[summary.groups.by] ?? summary.groups.by;
    out.push(`## ${t.byPlacement(by)}`, "");
    out.push(
      `| ${by} | ${t.workloads} | ${ruleSet.options.map((o) => markdownCell(o.label)).join(" | ")} | ${t.nothingFitsHead} | ${t.verdict} |`,
      `| --- | ---: | ${ruleSet.options.map(() => "---:").join(" | ")} | ---: | --- |`,
    );
    for (const g of summary.groups.groups.slice(0, 200))
      out.push(
        `| ${markdownCell(g.name)} | ${count(g.rows)} | ${ruleSet.options.map((o) => count(g.outcomes[o.id] ?? 0)).join(" | ")} | ${count(g.outcomes.none ?? 0)} | ${groupVerdict(ruleSet, g.outcomes, g.rows, locale)} |`,
      );
    out.push("");
  }
  out.push(
    `## ${t.workloads}`,
    "",
    `| ${t.lineHead} | ${t.name} | ${t.recommendation} | ${t.why} | ${t.certainty} |`,
    "| ---: | --- | --- | --- | ---: |",
  );
  for (const row of rows.slice(0, REPORT_ROWS)) {
    if (!row.advice) {
      out.push(
        `| ${row.line} | ${markdownCell(rowName(row, locale))} | ${markdownCell(t.invalid(row.error ?? ""))} | | |`,
      );
      continue;
    }
    const why = whyText(ruleSet, row.advice, locale);
    const text = [why.text, why.condition ? `(${why.condition})` : ""].filter(Boolean).join(" ");
    out.push(
      `| ${row.line} | ${markdownCell(rowName(row, locale))} | ${markdownCell(outcomeLabel(ruleSet, row.advice.recommendation, locale))} | ${markdownCell(text)}${why.url ? ` <${why.url}>` : ""} | ${row.advice.recommendation === null ? "" : locale.format.percent(row.advice.certainty.share, 1)} |`,
    );
  }
  if (summary.rows > REPORT_ROWS) out.push("", t.firstMarkdown(REPORT_ROWS, summary.rows));
  return out.join("\n") + "\n";
}

/**
 * The outcomes as a chart: a table whose text is the page's own (readable at a phone's 390 px,
 * where a scaled-down SVG's text was about 6 px), each with a bar drawn in inline SVG that
 * stretches with its cell. No script, no external request; it prints as it shows.
 */
function barChart(lines: readonly Line[], total: number, locale: Locale): string {
  const rows = lines.map((l, i) => {
    const w = total === 0 ? 0 : Math.round((1000 * l.rows) / total) / 10;
    return `<tr><td>${html(l.label)}</td><td class="n">${locale.format.number(l.rows)}</td><td class="n">${share(l.rows, total, locale)}</td><td class="bar"><svg viewBox="0 0 100 16" preserveAspectRatio="none" width="100%" height="16" aria-hidden="true"><rect width="${w}" height="16" class="bar${i}"/></svg></td></tr>`;
  });
  return `<table class="chart" aria-label="${html(locale.messages.assessment.chartLabel)}"><tbody>\n${rows.join("\n")}\n</tbody></table>`;
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
  locale: Locale = ENGLISH,
): string {
  const t = locale.messages.assessment;
  const count = locale.format.number;
  const lines = outcomeLines(summary, ruleSet, locale);
  const skipped = skippedText(summary, locale);
  const sourceLink = (ref: string | undefined): string => {
    if (ref === undefined) return "";
    const a = link(sourceInfo(ruleSet, ref).url, t.source);
    return a === "" ? "" : `${a}${html(linkNote(ruleSet, ref, locale))}`;
  };
  const blockers = summary.blockers.slice(0, 10).map((b) => {
    const rule = ruleOf(ruleSet, b.rule);
    return `<tr><td>${html(optionLabel(ruleSet, b.option))}</td><td class="n">${count(b.rows)}</td><td>${html(rule?.reason ?? b.rule)} ${sourceLink(rule?.source)}</td><td class="rule"><code>${html(b.rule)}</code></td></tr>`;
  });
  const conditional = summary.conditionalBlockers
    .slice(0, 10)
    .map(
      (b) =>
        `<li>${t.conditional(html(optionLabel(ruleSet, b.option)), b.rows, html(ruleOf(ruleSet, b.rule)?.reason ?? b.rule))}</li>`,
    );
  const confirm = summary.toConfirm.map(
    (c) =>
      `<li>${t.confirming(html(questionTopic(ruleSet, c.question)), `<code>--${html(c.question)}</code>`, c.rows)}</li>`,
  );
  const assumed = assumedLines(summary, context, locale).map((l) => `<li>${html(l)}</li>`);
  const answered = answeredRows(summary, ruleSet).map(
    (a) =>
      `<tr><td>${html(a.topic)} <code>${html(a.question)}</code></td><td class="n">${count(a.row)}</td><td class="n">${count(a.default)}</td><td class="n">${count(a.assumed)}</td><td class="n">${count(a.unknown)}</td></tr>`,
  );
  const warnings = context.warnings.map((w) => `<li>${html(w)}</li>`);
  const by = summary.groups ? (t.placement[summary.groups.by] ?? summary.groups.by) : "";
  const groups = (summary.groups?.groups ?? [])
    .slice(0, 200)
    .map(
      (g) =>
        `<tr><td>${html(g.name)}</td><td class="n">${count(g.rows)}</td>${ruleSet.options.map((o) => `<td class="n">${count(g.outcomes[o.id] ?? 0)}</td>`).join("")}<td class="n">${count(g.outcomes.none ?? 0)}</td><td>${html(groupVerdict(ruleSet, g.outcomes, g.rows, locale))}</td></tr>`,
    );
  const table = rows.slice(0, REPORT_ROWS).map((row) => {
    if (!row.advice)
      return `<tr class="invalid"><td class="n">${row.line}</td><td>${html(rowName(row, locale))}</td><td>${html(t.invalidHtml)}${html(row.error ?? "")}</td><td></td><td class="n"></td></tr>`;
    const why = whyText(ruleSet, row.advice, locale);
    const deciding = row.advice.deciding ? ruleOf(ruleSet, row.advice.deciding.rule)?.source : undefined;
    const note = why.url && deciding ? html(linkNote(ruleSet, deciding, locale)) : "";
    return `<tr><td class="n">${row.line}</td><td>${html(rowName(row, locale))}</td><td>${html(outcomeLabel(ruleSet, row.advice.recommendation, locale))}</td><td>${html(why.text)} ${link(why.url, t.source)}${link(why.url, t.source) === "" ? "" : note}${why.condition ? `<br><span class="meta">${html(why.condition)}</span>` : ""}</td><td class="n">${row.advice.recommendation === null ? "" : locale.format.percent(row.advice.certainty.share, 1)}</td></tr>`;
  });
  return `<!doctype html>
<html lang="${locale.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(t.title)}</title>
<style>
body { font: 15px/1.5 system-ui, "Segoe UI", sans-serif; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2 { font-weight: 600; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #d0d0d0; padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.invalid td { color: #a4262c; }
a { color: #0063b1; }
table.chart td { border-bottom: none; vertical-align: middle; }
table.chart td.bar { width: 40%; min-width: 3rem; }
table.chart svg { display: block; }
.bar0 { fill: #0063b1; } .bar1 { fill: #498205; } .bar2 { fill: #8764b8; } .bar3 { fill: #ca5010; } .bar4 { fill: #a4262c; }
.meta { color: #555; }
.warning { color: #a4262c; }
table.wide { min-width: 36rem; }
@media (max-width: 40rem) { body { font-size: 14px; margin: 1rem auto; } th, td { padding: .25rem .3rem; } .rule { display: none; } table.chart td.bar { width: 30%; } }
@media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } a { color: inherit; } }
</style>
</head>
<body>
<h1>${html(t.title)}</h1>
${overrideWarnings(ruleSet, locale)
  .map((warning) => `<p class="warning"><strong>${html(warning)}</strong></p>\n`)
  .join("")}<p class="meta">${html(layersLine(ruleSet, version, locale))}</p>
<p class="meta">${html(date)} · ${html(context.input)} · ${html(t.meta(summary.rows, summary.assessed, summary.invalid))}${skipped ? ` · ${html(skipped)}` : ""}</p>
<h2>${html(t.recommendations)}</h2>
${barChart(lines, summary.rows, locale)}
<p>${html(uncertainText(summary, locale))}</p>
<h2>${html(t.whatWasAssumed)}</h2>
<ul>
${assumed.join("\n")}
</ul>
<div class="scroll"><table><thead><tr><th>${html(t.question)}</th><th class="n">${html(t.fromInput)}</th><th class="n">${html(t.fromFlag)}</th><th class="n">${html(t.assumed)}</th><th class="n">${html(t.unknown)}</th></tr></thead><tbody>
${answered.join("\n")}
</tbody></table></div>
${warnings.length > 0 ? `<p>${html(t.warnings)}</p>\n<ul>\n${warnings.join("\n")}\n</ul>` : ""}
${blockers.length > 0 ? `<h2>${html(t.commonestBlockers)}</h2>\n<div class="scroll"><table><thead><tr><th>${html(t.rulesOut)}</th><th class="n">${html(t.workloads)}</th><th>${html(t.why)}</th><th class="rule">${html(t.rule)}</th></tr></thead><tbody>\n${blockers.join("\n")}\n</tbody></table></div>` : ""}
${conditional.length > 0 ? `<p>${html(t.someAnswersHtml)}</p>\n<ul>\n${conditional.join("\n")}\n</ul>` : ""}
${confirm.length > 0 ? `<h2>${html(t.worthConfirming)}</h2>\n<ul>\n${confirm.join("\n")}\n</ul>` : ""}
${groups.length > 0 ? `<h2>${html(t.byPlacement(by))}</h2>\n<div class="scroll"><table class="wide"><thead><tr><th>${html(by)}</th><th class="n">${html(t.workloads)}</th>${ruleSet.options.map((o) => `<th class="n">${html(o.label)}</th>`).join("")}<th class="n">${html(t.nothingFitsHead)}</th><th>${html(t.verdict)}</th></tr></thead><tbody>\n${groups.join("\n")}\n</tbody></table></div>` : ""}
<h2>${html(t.workloads)}</h2>
<div class="scroll"><table class="wide"><thead><tr><th class="n">${html(t.lineHead)}</th><th>${html(t.name)}</th><th>${html(t.recommendation)}</th><th>${html(t.why)}</th><th class="n">${html(t.certainty)}</th></tr></thead><tbody>
${table.join("\n")}
</tbody></table></div>
${summary.rows > REPORT_ROWS ? `<p>${html(t.firstHtml(REPORT_ROWS, summary.rows))}</p>` : ""}
<p class="meta">${html(t.madeWith(locale.messages.advice.rulesOrigin))}</p>
</body>
</html>
`;
}
