import type { Answers, Clause, Question, Rule, RuleSet } from "../../src/engine/model.js";
import { pointsOf } from "../../src/engine/model.js";

// A naive reading of the rule semantics, written from product.md and the rule file's documented
// meaning (model.ts's comments, the schema), not from the engine's code: no bitsets, no sweeps,
// every completion of the unknown answers enumerated one by one. Slow on purpose; tests hold the
// compiled engine to it on small generated rule sets.

const UNKNOWN = "unknown";

/** A clause holds when every question it lists has one of the listed values (an empty one always holds). */
const holds = (clause: Clause, answers: Answers): boolean =>
  Object.entries(clause).every(([q, values]) => Object.hasOwn(answers, q) && values.includes(answers[q]!));

/** A rule applies when any `when` clause holds and no `unless` clause does. */
export const applies = (rule: Rule, answers: Answers): boolean =>
  rule.when.some((c) => holds(c, answers)) && !rule.unless.some((c) => holds(c, answers));

export interface ReferenceResult {
  recommendation: string | null;
  scores: Record<string, number>;
  eligible: Record<string, boolean>;
  /** The tie-break order in force: the first conditional one whose conditions hold, else the default. */
  order: string[];
  /** The conditional tie-break in force, if any. */
  tieRule: string | undefined;
  /** Options best first: eligible before ruled out, then by score, then in the order in force. */
  ranking: string[];
  /** Rules that applied, in rule order. */
  applied: Rule[];
  /** The best score among the other eligible options, taken from the winner's; null when it stands alone or nothing fits. */
  lead: number | null;
}

export function referenceEvaluate(ruleSet: RuleSet, answers: Answers): ReferenceResult {
  const applied = ruleSet.rules.filter((r) => applies(r, answers));
  const scores: Record<string, number> = {};
  const eligible: Record<string, boolean> = {};
  for (const o of ruleSet.options) {
    scores[o.id] = 0;
    eligible[o.id] = true;
  }
  for (const r of applied) {
    if ("exclude" in r.effect) eligible[r.effect.option] = false;
    else scores[r.effect.option]! += pointsOf(r.effect);
  }
  const tie = ruleSet.tieBreaks.find((t) => t.when.some((c) => holds(c, answers)));
  const order = tie?.order ?? ruleSet.tieBreak;
  const rank = (id: string) => order.indexOf(id);
  const ranking = ruleSet.options
    .map((o) => o.id)
    .sort((a, b) => Number(eligible[b]) - Number(eligible[a]) || scores[b]! - scores[a]! || rank(a) - rank(b));
  const recommendation = eligible[ranking[0]!] ? ranking[0]! : null;
  const others = ranking.slice(1).filter((id) => eligible[id]);
  const lead =
    recommendation === null || others.length === 0
      ? null
      : scores[recommendation]! - Math.max(...others.map((id) => scores[id]!));
  return { recommendation, scores, eligible, order, tieRule: tie?.id, ranking, applied, lead };
}

/** Every full set of answers that keeps the known ones, in odometer order (the last question fastest). */
export function completions(ruleSet: RuleSet, answers: Answers): Answers[] {
  let all: Answers[] = [{}];
  for (const q of ruleSet.questions) {
    const given = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    const values = given !== undefined && given !== UNKNOWN ? [given] : q.choices.map((c) => c.value);
    all = all.flatMap((a) => values.map((v) => ({ ...a, [q.id]: v })));
  }
  return all;
}

export interface ReferenceDependence {
  question: string;
  byValue?: Record<string, string | null>;
  mixed?: true;
}

export interface ReferenceOutlook {
  recommendation: string | null;
  unknown: string[];
  combinations: number;
  share: number;
  nothingFits: number;
  outcomes: Record<string, number>;
  dependsOn: ReferenceDependence[];
  /** The first completion whose advice is the recommendation. */
  representative: Answers;
  /** Completions in which each option is eligible. */
  eligible: Record<string, number>;
  lead: number | null;
}

const isOpen = (answers: Answers, q: Question) => !Object.hasOwn(answers, q.id) || answers[q.id] === UNKNOWN;

/**
 * The outcome over every completion: the advice most often given; on equal counts the option
 * eligible in more completions; then the default tie-break order.
 */
