import type { CompiledRuleSet } from "./compile.js";
import { apartStates, combined, planApart, stateKey, type Apart } from "./apart.js";
import { assertAnswerSpace } from "./budget.js";
import { runnerUp, sweep, tieOrderInForce } from "./evaluate.js";
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
  /** One completion whose advice is the recommendation: the case the explanation shows (empty in a brief summary). */
  representative: Answers;
  /** Completions in which each option (by index) is eligible. */
  eligible: Float64Array;
  /** The winner's lead over its runner-up in the representative case; null when it stands alone. */
  lead: number | null;
}

/**
 * What every completion of the open answers (code -1) comes to, in odometer order over the
 * open questions that some rule mentions; the others cannot change anything and are only counted.
 */
interface Survey {
  /** The answer codes, -1 where open. */
  open: Int32Array;
  /** The codes the sweep held fixed: unmentioned open questions at their first value. */
  codes: Int32Array;
  /** Open questions that vary, and the step between their values in the arrays below. */
  varying: number[];
  strides: number[];
  /** Per completion: the advice as option index + 1, or 0 when nothing fits. */
  advice: Uint8Array;
  /** Per completion: bit o set when option o is ruled out. */
  excluded: Uint8Array;
  /** Per completion: the winner's lead over the runner-up, or -1 when it stands alone. */
  lead: Int16Array;
  /** Completions each one stands for: the product of the unmentioned open questions' sizes. */
  weight: number;
}

/** How the completions of one set of open questions are laid out: the same for every answer set that leaves them open. */
interface Layout {
  /** Open questions that vary, core before apart, and the step between their values. */
  varying: number[];
  strides: number[];
  total: number;
  plan: Apart | undefined;
}

/** Layouts per rule set, by open questions (kept to a bound: assess asks once per distinct row). */
const layouts = new WeakMap<CompiledRuleSet, Map<string, Layout>>();
const LAYOUT_LIMIT = 4096;

function layoutOf(c: CompiledRuleSet, mentionedOpen: number[]): Layout {
  let byKey = layouts.get(c);
  if (!byKey) layouts.set(c, (byKey = new Map()));
  const key = mentionedOpen.join(",");
  const known = byKey.get(key);
  if (known) return known;
  const plan = planApart(c, mentionedOpen);
  // The questions swept apart vary fastest, so each core completion owns one block of them.
  const varying = plan
    ? [...mentionedOpen.filter((q) => plan.isApart[q] === 0), ...mentionedOpen.filter((q) => plan.isApart[q] === 1)]
    : mentionedOpen;
  const strides = varying.map(() => 1);
  for (let v = varying.length - 2; v >= 0; v--) strides[v] = strides[v + 1]! * c.sizes[varying[v + 1]!]!;
  const total = varying.length === 0 ? 1 : strides[0]! * c.sizes[varying[0]!]!;
  const layout = { varying, strides, total, plan };
  if (byKey.size >= LAYOUT_LIMIT) byKey.clear();
  byKey.set(key, layout);
  return layout;
}

