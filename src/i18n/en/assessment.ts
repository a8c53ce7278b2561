// English texts of assess's summary and reports: src/render/assessment.ts, report.ts.

import { formatFor, type Forms } from "../format.js";

const f = formatFor("en");
const workloads = (n: number): string => f.count(n, { one: "workload", other: "workloads" });

export const assessment = {
  /** A row without a name. */
  line: (line: number) => `line ${line}`,
  /** "if the host version is Windows Server 2016, Container with process isolation is ruled out" */
  isAnswer: (topic: string, label: string) => `${topic} is ${label}`,
  and: " and ",
  ruledOutIf: (conditions: string, option: string) => `if ${conditions}, ${option} is ruled out`,
  input: (input: string, kind: string, detail: string) => `Input: ${input} (${kind}, ${detail})`,
  sheet: "sheet vInfo",
  noFlags: "Answer flags: none; a question a row leaves out counts as unknown.",
  flagsApplied: (flags: string) => `Answer flags applied to every row that leaves the question out: ${flags}.`,
  shippedRules: "Rules: the shipped rules, drawn from Microsoft's documentation.",
  layeredRules: (files: string, overridden: string) =>
    `Rules: the shipped rules with ${files} layered over them${overridden === "" ? "" : `; the policy overrides the hard facts ${overridden}`}.`,
  assumedPerRow: (flag: string, rows: number) => `${flag} (${workloads(rows)})`,
  assumedWhere: (list: string) => `Assumed where the inventory does not say: ${list}.`,
  cautioned: (n: number) =>
    `${f.count(n, { one: "recommendation", other: "recommendations" })} ${n === 1 ? "carries" : "carry"} a caution: something to confirm before relying on it (the ndjson and csv outputs name it).`,
  ignored: (columns: string, more: number) => `Columns ignored: ${columns}${more > 0 ? ` and ${more} more` : ""}.`,
  nothingFits: "Nothing fits",
  invalidRows: "Invalid rows",
  /** The rows an inventory holds but are no workloads, by reason. */
  skipReasons: {
    template: { one: "template", other: "templates" },
    "SRM placeholder": { one: "SRM placeholder", other: "SRM placeholders" },
  } as Record<string, Forms>,
  skipped: (parts: string) => `Left out: ${parts}.`,
  assessed: (assessed: number, rows: number) => `Assessed ${f.number(assessed)} of ${workloads(rows)}.`,
  defaultsForRows: (flags: string) => `Assumed for rows that leave them out: ${flags}.`,
  commonestBlockers: "Commonest blockers",
  blocker: (rows: number, option: string, reason: string) => `${f.number(rows)} × ${option}: ${reason}`,
  worthConfirming: "Worth confirming",
  confirming: (topic: string, flag: string, rows: number) =>
    `Confirming ${topic} (${flag}) would settle the advice for ${workloads(rows)}.`,
  footer: "Every row: --format ndjson, csv or json; a report to share: --output report.html (or .md).",
  allCertain: "Every assessed workload's advice holds whatever the unknown answers are.",
  uncertain: (n: number, assessed: number) =>
    `${f.number(n)} of the ${f.count(assessed, { one: "assessed workload", other: "assessed workloads" })} ${n === 1 ? "has" : "have"} unknown answers that could change the advice.`,
  vmOnly: "VM-only",
  allToContainers: "all to containers",
  someToContainers: (containers: number, rows: number) => `${f.number(containers)} of ${f.number(rows)} to containers`,
  placement: { cluster: "Cluster", host: "Host", folder: "Folder", datacenter: "Datacenter" } as Record<string, string>,
  byPlacement: (placement: string) => `By ${placement.toLowerCase()}`,
  title: "Hosting assessment",
  date: (date: string) => `- Date: ${date}`,
  inputItem: (input: string) => `- Input: ${input}`,
  workloadsItem: (rows: number, assessed: number, invalid: number) =>
    `- Workloads: ${f.number(rows)} (${f.number(assessed)} assessed, ${f.number(invalid)} invalid)`,
  recommendations: "Recommendations",
  outcome: "Outcome",
  workloads: "Workloads",
  share: "Share",
  whatWasAssumed: "What was assumed",
  question: "Question",
  fromInput: "From the input",
  fromFlag: "From a flag",
  assumed: "Assumed",
  unknown: "Unknown",
  warnings: "Warnings:",
  rulesOut: "Rules out",
  why: "Why",
  rule: "Rule",
  source: "source",
  someAnswersMarkdown: "Ruled out only for some answers to the unknown questions (see each workload's condition):",
  someAnswersHtml: "Ruled out only for some answers to the unknown questions:",
  conditional: (option: string, rows: number, reason: string) => `${option}, ${workloads(rows)}: ${reason}`,
  nothingFitsHead: "Nothing fits",
  verdict: "Verdict",
  lineHead: "Line",
  name: "Name",
  recommendation: "Recommendation",
  certainty: "Certainty",
  invalid: (error: string) => `invalid: ${error}`,
  invalidHtml: "Invalid: ",
  firstMarkdown: (shown: number, rows: number) =>
    `The first ${f.number(shown)} of ${f.number(rows)} workloads are listed; \`--format csv\` gives every one.`,
  firstHtml: (shown: number, rows: number) =>
    `The first ${f.number(shown)} of ${f.number(rows)} workloads are listed; the CSV output has every one.`,
  chartLabel: "Workloads per recommendation",
  meta: (rows: number, assessed: number, invalid: number) =>
    `${workloads(rows)}, ${f.number(assessed)} assessed, ${f.number(invalid)} invalid`,
  madeWith: (origin: string) => `Made with vmvc's shipped rules (${origin}).`,
};
