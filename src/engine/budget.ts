import { planApart } from "./apart.js";
import type { CompiledRuleSet } from "./compile.js";
import type { Answers } from "./model.js";
import { count } from "../words.js";

// How much an advice may weigh. The outlook evaluates every completion of the open answers that
// some rule reads; each what-if opens one answered question more; so a policy with a few large
// optional questions multiplies the work until a run stalls or cannot allocate its tables. One
// budget covers the outlook, the what-ifs and the questions worth asking, checked before any
// sweep, as `rules check` checks its own.

/** Completions one sweep may hold: a few bytes each (about 160 MB at the shipped 25,194,240, which stays under half of it). */
export const MAX_SWEEP_COMPLETIONS = 60_000_000;
/** Completions times rules over a whole advice: about 3 s on a small machine. */
export const MAX_ADVICE_WORK = 400_000_000;

export interface AnswerSpace {
  /** Completions the outlook sweeps: the product of the sizes of the open questions some rule reads. */
  completions: number;
  /** Those questions, largest first, with their number of values. */
  multipliers: { question: string; values: number }[];
  /** Completions of the largest single sweep (the outlook, or a what-if with one more question open). */
  largestSweep: number;
  /** Sweeps: the outlook, and one per what-if value. */
  sweeps: number;
  /**
   * Rule evaluations over the outlook and, when asked for, every what-if: completions times rules,
   * except that questions swept apart (src/engine/apart.ts) cost one addition per option each
   * instead of a pass over the rules.
   */
  work: number;
}

const isOpen = (answers: Answers, id: string): boolean => !Object.hasOwn(answers, id) || answers[id] === "unknown";

/** The answer space an advice on `answers` sweeps; with `whatIfs`, each answered question opened in turn too. */
export function answerSpace(c: CompiledRuleSet, answers: Answers, whatIfs: boolean): AnswerSpace {
  let completions = 1;
  const multipliers: AnswerSpace["multipliers"] = [];
  const open: number[] = [];
  let reopened = 0;
  let largest = 1;
  c.questionIds.forEach((id, q) => {
    if (c.mentioned[q] === 0) return;
    const size = c.sizes[q]!;
    if (isOpen(answers, id)) {
      completions *= size;
      open.push(q);
      if (size > 1) multipliers.push({ question: id, values: size });
    } else if (whatIfs) {
      reopened += size;
      largest = Math.max(largest, size);
    }
  });
  multipliers.sort((a, b) => b.values - a.values);
  const rules = Math.max(1, c.ruleSet.rules.length);
  const plan = planApart(c, open);
  let sweepWork = completions * rules;
  if (plan !== undefined) {
    const core = open.reduce((n, q) => (plan.isApart[q] ? n : n * c.sizes[q]!), 1);
    sweepWork = core * Math.max(1, plan.coreRules.length) + completions * c.optionCount;
  }
  return {
    completions,
    multipliers,
    largestSweep: completions * largest,
    sweeps: 1 + reopened,
    work: sweepWork * (1 + reopened),
  };
}

/** An advice would weigh more answers than a run can: the message names the questions that multiply them. */
export class AnswerSpaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnswerSpaceError";
  }
}

/** How much of the budget an answer space takes: 1 is the bound. */
export const budgetShare = (space: AnswerSpace): number =>
  Math.max(space.largestSweep / MAX_SWEEP_COMPLETIONS, space.work / MAX_ADVICE_WORK);

/** Why the answer space is too big to weigh, or undefined when it is within the budget. */
export function answerSpaceProblem(space: AnswerSpace, rules: number): string | undefined {
  if (budgetShare(space) <= 1) return undefined;
  const named = space.multipliers.slice(0, 6).map((m) => `--${m.question} (${m.values})`);
  const more = space.multipliers.length > 6 ? ` and ${space.multipliers.length - 6} more` : "";
  const why =
    space.largestSweep > MAX_SWEEP_COMPLETIONS
      ? `${count(space.largestSweep)} combinations in one sweep, more than the ${count(MAX_SWEEP_COMPLETIONS)} an advice can weigh`
      : `${count(space.completions)} combinations${space.sweeps > 1 ? ` (weighed again by ${count(space.sweeps - 1)} what-ifs)` : ""} over ${count(rules)} rules, ${count(space.work)} rule evaluations, more than the ${count(MAX_ADVICE_WORK)} an advice can weigh in reasonable time`;
  return `the answers left open make ${why}. The open answers that multiply it: ${named.join(" × ") || "none"}${more}, ${count(space.completions)} combinations together. Answer some of them (unknown counts as open), or trim the policy's questions or values`;
}

/** Problems of the outlook alone, by its open questions: assess asks once per distinct row, and they repeat. */
const outlookProblems = new WeakMap<CompiledRuleSet, Map<string, string | undefined>>();

/** Throws AnswerSpaceError when an advice on these answers is over the budget. */
export function assertAnswerSpace(c: CompiledRuleSet, answers: Answers, whatIfs: boolean): void {
  const space = (): string | undefined => answerSpaceProblem(answerSpace(c, answers, whatIfs), c.ruleSet.rules.length);
  let problem: string | undefined;
  if (whatIfs) problem = space();
  else {
    // Without what-ifs the space depends only on which questions some rule reads are open.
    let byOpen = outlookProblems.get(c);
    if (!byOpen) outlookProblems.set(c, (byOpen = new Map()));
    let key = "";
    for (let q = 0; q < c.questionIds.length; q++)
      if (c.mentioned[q] === 1 && isOpen(answers, c.questionIds[q]!)) key += `${q},`;
    if (byOpen.has(key)) problem = byOpen.get(key);
    else {
      problem = space();
      if (byOpen.size >= 4096) byOpen.clear();
      byOpen.set(key, problem);
    }
  }
  if (problem !== undefined) throw new AnswerSpaceError(problem);
}

/**
 * The answer spaces a policy makes, as `rules validate` reports them: a scripted advice that
 * answers every required question and leaves the optional ones out (with its what-ifs), and one
 * with every answer unknown.
 */
export function policyAnswerSpaces(c: CompiledRuleSet): { optionalLeftOut: AnswerSpace; everyUnknown: AnswerSpace } {
  const required: Answers = {};
  for (const q of c.ruleSet.questions) {
    if (!q.optional) required[q.id] = q.choices[0]!.value;
    // Left out, an optional question with an assumed value takes it (explain.ts's withAssumptions).
    else if (q.assume !== undefined) required[q.id] = q.assume;
  }
  return { optionalLeftOut: answerSpace(c, required, true), everyUnknown: answerSpace(c, {}, false) };
}

/** From this share of the budget on, `rules validate` warns. */
export const WARN_SHARE = 0.5;
