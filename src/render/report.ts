import type { Advice } from "../engine/explain.js";
import type { RuleSet } from "../engine/model.js";

/** What every advice renderer receives. */
export interface Report {
  advice: Advice;
  ruleSet: RuleSet;
  /** The non-interactive command that reproduces this run. */
  command: string;
}

/** The advice as scripts see it: the fields in the product brief, then the explanations. */
export function adviceJson({ advice, command }: Report): string {
  const { recommendation, options, reasons, answers, whatIf, excluded, skipped, margin } = advice;
  return JSON.stringify({ recommendation, options, reasons, answers, margin, whatIf, excluded, skipped, command }, null, 2) + "\n";
}

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
}

/**
 * What-ifs grouped by question and outcome. Changes that win on points come first: they show
 * how firm the advice is, while a change that rules the winner out (a Linux guest) is obvious.
 */
export function whatIfGroups(advice: Advice): WhatIfGroup[] {
  const groups: WhatIfGroup[] = [];
  for (const w of advice.whatIf) {
    const forced = w.forced;
    const group = groups.find((g) => g.question === w.question && g.recommendation === w.recommendation && g.forced === forced);
    if (group) group.answers.push(w.answer);
    else groups.push({ question: w.question, from: w.from, answers: [w.answer], recommendation: w.recommendation, forced });
  }
  return groups.sort((a, b) => Number(a.forced) - Number(b.forced));
}