function survey(c: CompiledRuleSet, open: Int32Array): Survey {
  const codes = Int32Array.from(open);
  const mentionedOpen: number[] = [];
  let weight = 1;
  for (let q = 0; q < codes.length; q++) {
    if (codes[q] !== -1) continue;
    if (c.mentioned[q] === 1) mentionedOpen.push(q);
    else {
      codes[q] = 0;
      weight *= c.sizes[q]!;
    }
  }
  const { varying, strides, total, plan } = layoutOf(c, mentionedOpen);
  const advice = new Uint8Array(total);
  const excluded = new Uint8Array(total);
  const lead = new Int16Array(total);
  let i = 0;
  if (!plan) {
    sweep(
      c,
      (_codes, best, scratch) => {
        advice[i] = best + 1;
        excluded[i] = scratch.excluded;
        const second = best === -1 ? -1 : runnerUp(c, scratch, best);
        lead[i++] = second === -1 ? -1 : scratch.scores[best]! - scratch.scores[second]!;
      },
      codes,
    );
  } else {
    // Apart questions open in the apart sweep only, core questions in the core sweep only.
    const apartFixed = Int32Array.from(codes, (code, q) => (code === -1 && plan.isApart[q] === 0 ? 0 : code));
    const coreFixed = Int32Array.from(codes, (code, q) => (code === -1 && plan.isApart[q] === 1 ? 0 : code));
    const states = apartStates(plan, apartFixed);
    const gap = new Int32Array(1);
    const count = states.count;
    // Completions of the core in the same state share one block of outcomes over the apart states.
    const blocks = new Map<number, { advice: Uint8Array; excluded: Uint8Array; lead: Int16Array }>();
    sweep(
      plan.core,
      (_codes, _best, scratch) => {
        const key = stateKey(scratch, c.optionCount);
        let block = key === -1 ? undefined : blocks.get(key);
        if (!block) {
          block = { advice: new Uint8Array(count), excluded: new Uint8Array(count), lead: new Int16Array(count) };
          const order = tieOrderInForce(plan.core, scratch);
          for (let j = 0; j < count; j++) {
            const best = combined(order, scratch.scores, scratch.excluded, states, j, gap);
            block.advice[j] = best + 1;
            block.excluded[j] = scratch.excluded | states.masks[j]!;
            block.lead[j] = best === -1 ? -1 : gap[0]!;
          }
          if (key !== -1) blocks.set(key, block);
        }
        advice.set(block.advice, i);
        excluded.set(block.excluded, i);
        lead.set(block.lead, i);
        i += count;
      },
      coreFixed,
    );
  }
  return { open, codes, varying, strides, advice, excluded, lead, weight };
}

/** The survey's completions in which the varying question at `position` has `value`, with that question held. */
function slice(c: CompiledRuleSet, s: Survey, position: number, value: number): Survey {
  const q = s.varying[position]!;
  const stride = s.strides[position]!;
  const size = c.sizes[q]!;
  const total = s.advice.length / size;
  const advice = new Uint8Array(total);
  const excluded = new Uint8Array(total);
  const lead = new Int16Array(total);
  // Blocks of `stride` completions with this value recur every stride * size completions.
  let to = 0;
  for (let base = value * stride; base < s.advice.length; base += stride * size) {
    advice.set(s.advice.subarray(base, base + stride), to);
    excluded.set(s.excluded.subarray(base, base + stride), to);
    lead.set(s.lead.subarray(base, base + stride), to);
    to += stride;
  }
  const codes = Int32Array.from(s.codes);
  codes[q] = value;
  const open = Int32Array.from(s.open);
  open[q] = value;
  const varying = s.varying.filter((_, v) => v !== position);
  const strides = s.strides.filter((_, v) => v !== position).map((st, v) => (v < position ? st / size : st));
  return { open, codes, varying, strides, advice, excluded, lead, weight: s.weight };
}

/** Whether a varying question changes the advice, and if it alone decides it, the advice per value. */
function dependence(c: CompiledRuleSet, s: Survey, v: number): (number | undefined)[] | "mixed" | undefined {
  const { advice } = s;
  const stride = s.strides[v]!;
  const size = c.sizes[s.varying[v]!]!;
  let matters = false;
  let decisive = true;
  const byValue: (number | undefined)[] = new Array(size);
  for (let base = 0; base < advice.length; base += stride * size) {
    for (let d = 0; d < size; d++) {
      const from = base + d * stride;
      for (let k = 0; k < stride; k++) {
        const code = advice[from + k]!;
        if (code !== advice[base + k]) matters = true;
        if (byValue[d] === undefined) byValue[d] = code;
        else if (byValue[d] !== code) decisive = false;
      }
    }
    // Once it matters and no value alone decides, the rest cannot change the answer.
    if (matters && !decisive) return "mixed";
  }
  if (!matters) return undefined;
  return decisive ? byValue : "mixed";
}

/**
 * The outcome over every completion of a survey: the recommendation and how sure it is. A
 * `brief` summary (for what-ifs) names no case and works out dependence only when unsure.
 */
