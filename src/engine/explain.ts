import { assertAnswerSpace } from "./budget.js";
import { alternatives, outlook, UNKNOWN, type Certainty } from "./certainty.js";
import type { CompiledRuleSet } from "./compile.js";
import { createScratch, encode, evaluate, isExcluded, recommendIndex, type Scratch } from "./evaluate.js";
import type { Answers, OptionId, Question, Reason, Result } from "./model.js";

// Everything said about a result beyond the scores: how firm it is, what would change it,
// why the other options are out, and which questions cannot matter.

export interface WhatIf {
  question: string;
  /** The current answer. */
  from: string;
  /** The alternative answer. */
  answer: string;
  recommendation: OptionId | null;
  /** The new winner's lead over its runner-up (in the case shown, when answers are unknown). */
  margin: number | null;
  /** True when the change rules the current recommendation out, rather than outscoring it. */
  forced: boolean;
  /** Unknown questions on which this outcome still depends; empty when it holds whatever they are. */
  dependsOn: string[];
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
  /** Questions not given whose answer could not change the recommendation. */
  skipped: string[];
  certainty: Certainty;
  /** The values assumed for the unknown answers in the case the reasons explain. */
  assumed: Answers;
  /** Optional questions not given, at the value the rules state for them ("assume"). */
  assumptions: Answers;
  /** What to confirm before relying on the recommendation: the cautions on it. */
  cautions: Reason[];
  /** The recommendation is the only option eligible in every completion of the unknown answers. */
  alone: boolean;
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

/** Each other answer to a known question that would change the recommendation, over every completion of the unknown ones. */
export function whatIf(
  c: CompiledRuleSet,
  answers: Answers,
  recommendation: OptionId | null,
  /** Known questions to leave out. */
  skip?: ReadonlySet<string>,
): WhatIf[] {
  const current = c.ruleSet.options.findIndex((o) => o.id === recommendation);
  const changes: WhatIf[] = [];
  for (const question of c.ruleSet.questions) {
    const from = answers[question.id];
    if (from === undefined || from === UNKNOWN || skip?.has(question.id)) continue;
    for (const [answer, alternative] of alternatives(c, answers, question.id) ?? []) {
      if (alternative.recommendation === recommendation) continue;
      changes.push({
        question: question.id,
        from,
        answer,
        recommendation: alternative.recommendation,
        margin: alternative.recommendation === null ? null : alternative.lead,
        forced: current !== -1 && alternative.eligible[current] === 0,
        dependsOn: alternative.certainty.dependsOn.map((d) => d.question),
      });
    }
  }
  return changes;
}

/**
 * Questions not yet answered that cannot change the recommendation, whatever the others turn
 * out to be. Questions marked `alwaysAsk` describe the environment and are never skipped.
 */
export function skippableQuestions(c: CompiledRuleSet, given: Answers): Question[] {
  // As advise will: an optional question with an assumed value is not open when left out.
  const { answers } = withAssumptions(c.ruleSet.questions, given);
  const open = c.ruleSet.questions.filter((q) => !Object.hasOwn(answers, q.id));
  if (open.length === 0) return [];
  const matters = new Set(outlook(c, answers).certainty.dependsOn.map((d) => d.question));
  return open.filter((q) => !q.alwaysAsk && !matters.has(q.id));
}

/**
 * Of the reasons that rule an option out, the ones that are the real obstacle. A reason is
 * kept when its own questions, answered otherwise, would let the option in. One that could
 * not is dropped when it rests on another reason's answer: "a 2022 host runs only 2022
 * images" holds for a Linux guest only because the guest is not Windows, which another
 * reason already says, so "rebuild on a 2022 image" is no remedy. Reasons that stand apart
 * (a Linux guest, hostile tenants) all stay; when none would be kept, every one stays.
 */
export function primaryReasons(c: CompiledRuleSet, answers: Answers, option: OptionId, reasons: Reason[]): Reason[] {
  if (reasons.length <= 1) return reasons;
  const { facts: byRule, scratch } = ruleFacts(c);
  const facts = reasons.map((reason) => ({ reason, ...(byRule.get(reason.rule) ?? NO_FACTS) }));
  const within = (a: Set<string>, b: Set<string>): boolean => a.size > 0 && [...a].every((q) => b.has(q));
  const restsOnAnother = (r: (typeof facts)[number]): boolean =>
    facts.some((s) => s !== r && within(s.when, r.all) && !within(r.when, s.all));
  if (!facts.some(restsOnAnother)) return reasons;
  const o = c.ruleSet.options.findIndex((x) => x.id === option);
  const base = encode(c, answers);
  const liftable = (questions: number[]): boolean => {
    if (questions.length === 0 || questions.length > 4) return true;
    const codes = Int32Array.from(base);
    // Every combination of the rule's own questions, the other answers held (a rule names one or two).
    const each = (at: number): boolean => {
      if (at === questions.length) {
        recommendIndex(c, codes, scratch);
        return !isExcluded(scratch, o);
      }
      for (let v = 0; v < c.sizes[questions[at]!]!; v++) {
        codes[questions[at]!] = v;
        if (each(at + 1)) return true;
      }
      return false;
    };
    return each(0);
  };
  // Only a reason resting on another's answer can be dropped, so only those are tried.
  const kept = facts.filter((r) => !restsOnAnother(r) || liftable(r.whenIndex));
  return kept.length === 0 ? reasons : kept.map((r) => r.reason);
}

interface RuleFacts {
  /** Questions the rule's `when` names, and with its `unless` too. */
  when: Set<string>;
  all: Set<string>;
  whenIndex: number[];
}
const NO_FACTS: RuleFacts = { when: new Set(), all: new Set(), whenIndex: [] };
const factsCache = new WeakMap<CompiledRuleSet, { facts: Map<string, RuleFacts>; scratch: Scratch }>();

/** Per rule, the questions it names: worked out once per rule set, as assess asks per distinct row. */
function ruleFacts(c: CompiledRuleSet): { facts: Map<string, RuleFacts>; scratch: Scratch } {
  let found = factsCache.get(c);
  if (found) return found;
  const keys = (clauses: readonly object[]): Set<string> => new Set(clauses.flatMap((clause) => Object.keys(clause)));
  const facts = new Map<string, RuleFacts>();
  for (const rule of c.ruleSet.rules) {
    const when = keys(rule.when);
    facts.set(rule.id, {
      when,
      all: new Set([...when, ...keys(rule.unless)]),
      whenIndex: [...when].map((id) => c.questionIds.indexOf(id)).filter((q) => q !== -1),
    });
  }
  found = { facts, scratch: createScratch(c) };
  factsCache.set(c, found);
  return found;
}

/**
 * The answers with each optional question that has an assumed value and was not given set to
 * it, and the values so taken. An explicit `unknown` is kept: the user said "not sure".
 */
export function withAssumptions(
  questions: readonly Question[],
  answers: Answers,
): { answers: Answers; assumptions: Answers } {
  const filled: Answers = { ...answers };
  const assumptions: Answers = {};
  for (const q of questions) {
    if (q.assume === undefined || Object.hasOwn(answers, q.id)) continue;
    filled[q.id] = assumptions[q.id] = q.assume;
  }
  return { answers: filled, assumptions };
}

/** Each option `result` rules out, with its real obstacles ({@link primaryReasons}), in ranking order. */
export function blockersOf(
  c: CompiledRuleSet,
  answers: Answers,
  result: Pick<Result, "options" | "reasons">,
): { option: OptionId; reasons: Reason[] }[] {
  return result.options
    .filter((o) => !o.eligible)
    .map((o) => ({
      option: o.id,
      reasons: primaryReasons(
        c,
        answers,
        o.id,
        result.reasons.filter((r) => r.option === o.id && r.effect === "excluded"),
      ),
    }));
}

export function advise(c: CompiledRuleSet, given: Answers): Advice {
  const { answers, assumptions } = withAssumptions(c.ruleSet.questions, given);
  assertAnswerSpace(c, answers, true);
  const view = outlook(c, answers);
  const result = evaluate(c, view.representative);
  const unknown = new Set(view.certainty.unknown);
  const rules = new Map(c.ruleSet.rules.map((r) => [r.id, r]));
  result.reasons = result.reasons.map((reason) => {
    const rule = rules.get(reason.rule)!;
    const named = [...new Set([...rule.when, ...rule.unless].flatMap((clause) => Object.keys(clause)))].filter((q) =>
      unknown.has(q),
    );
    return named.length === 0
      ? reason
      : { ...reason, assumes: Object.fromEntries(named.map((q) => [q, view.representative[q]!])) };
  });
  const asGiven: Answers = {};
  for (const id of c.questionIds) if (Object.hasOwn(given, id)) asGiven[id] = given[id]!;
  const assumed: Answers = {};
  for (const id of view.certainty.unknown) assumed[id] = view.representative[id]!;
  const excluded = blockersOf(c, view.representative, result);
  const matters = new Set(view.certainty.dependsOn.map((d) => d.question));
  const cautions = result.reasons.filter((r) => r.effect === "caution" && r.option === view.recommendation);
  const winner = c.ruleSet.options.findIndex((o) => o.id === view.recommendation);
  const alone = winner !== -1 && view.eligible.every((n, o) => o === winner || n === 0);
  const margin = marginOf(result);
  return {
    ...result,
    recommendation: view.recommendation,
    answers: asGiven,
    // A lead that rests on something still to confirm is never called clear.
    margin: cautions.length > 0 && margin.verdict === "clear" ? { ...margin, verdict: "moderate" } : margin,
    // What-ifs on the assumed values too, but only where every answer is known: with unknown
    // answers each would reopen a sweep of every completion, for a value nobody was asked.
    whatIf: whatIf(
      c,
      answers,
      view.recommendation,
      view.certainty.unknown.length === 0 ? undefined : new Set(Object.keys(assumptions)),
    ),
    excluded,
    skipped: c.ruleSet.questions.filter((q) => !Object.hasOwn(answers, q.id) && !matters.has(q.id)).map((q) => q.id),
    certainty: view.certainty,
    assumed,
    assumptions,
    cautions,
    alone,
  };
}

/** The candidates that can change the outcome (or are always asked), one that alone decides it first. */
function ranked(c: CompiledRuleSet, answers: Answers, candidates: readonly Question[]): Question[] {
  const { dependsOn } = outlook(c, answers).certainty;
  const deciding = new Set(dependsOn.filter((d) => d.byValue).map((d) => d.question));
  const matters = new Set(dependsOn.map((d) => d.question));
  return candidates
    .filter((q) => q.alwaysAsk || matters.has(q.id))
    .sort((a, b) => Number(deciding.has(b.id)) - Number(deciding.has(a.id)));
}

/**
 * Unanswered questions in the order worth asking: one that alone decides the outcome first.
 * Questions with an assumed value come last: until the others are settled they are held at
 * that value, which keeps each sweep as small as before they existed; then each is asked
 * only if an answer to it could still change the outcome.
 */
export function questionsThatMatter(c: CompiledRuleSet, answers: Answers): Question[] {
  const open = c.ruleSet.questions.filter((q) => !Object.hasOwn(answers, q.id));
  if (open.length === 0) return [];
  const assumedOpen = open.filter((q) => q.assume !== undefined);
  if (assumedOpen.length < open.length) {
    const held = withAssumptions(c.ruleSet.questions, answers).answers;
    const first = ranked(
      c,
      held,
      open.filter((q) => q.assume === undefined),
    );
    // The assumed questions are listed after them, so the count of what is left stays an upper bound.
    if (first.length > 0) return [...first, ...assumedOpen];
  }
  return ranked(c, answers, open);
}
