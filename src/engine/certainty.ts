import type { CompiledRuleSet } from "./compile.js";
import { isExcluded, sweep } from "./evaluate.js";
import type { Answers, OptionId } from "./model.js";

// "Not sure" answers: the outcome over every completion of the unknown answers.

/** The answer that stands for "not sure"; reserved as a value id. */
export const UNKNOWN = "unknown";

export interface Dependence {
  question: string;
  /** When this question alone settles the advice: the advice for each of its values. */
  byValue?: Record<string, OptionId | null>;
  /** It changes the advice only together with other unknown answers. */
  mixed?: true;
}

export interface Certainty {
  /** Questions answered `unknown`, or optional ones not given. */
  unknown: string[];
  /** Completions of the unknown answers: every combination of their values. */
  combinations: number;
  /** Share of the completions in which the recommendation is the advice (1 when nothing is unknown). */
  share: number;
  /** The unknown questions whose answer can change the advice. */
  dependsOn: Dependence[];
  /** Completions in which every option is ruled out. */
  nothingFits: number;
  /** Completions per advice: an option id, or "none". */
  outcomes: Record<string, number>;
}

export interface Outlook {
  recommendation: OptionId | null;
  certainty: Certainty;
  /** One completion whose advice is the recommendation: the case the explanation shows. */
  representative: Answers;
  /** Completions in which each option (by index) is eligible. */
  eligible: Float64Array;
}

/** Answer codes with -1 for every question answered `unknown` or not answered at all. */
function openCodes(c: CompiledRuleSet, answers: Answers): Int32Array {
  return Int32Array.from(c.questionIds, (id, q) => {
    const value = Object.hasOwn(answers, id) ? answers[id] : undefined;
    return value === undefined || value === UNKNOWN ? -1 : (c.valueIndex[q]!.get(value) ?? -1);
  });
}

/**
 * Evaluates every completion of the open answers. Open questions that no rule mentions cannot
 * change anything: they are held at their first value and counted, not enumerated.
 */
export function outlook(c: CompiledRuleSet, answers: Answers): Outlook {
  const codes = openCodes(c, answers);
  const unknown: string[] = [];
  const varying: number[] = [];
  let weight = 1;
  codes.forEach((code, q) => {
    if (code !== -1) return;
    unknown.push(c.questionIds[q]!);
    if (c.mentioned[q] === 1) varying.push(q);
    else {
      codes[q] = 0;
      weight *= c.sizes[q]!;
    }
  });

  const total = varying.reduce((n, q) => n * c.sizes[q]!, 1);
  // The advice of each completion, in odometer order: option index + 1, or 0 for none.
  const advice = new Uint8Array(total);
  const counts = new Float64Array(c.optionCount + 1);
  const eligible = new Float64Array(c.optionCount);
  let i = 0;
  sweep(
    c,
    (_codes, best, scratch) => {
      advice[i++] = best + 1;
      counts[best + 1]!++;
      for (let o = 0; o < c.optionCount; o++) if (!isExcluded(scratch, o)) eligible[o]!++;
    },
    codes,
  );

  // Most often the advice; then eligible most often; then the tie-break order.
  let best = -1;
  for (let t = 0; t < c.optionCount; t++) {
    const o = c.tieOrder[t]!;
    if (counts[o + 1] === 0) continue;
    if (best === -1 || counts[o + 1]! > counts[best + 1]! || (counts[o + 1] === counts[best + 1] && eligible[o]! > eligible[best]!)) best = o;
  }

  const options = c.ruleSet.options;
  const idOf = (code: number): OptionId | null => (code === 0 ? null : options[code - 1]!.id);
  const strides = varying.map((_, v) => varying.slice(v + 1).reduce((n, q) => n * c.sizes[q]!, 1));
  const dependsOn: Dependence[] = [];
  varying.forEach((q, v) => {
    const stride = strides[v]!;
    const size = c.sizes[q]!;
    let matters = false;
    const byValue: (number | undefined)[] = new Array(size);
    let decisive = true;
    for (let at = 0; at < total; at++) {
      const digit = Math.floor(at / stride) % size;
      const code = advice[at]!;
      if (!matters && code !== advice[at - digit * stride]) matters = true;
      if (byValue[digit] === undefined) byValue[digit] = code;
      else if (byValue[digit] !== code) decisive = false;
    }
    if (!matters) return;
    const question = c.ruleSet.questions[q]!;
    dependsOn.push(
      decisive
        ? { question: question.id, byValue: Object.fromEntries(question.choices.map((choice, d) => [choice.value, idOf(byValue[d]!)])) }
        : { question: question.id, mixed: true },
    );
  });

  const target = best + 1;
  const found = advice.indexOf(target);
  const at = found === -1 ? 0 : found;
  varying.forEach((q, v) => (codes[q] = Math.floor(at / strides[v]!) % c.sizes[q]!));
  const representative: Answers = {};
  c.questionIds.forEach((id, q) => (representative[id] = c.ruleSet.questions[q]!.choices[codes[q]!]!.value));

  const outcomes: Record<string, number> = {};
  options.forEach((o, index) => (outcomes[o.id] = counts[index + 1]! * weight));
  outcomes.none = counts[0]! * weight;
  for (let o = 0; o < eligible.length; o++) eligible[o]! *= weight;
  return {
    recommendation: best === -1 ? null : options[best]!.id,
    certainty: {
      unknown,
      combinations: total * weight,
      share: counts[target]! / total,
      dependsOn,
      nothingFits: counts[0]! * weight,
      outcomes,
    },
    representative,
    eligible,
  };
}