function summarize(c: CompiledRuleSet, s: Survey, brief = false): Outlook {
  const { advice, excluded, varying, strides } = s;
  const counts = new Float64Array(c.optionCount + 1);
  const eligible = new Float64Array(c.optionCount);
  for (let at = 0; at < advice.length; at++) {
    counts[advice[at]!]!++;
    for (let o = 0; o < c.optionCount; o++) if ((excluded[at]! & (1 << o)) === 0) eligible[o]!++;
  }

  // Most often the advice; then eligible most often; then the tie-break order.
  let best = -1;
  for (let t = 0; t < c.optionCount; t++) {
    const o = c.tieOrder[t]!;
    if (counts[o + 1] === 0) continue;
    if (
      best === -1 ||
      counts[o + 1]! > counts[best + 1]! ||
      (counts[o + 1] === counts[best + 1] && eligible[o]! > eligible[best]!)
    )
      best = o;
  }

  const options = c.ruleSet.options;
  const idOf = (code: number): OptionId | null => (code === 0 ? null : options[code - 1]!.id);
  const dependsOn: Dependence[] = [];
  const share = counts[best + 1]! / advice.length;
  // Said in the questions' order, whatever order the sweep's layout varies them in.
  const inQuestionOrder = varying.map((q, v) => [q, v] as const).sort((a, b) => a[0] - b[0]);
  for (const [q, v] of inQuestionOrder) {
    if (brief && share === 1) break;
    const found = dependence(c, s, v);
    if (found === undefined) continue;
    const question = c.ruleSet.questions[q]!;
    dependsOn.push(
      found === "mixed"
        ? { question: question.id, mixed: true }
        : {
            question: question.id,
            byValue: Object.fromEntries(question.choices.map((choice, d) => [choice.value, idOf(found[d]!)])),
          },
    );
  }

  const found = advice.indexOf(best + 1);
  const at = found === -1 ? 0 : found;
  const representative: Answers = {};
  if (!brief) {
    const codes = Int32Array.from(s.codes);
    varying.forEach((q, v) => (codes[q] = Math.floor(at / strides[v]!) % c.sizes[q]!));
    c.questionIds.forEach((id, q) => (representative[id] = c.ruleSet.questions[q]!.choices[codes[q]!]!.value));
  }

  const { weight } = s;
  const outcomes: Record<string, number> = {};
  options.forEach((o, index) => (outcomes[o.id] = counts[index + 1]! * weight));
  outcomes.none = counts[0]! * weight;
  for (let o = 0; o < eligible.length; o++) eligible[o]! *= weight;
  return {
    recommendation: best === -1 ? null : options[best]!.id,
    certainty: {
      unknown: c.questionIds.filter((_, q) => s.open[q] === -1),
      combinations: advice.length * weight,
      share,
      dependsOn,
      nothingFits: counts[0]! * weight,
      outcomes,
    },
    representative,
    eligible,
    lead: best === -1 || s.lead[at]! < 0 ? null : s.lead[at]!,
  };
}

/** Answer codes with -1 for every question answered `unknown` or not answered at all. */
function openCodes(c: CompiledRuleSet, answers: Answers): Int32Array {
  return Int32Array.from(c.questionIds, (id, q) => {
    const value = Object.hasOwn(answers, id) ? answers[id] : undefined;
    return value === undefined || value === UNKNOWN ? -1 : (c.valueIndex[q]!.get(value) ?? -1);
  });
}

/** Evaluates every completion of the open answers and says what they come to. */
export function outlook(c: CompiledRuleSet, answers: Answers): Outlook {
  assertAnswerSpace(c, answers, false);
  return summarize(c, survey(c, openCodes(c, answers)));
}

/**
 * For one known question, the outlook with each of its other values: one sweep with the
 * question opened up, read value by value. Undefined when no rule mentions the question.
 */
export function alternatives(
  c: CompiledRuleSet,
  answers: Answers,
  questionId: string,
): Map<string, Outlook> | undefined {
  const q = c.questionIds.indexOf(questionId);
  if (c.mentioned[q] === 0) return undefined;
  const codes = openCodes(c, answers);
  const current = codes[q]!;
  codes[q] = -1;
  const s = survey(c, codes);
  const position = s.varying.indexOf(q);
  const result = new Map<string, Outlook>();
  c.ruleSet.questions[q]!.choices.forEach((choice, value) => {
    if (value !== current) result.set(choice.value, summarize(c, slice(c, s, position, value), true));
  });
  return result;
}
