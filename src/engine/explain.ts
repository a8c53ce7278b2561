import type { CompiledRuleSet } from "./compile.js";
import { createScratch, encode, evaluate, recommendIndex } from "./evaluate.js";
import type { Answers, OptionId, Question, Reason, Result, RuleSet } from "./model.js";
import { isExclusion } from "./model.js";

// Everything said about a result beyond the scores: how firm it is, what would change it,
// why the other options are out, and which questions cannot matter any more.

export interface WhatIf {
  question: string;
  /** The current answer. */
  from: string;
  /** The alternative answer. */
  answer: string;
  recommendation: OptionId | null;
  /** The new winner's lead over its runner-up. */
  margin: number | null;
  /** True when the change rules the current recommendation out, rather than outscoring it. */
  forced: boolean;
}

export type Verdict = "only-option" | "clear" | "moderate" | "narrow" | "none";

export interface Margin {
  points: number | null;
  runnerUp: OptionId | null;
  verdict: Verdict;
}

export interface Exclusion {
  option: OptionId;
  reasons: Reason[];
}

export interface Advice extends Result {
  margin: Margin;
  whatIf: WhatIf[];
  excluded: Exclusion[];
  /** Questions left unanswered because no answer to them could change the recommendation. */
  skipped: string[];
}

/** Thresholds in points between the winner and the runner-up. */
export const CLEAR_LEAD = 6;
export const MODERATE_LEAD = 3;

function verdictFor(points: number | null, eligibleCount: number): Verdict {
  if (eligibleCount === 0) return "none";
  if (points === null) return "only-option";
  return points >= CLEAR_LEAD ? "clear" : points >= MODERATE_LEAD ? "moderate" : "narrow";
}

export function marginOf(result: Result): Margin {
  const eligible = result.options.filter((o) => o.eligible);
  const [winner, runnerUp] = eligible;
  const points = winner && runnerUp ? winner.score - runnerUp.score : null;
  return { points, runnerUp: runnerUp?.id ?? null, verdict: verdictFor(points, eligible.length) };
}

/** For each answered question, each other answer that would change the recommendation. */
export function whatIf(c: CompiledRuleSet, result: Result): WhatIf[] {
  const codes = encode(c, result.answers);
  const scratch = createScratch(c);
  const currentIndex = c.ruleSet.options.findIndex((o) => o.id === result.recommendation);
  const changes: WhatIf[] = [];
  c.questionIds.forEach((id, q) => {
    const current = codes[q]!;
    if (current === c.sizes[q]) return;
    for (let v = 0; v < c.sizes[q]!; v++) {
      if (v === current) continue;
      codes[q] = v;
      const best = recommendIndex(c, codes, scratch);
      const recommendation = best === -1 ? null : c.ruleSet.options[best]!.id;
      if (recommendation === result.recommendation) continue;
      let runnerUp: number | null = null;
      for (let o = 0; o < c.optionCount; o++) {
        if (o === best || (scratch.excluded & (1 << o)) !== 0) continue;
        if (runnerUp === null || scratch.scores[o]! > runnerUp) runnerUp = scratch.scores[o]!;
      }
      changes.push({
        question: id,
        from: result.answers[id]!,
        answer: c.ruleSet.questions[q]!.choices[v]!.value,
        recommendation,
        margin: best === -1 || runnerUp === null ? null : scratch.scores[best]! - runnerUp,
        forced: currentIndex !== -1 && (scratch.excluded & (1 << currentIndex)) !== 0,
      });
    }
    codes[q] = current;
  });
  return changes;
}

/**
 * Options that the answers given so far have not already ruled out. A rule counts only
 * when it is sure to fire whatever the unanswered questions turn out to be.
 */
export function openOptions(ruleSet: RuleSet, answers: Answers): OptionId[] {
  const holds = (clause: Record<string, string[]>): boolean =>
    Object.entries(clause).every(([q, values]) => Object.hasOwn(answers, q) && values.includes(answers[q]!));
  const cannotHold = (clause: Record<string, string[]>): boolean =>
    Object.entries(clause).some(([q, values]) => Object.hasOwn(answers, q) && !values.includes(answers[q]!));
  const ruledOut = new Set(
    ruleSet.rules
      .filter((r) => isExclusion(r.effect) && r.when.some(holds) && r.unless.every(cannotHold))
      .map((r) => r.effect.option),
  );
  return ruleSet.options.map((o) => o.id).filter((id) => !ruledOut.has(id));
}

/**
 * Unanswered questions that cannot change the outcome: once at most one option is left,
 * nothing else matters. Questions marked `alwaysAsk` describe the environment and stay.
 */
export function skippableQuestions(ruleSet: RuleSet, answers: Answers): Question[] {
  const candidates = ruleSet.questions.filter((q) => !Object.hasOwn(answers, q.id) && !q.alwaysAsk);
  if (candidates.length === 0 || openOptions(ruleSet, answers).length > 1) return [];
  return candidates;
}

export function advise(c: CompiledRuleSet, answers: Answers): Advice {
  const result = evaluate(c, answers);
  const excluded = result.options
    .filter((o) => !o.eligible)
    .map((o) => ({ option: o.id, reasons: result.reasons.filter((r) => r.option === o.id && r.effect === "excluded") }));
  return {
    ...result,
    margin: marginOf(result),
    whatIf: whatIf(c, result),
    excluded,
    skipped: skippableQuestions(c.ruleSet, result.answers).map((q) => q.id),
  };
}