export function referenceOutlook(ruleSet: RuleSet, answers: Answers): ReferenceOutlook {
  const cases = completions(ruleSet, answers).map((a) => ({ answers: a, result: referenceEvaluate(ruleSet, a) }));
  const outcomes: Record<string, number> = Object.fromEntries(
    [...ruleSet.options.map((o) => o.id), "none"].map((id) => [id, 0]),
  );
  const eligible: Record<string, number> = Object.fromEntries(ruleSet.options.map((o) => [o.id, 0]));
  for (const { result } of cases) {
    outcomes[result.recommendation ?? "none"]!++;
    for (const o of ruleSet.options) if (result.eligible[o.id]) eligible[o.id]!++;
  }
  let recommendation: string | null = null;
  for (const id of ruleSet.tieBreak) {
    if (outcomes[id] === 0) continue;
    if (
      recommendation === null ||
      outcomes[id]! > outcomes[recommendation]! ||
      (outcomes[id] === outcomes[recommendation] && eligible[id]! > eligible[recommendation]!)
    )
      recommendation = id;
  }
  const dependsOn: ReferenceDependence[] = [];
  for (const q of ruleSet.questions.filter((q) => isOpen(answers, q))) {
    // It matters when two completions that differ only in its answer get different advice...
    const groups = new Map<string, Set<string | null>>();
    const byValue = new Map<string, Set<string | null>>();
    for (const { answers: a, result } of cases) {
      const rest = JSON.stringify({ ...a, [q.id]: null });
      groups.set(rest, (groups.get(rest) ?? new Set()).add(result.recommendation));
      byValue.set(a[q.id]!, (byValue.get(a[q.id]!) ?? new Set()).add(result.recommendation));
    }
    if (![...groups.values()].some((s) => s.size > 1)) continue;
    // ...and it alone decides when each of its values always gets the same advice.
    if ([...byValue.values()].every((s) => s.size === 1))
      dependsOn.push({ question: q.id, byValue: Object.fromEntries([...byValue].map(([v, s]) => [v, [...s][0]!])) });
    else dependsOn.push({ question: q.id, mixed: true });
  }
  const shown = cases.find((c) => c.result.recommendation === recommendation) ?? cases[0]!;
  return {
    recommendation,
    unknown: ruleSet.questions.filter((q) => isOpen(answers, q)).map((q) => q.id),
    combinations: cases.length,
    share: outcomes[recommendation ?? "none"]! / cases.length,
    nothingFits: outcomes.none!,
    outcomes,
    dependsOn,
    representative: shown.answers,
    eligible,
    lead: recommendation === null ? null : shown.result.lead,
  };
}

export interface ReferenceWhatIf {
  question: string;
  from: string;
  answer: string;
  recommendation: string | null;
  margin: number | null;
  forced: boolean;
  dependsOn: string[];
}

/** Each other answer to a known question whose outlook recommends something else. */
export function referenceWhatIf(ruleSet: RuleSet, answers: Answers): ReferenceWhatIf[] {
  const now = referenceOutlook(ruleSet, answers).recommendation;
  const changes: ReferenceWhatIf[] = [];
  for (const q of ruleSet.questions) {
    if (isOpen(answers, q)) continue;
    const from = answers[q.id]!;
    for (const { value } of q.choices) {
      if (value === from) continue;
      const view = referenceOutlook(ruleSet, { ...answers, [q.id]: value });
      if (view.recommendation === now) continue;
      changes.push({
        question: q.id,
        from,
        answer: value,
        recommendation: view.recommendation,
        margin: view.recommendation === null ? null : view.lead,
        // Forced: the change rules the current recommendation out in every completion.
        forced: now !== null && view.eligible[now] === 0,
        dependsOn: view.dependsOn.map((d) => d.question),
      });
    }
  }
  return changes;
}

/** The margin of a shown case: the winner's points over the runner-up and the verdict the brief's thresholds give (6 clear, 3 moderate). */
export function referenceMargin(shown: Pick<ReferenceResult, "ranking" | "eligible" | "scores">) {
  const eligible = shown.ranking.filter((id) => shown.eligible[id]);
  const points = eligible.length > 1 ? shown.scores[eligible[0]!]! - shown.scores[eligible[1]!]! : null;
  const verdict =
    eligible.length === 0
      ? "none"
      : points === null
        ? "only-option"
        : points >= 6
          ? "clear"
          : points >= 3
            ? "moderate"
            : "narrow";
  return { points, runnerUp: eligible[1] ?? null, verdict };
}
