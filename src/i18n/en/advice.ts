// English texts of the recommendation: src/render/advice-text.ts, advice-markdown.ts (text, Markdown decision record), report.ts.

import { formatFor } from "../format.js";

const f = formatFor("en");
const points = (n: number): string => f.count(n, { one: "point", other: "points" });

export const advice = {
  /** The connectives of a list of names: "a, b and c", "a or b". */
  and: "and",
  or: "or",
  /** Answers a what-if offers: "Desktop app or RDP or Server role". */
  choices: (labels: readonly string[]) => labels.join(" or "),
  whatIfLine: (change: string, text: string) => `${change}: ${text}`,
  /** What a what-if leads to when every option is ruled out. */
  nothing: "nothing (every option is ruled out)",
  // The rules in force (also in assess's reports).
  rulesOrigin: "facts from Microsoft's and Kubernetes' documentation, weights vmvc's own",
  policyLayer: (path: string, files: number, from: string) =>
    `${path} (${f.count(files, { one: "file", other: "files" })}, from ${from})`,
  layersLine: (version: string, origin: string, policies: readonly string[]) =>
    `Rules in force: vmvc ${version}'s shipped rules (${origin})${policies.length > 0 ? `, then ${policies.join(", then ")}` : ""}.`,
  overrideWarning: (file: string, rule: string) =>
    `Warning: ${file} overrides the hard fact "${rule}"; the advice may recommend what the sources say cannot work.`,
  /** " (if --edition standard)": a reason that rests on an unknown answer. */
  assumes: (flags: string) => ` (if ${flags})`,
  /** A link to an English page in another language's output: nothing to say in English. */
  inEnglish: "",
  // What the advice is when answers are unknown.
  whatever: (option: string, topics: string) => `${option}, whatever ${topics}.`,
  adviceForSome: (mine: number, total: number, topic: string, values: string) =>
    `The advice for ${mine} of the ${total} answers to ${topic} (${values}).`,
  adviceIn: (n: number, space: number, topics: string) =>
    `The advice in ${n} of the ${f.count(space, { one: "combination", other: "combinations" })} of answers to ${topics}.`,
  dependsOn: (topic: string, cases: string) => `Depends on ${topic}: ${cases}.`,
  alsoDepends: (topics: string) => `It also depends on ${topics}, in combination.`,
  nothingFitsForSome: (none: number, total: number, topic: string, values: string) =>
    `Nothing fits for ${none} of the ${total} answers to ${topic} (${values}).`,
  nothingFitsIn: (n: number, space: number, topics: string) =>
    `Nothing fits in ${n} of the ${f.count(space, { one: "combination", other: "combinations" })} of answers to ${topics}.`,
  reasonsForCase: (flags: string) => `The reasons below are for one such case: ${flags}.`,

  // The text for a terminal.
  firmnessNone: "Changing any one answer would not change the recommendation.",
  firmnessForced: (forced: number) =>
    `Changing one answer would change the recommendation in ${f.count(forced, { one: "way", other: "ways" })}, each by ruling it out.`,
  firmness: (total: number, scored: number, forced: number) =>
    `Changing one answer would change the recommendation in ${f.count(total, { one: "way", other: "ways" })}: ${scored} by the points${forced > 0 ? `, ${forced} by ruling it out` : ""}.`,
  /** "--edition as Standard": the value taken for a question left open. */
  takenAs: (flag: string, label: string) => `${flag} as ${label}`,
  taking: (cases: string) => `taking ${cases}`,
  onlyOption: "It is the only option left; the scores only rank what it does well.",
  onlyOptionInCase:
    "In the case shown it is the only option left; other answers to the open questions leave more open.",
  everyRuledOut: "Every option is ruled out.",
  restsOnConfirm: "a lead that rests on what is still to confirm",
  verdict: { clear: "a clear lead", moderate: "a moderate lead", narrow: "a narrow call" },
  settledByDefault: (text: string) => `, settled by vmvc's own default order: ${text}`,
  settledByRule: (text: string) => `, settled by a tie-break rule: ${text}`,
  /** "5 points ahead of Virtual machine at 1 (taking …): a moderate lead." */
  margin: (lead: number, runnerUp: string, score: number, taking: string, words: string, settled: string) =>
    `${lead === 0 ? "Tied with" : `${points(lead)} ahead of`} ${runnerUp} at ${f.number(score)}${taking === "" ? "" : ` (${taking})`}: ${words}${settled}${settled.endsWith(".") ? "" : "."}`,
  nothingFits: "Nothing fits: every option is ruled out for these answers.",
  eachListed: "Each one is listed below with what blocks it and what would make it possible.",
  recommendation: "Recommendation:",
  score: (score: number) => `, score ${f.number(score)}`,
  but: (clause: string, mark: string, more: number) =>
    `, but ${clause} ${mark}${more > 0 ? ` (and ${more} more to confirm below)` : ""}`,
  toConfirm: "To confirm",
  why: (option: string) => `Why: ${option}`,
  against: "Against it",
  caseFor: (option: string) => `The case for ${option}, the next best`,
  ruledOut: "Ruled out",
  toMakePossible: (remedy: string) => `To make it possible: ${remedy}`,
  whatWouldChange: "What would change this",
  whatIfDependsOn: (flags: string) => ` (depends on ${flags})`,
  whatIf: (answers: string, from: string, to: string, dependsOn: string) =>
    `${answers}, not ${from} → ${to}${dependsOn}`,
  moreWhatIfs: (n: number) => `… and ${n} more (--json lists all)`,
  nothingWouldChange: "Nothing: changing any one answer leaves the recommendation as it is.",
  assumed: (flags: string) =>
    `Assumed: ${flags}. Not given, so the advice takes these values; pass the flag if one differs.`,
  notAnswered: (flags: string, questions: number) =>
    `Not answered: ${flags}. No answer to ${questions === 1 ? "it" : "these"} could change the outcome.`,
  points: "Points",
  pointsTaking: (taking: string, questions: number) =>
    `Points, ${taking} (${questions === 1 ? "no answer to it" : "no answers to these"} could change the outcome)`,
  recommended: "(recommended)",
  notScored: (names: string) => `Ruled out, so not scored: ${names}.`,
  sources: "Sources",
  /** A source as "page: section". */
  sourceTitle: (page: string, section: string) => `${page}: ${section}`,
  runAgain: "Run it again without questions",

  // The decision record (Markdown).
  recordTitle: (workload: string, option: string) => `# Hosting decision: ${workload}, as ${option}`,
  workload: "Workload",
  decidedWithShipped: (version: string, origin: string) => `vmvc ${version}'s shipped rules (${origin})`,
  decidedWithPolicy: (shipped: string, layers: readonly string[]) =>
    `${shipped}, then the policy in ${layers.join(", then ")}`,
  policyFrom: (path: string, from: string) => `${path} (from ${from})`,
  status: "- Status: proposed",
  date: (date: string) => `- Date: ${date}`,
  decidedWith: (what: string) => `- Decided with: ${what}`,
  context: "## Context",
  contextHead: "| Question | Answer |",
  assumedAnswer: (label: string, value: string) => `Assumed: ${label} (${value}), as it was not given`,
  notSureAnswer: "_not sure: see To confirm_",
  notAskedAnswer: "_not asked: could not change the outcome_",
  assumedLine: (flags: string) => `Assumed: ${flags}.`,
  reproduce: (command: string) => `Reproduce with ${command}.`,
  decision: "## Decision",
  nothingFitsRecord:
    "Nothing fits: every option is ruled out. Each one is listed below with what blocks it and what would make it possible.",
  recordVerdict: { clear: "a clear lead", moderate: "a moderate lead", narrow: "a narrow call" },
  settlesDefault: "vmvc's own default order settles it",
  settlesRule: "a tie-break rule settles it",
  onlyOpen: "It is the only option the constraints leave open.",
  onlyOpenInCase: "In the case shown it is the only option the constraints leave open.",
  tiedRecord: (score: number, runnerUp: string, settled: string, text: string) =>
    `It scores ${f.number(score)}, tied with ${runnerUp}; ${settled}: ${text}`,
  aheadRecord: (score: number, lead: number, runnerUp: string, kind: string) =>
    `It scores ${f.number(score)}, ${points(lead)} ahead of ${runnerUp} (${kind}).`,
  weWillRun: (option: string, lead: string) => `We will run it as **${option}**. ${lead}`,
  toConfirmHeading: "## To confirm",
  holdsWhatever: "the decision holds whatever the answer",
  aloneCanChange: "this answer alone can change the decision",
  togetherCanChange: "this answer can change the decision, together with the others to confirm",
  confirmItem: (question: string, flag: string, impact: string) => `- ${question} (${flag}): ${impact}.`,
  optionsConsidered: "## Options considered",
  chosen: " (chosen)",
  ruledOutMarker: " (ruled out)",
  scoreLine: (score: number) => `Score: ${f.number(score)}`,
  ruledOutItem: (reason: string) => `- Ruled out: ${reason}`,
  remedyItem: (remedy: string) => `  - To make it possible: ${remedy}`,
  pro: (points: number, reason: string) => `- Pro (+${f.number(points)}): ${reason}`,
  con: (points: number, reason: string) => `- Con (${f.number(points)}): ${reason}`,
  consequences: "## Consequences",
  costs: "Costs we accept:",
  revisit: "Revisit this decision if any of these change:",
  insteadOf: (answer: string, from: string, flag: string, to: string) =>
    `- ${answer} instead of ${from} (${flag}): ${to}`,
  noSingleChange: "Changing any one answer would not change this decision.",
  sourcesHeading: "## Sources",
};
