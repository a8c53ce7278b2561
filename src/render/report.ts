import type { Certainty } from "../engine/certainty.js";
import { escapeControls, jsonValue } from "../escape.js";
import type { Advice } from "../engine/explain.js";
import type { Reason, RuleSet } from "../engine/model.js";
import { inOtherLanguage, optionLabel, sourceInfo } from "../engine/sources.js";
import { ENGLISH, type Locale } from "../i18n/index.js";

/** What every advice renderer receives. */
export interface Report {
  advice: Advice;
  ruleSet: RuleSet;
  /** The non-interactive command that reproduces this run, in pieces quoted for `shell`. */
  command: string[];
  shell: "posix" | "powershell";
  version: string;
  /** The reader's language: every text of the output, and its numbers. */
  locale: Locale;
}

/** An option's label, or the words for "nothing fits" in the reader's language. */
export const outcomeLabel = (ruleSet: RuleSet, id: string | null, locale: Locale): string =>
  id === null ? locale.messages.advice.nothing : optionLabel(ruleSet, id);

/** "a, b and c" with the reader's connectives (Intl's English list would add a comma before "and"). */
export const joinWords = (words: readonly string[], locale: Locale, last: "and" | "or" = "and"): string =>
  words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} ${locale.messages.advice[last]} ${words.at(-1)}`;

/**
 * What to write after a source link in the reader's language: " (en anglais)" in French output
 * when the linked page is in English (the French page's anchor is not known), else nothing.
 */
export const linkNote = (ruleSet: RuleSet, ref: string, locale: Locale): string =>
  inOtherLanguage(sourceInfo(ruleSet, ref), locale.lang) ? locale.messages.advice.inEnglish : "";

/** The rule layers in force, as outputs report them: the shipped rules, then each policy. */
export function layersOf(ruleSet: RuleSet, version: string): { path: string; from: string; files?: number }[] {
  return [{ path: "rules/", from: `vmvc ${version} (shipped)` }, ...(ruleSet.policy?.layers ?? [])];
}

/** What the shipped rules are: the sources hold the facts, the weights are vmvc's own. */
export const RULES_ORIGIN = ENGLISH.messages.advice.rulesOrigin;

/** "Rules in force: vmvc 1.0's shipped rules (…), then policy/ (3 files, from vmvc.config.json)." */
export function layersLine(ruleSet: RuleSet, version: string, locale: Locale = ENGLISH): string {
  const t = locale.messages.advice;
  const layers = ruleSet.policy?.layers ?? [];
  const policy = layers.map((l) => escapeControls(t.policyLayer(l.path, l.files!, l.from)));
  return t.layersLine(version, t.rulesOrigin, policy);
}

/** A warning for each hard fact a policy overrode: the advice may then recommend what cannot run. */
export const overrideWarnings = (ruleSet: RuleSet, locale: Locale = ENGLISH): string[] =>
  (ruleSet.policy?.overriddenHardFacts ?? []).map((o) => locale.messages.advice.overrideWarning(o.file, o.rule));

/** The rules in force as JSON outputs name them. */
export const rulesJson = (ruleSet: RuleSet, version: string) => ({
  layers: layersOf(ruleSet, version),
  overriddenHardFacts: ruleSet.policy?.overriddenHardFacts ?? [],
  addedValues: ruleSet.policy?.addedValues ?? [],
});

/** A policy that overrides a hard fact heads every output: `warnings` first, in JSON. */
export const warningsJson = (ruleSet: RuleSet, locale: Locale = ENGLISH): { warnings?: string[] } => {
  const warnings = overrideWarnings(ruleSet, locale);
  return warnings.length > 0 ? { warnings } : {};
};

/** "Rules in force: …", with any hard fact overridden, on one line: for a CSV cell or a report's header. */
export const rulesInForce = (ruleSet: RuleSet, version: string, locale: Locale = ENGLISH): string =>
  [layersLine(ruleSet, version, locale), ...overrideWarnings(ruleSet, locale)].join(" ");

/** The advice as scripts see it: the fields in the product brief, then the explanations. */
export function adviceJson({ advice, command, ruleSet, version, locale }: Report): string {
  const { recommendation, options, answers, certainty, assumed, assumptions, whatIf, excluded, skipped, margin } =
    advice;
  const withUrl = (r: Reason) => ({ ...r, sourceUrl: sourceInfo(ruleSet, r.source).url });
  const reasons = advice.reasons.map(withUrl);
  const cautions = advice.cautions.map(({ rule, option, text, source }) =>
    withUrl({ rule, option, effect: "caution", text, source }),
  );
  const rules = rulesJson(ruleSet, version);
  const { unknown, combinations, share, dependsOn, nothingFits } = certainty;
  const scriptable = { unknown, combinations, share, dependsOn, nothingFits, shares: shares(certainty) };
  return (
    jsonValue(
      {
        ...warningsJson(ruleSet, locale),
        // The language of the text fields (reasons, remedies, warnings); ids and keys never change.
        lang: locale.lang,
        recommendation,
        options,
        reasons,
        answers,
        certainty: scriptable,
        assumed,
        assumptions,
        cautions: cautions.map(({ rule, option, text, source, sourceUrl }) => ({
          rule,
          option,
          text,
          source,
          sourceUrl,
        })),
        margin,
        whatIf,
        excluded,
        skipped,
        command: command.join(" "),
        version,
        rules,
      },
      2,
    ) + "\n"
  );
}

/** Each outcome's share of the completions ("none": nothing fits), rounded to 4 places. */
export function shares(certainty: Certainty): Record<string, number> {
  return Object.fromEntries(
    Object.entries(certainty.outcomes).map(([id, n]) => [id, Math.round((n / certainty.combinations) * 1e4) / 1e4]),
  );
}

/** " (if --edition standard)" for a reason that rests on an unknown answer. */
export const assumption = (reason: Reason, locale: Locale = ENGLISH): string =>
  reason.assumes
    ? locale.messages.advice.assumes(
        Object.entries(reason.assumes)
          .map(([q, v]) => `--${q} ${v}`)
          .join(", "),
      )
    : "";

/** Reasons that weigh on one option, strongest first. */
export function weighing(advice: Advice, option: string, sign: 1 | -1) {
  return advice.reasons
    .filter((r) => r.option === option && typeof r.effect === "number" && Math.sign(r.effect) === sign)
    .sort((a, b) => Math.abs(b.effect as number) - Math.abs(a.effect as number));
}

export interface WhatIfGroup {
  question: string;
  from: string;
  answers: string[];
  recommendation: string | null;
  /** The current recommendation becomes impossible, rather than merely outscored. */
  forced: boolean;
  /** Unknown questions the new outcome still hangs on. */
  dependsOn: string[];
}

/**
 * What-ifs grouped by question and outcome. Changes that win on points come first: they show
 * how firm the advice is, while a change that rules the winner out (a Linux guest) is obvious.
 */
export function whatIfGroups(advice: Advice): WhatIfGroup[] {
  const groups: WhatIfGroup[] = [];
  for (const w of advice.whatIf) {
    const forced = w.forced;
    const same = (g: WhatIfGroup) =>
      g.question === w.question &&
      g.recommendation === w.recommendation &&
      g.forced === forced &&
      g.dependsOn.join() === w.dependsOn.join();
    const group = groups.find(same);
    if (group) group.answers.push(w.answer);
    else
      groups.push({
        question: w.question,
        from: w.from,
        answers: [w.answer],
        recommendation: w.recommendation,
        forced,
        dependsOn: w.dependsOn,
      });
  }
  return groups.sort((a, b) => Number(a.forced) - Number(b.forced));
}

/**
 * The picture when some answers are unknown: how sure the advice is and what it hangs on.
 * Counts are of the answers left open that change the advice, never of completions of
 * questions that cannot matter. Empty when every answer is known.
 */
export function outlookLines(advice: Advice, ruleSet: RuleSet, locale: Locale = ENGLISH): string[] {
  const t = locale.messages.advice;
  const { certainty, recommendation } = advice;
  // Questions left out because they cannot matter are reported apart ("not asked").
  const unsure = certainty.unknown.filter((id) => !advice.skipped.includes(id));
  if (unsure.length === 0 && certainty.share === 1) return [];
  const question = (id: string) => ruleSet.questions.find((q) => q.id === id)!;
  const topics = (ids: readonly string[]) =>
    joinWords(
      ids.map((id) => question(id).topic),
      locale,
    );
  const lines: string[] = [];
  const matters = certainty.dependsOn.map((d) => d.question);
  const space = matters.reduce((n, id) => n * question(id).choices.length, 1);
  // The advice is the same across the questions that do not matter, so shares scale exactly.
  const of = (completions: number) => Math.round((completions / certainty.combinations) * space);
  const single = certainty.dependsOn.length === 1 ? certainty.dependsOn[0]!.byValue : undefined;
  const byOutcome = (byValue: Record<string, string | null>) => {
    const groups = new Map<string, string[]>();
    for (const [value, outcome] of Object.entries(byValue))
      groups.set(outcome ?? "", [...(groups.get(outcome ?? "") ?? []), value]);
    return groups;
  };
  if (certainty.share === 1) lines.push(t.whatever(outcomeLabel(ruleSet, recommendation, locale), topics(unsure)));
  else {
    if (single) {
      const q = question(matters[0]!);
      const mine = byOutcome(single).get(recommendation ?? "") ?? [];
      lines.push(t.adviceForSome(mine.length, q.choices.length, q.topic, mine.join(", ")));
    } else {
      const n = of(certainty.outcomes[recommendation ?? "none"] ?? 0);
      lines.push(t.adviceIn(n, space, topics(matters)));
    }
    for (const d of certainty.dependsOn) {
      if (!d.byValue) continue;
      const cases = [...byOutcome(d.byValue)].map(
        ([outcome, values]) => `${joinWords(values, locale, "or")} → ${outcomeLabel(ruleSet, outcome || null, locale)}`,
      );
      lines.push(t.dependsOn(question(d.question).topic, cases.join(locale.lang === "fr" ? "\u202f; " : "; ")));
    }
    const mixed = certainty.dependsOn.filter((d) => d.mixed).map((d) => d.question);
    if (mixed.length > 0) lines.push(t.alsoDepends(topics(mixed)));
  }
  if (certainty.nothingFits > 0 && certainty.share < 1) {
    if (single) {
      const q = question(matters[0]!);
      const none = byOutcome(single).get("") ?? [];
      if (recommendation !== null)
        lines.push(t.nothingFitsForSome(none.length, q.choices.length, q.topic, none.join(", ")));
    } else lines.push(t.nothingFitsIn(of(certainty.nothingFits), space, topics(matters)));
  }
  const assumed = Object.entries(advice.assumed).map(([id, value]) => `--${id} ${value}`);
  if (certainty.share < 1 || certainty.dependsOn.length > 0) lines.push(t.reasonsForCase(assumed.join(" ")));
  return lines;
}

/** "--devices none, --identity none": the assumed values the advice took, or "" when none. */
export const assumptionsText = (advice: Advice): string =>
  Object.entries(advice.assumptions)
    .map(([id, value]) => `--${id} ${value}`)
    .join(", ");

/** A caution as a clause for the headline: "…, but <text>" without its final full stop. */
export const cautionClause = (reason: Reason): string => reason.text.replace(/\.$/, "");
