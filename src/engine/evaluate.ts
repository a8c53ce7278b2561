import type { CompiledRuleSet } from "./compile.js";
import type { Answers, Reason, Result, ScoredOption } from "./model.js";
import { effectValue } from "./model.js";

/** Reusable buffers, so a sweep over every combination allocates nothing per answer set. */
export interface Scratch {
  matched: Uint32Array;
  /** Indexes of the rules that fired, in `fired[0 .. firedCount)`. */
  fired: Int32Array;
  firedCount: number;
  scores: Int32Array;
  /** Bit i set: option i is excluded. */
  excluded: number;
  /** The conditional tie-break order in force (an index into tieRules), or -1 for the default. */
  tieRule: number;
}

export const createScratch = (c: CompiledRuleSet): Scratch => ({
  matched: new Uint32Array(c.words),
  fired: new Int32Array(c.ruleOption.length),
  firedCount: 0,
  scores: new Int32Array(c.optionCount),
  excluded: 0,
  tieRule: -1,
});

/** The tie-break order for the matched clauses: the first conditional one that holds, else the default. */
function tieOrderFor(c: CompiledRuleSet, scratch: Scratch): Int32Array {
  const { matched } = scratch;
  for (let t = 0; t < c.tieRules.length; t++) {
    const { when, order } = c.tieRules[t]!;
    for (let w = 0; w < when.length; w++) {
      if ((matched[w]! & when[w]!) !== 0) {
        scratch.tieRule = t;
        return order;
      }
    }
  }
  scratch.tieRule = -1;
  return c.tieOrder;
}

/** The tie-break order the last scoring settled on (tieOrderFor records which). */
export const tieOrderInForce = (c: CompiledRuleSet, scratch: Scratch): Int32Array =>
  scratch.tieRule === -1 ? c.tieOrder : c.tieRules[scratch.tieRule]!.order;

/** Whether the last scoring ruled option `o` (an index) out. */
export const isExcluded = (scratch: Scratch, o: number): boolean => (scratch.excluded & (1 << o)) !== 0;

/** The best eligible option other than `best` after the last scoring, as an index, or -1. */
export function runnerUp(c: CompiledRuleSet, scratch: Scratch, best: number): number {
  const order = tieOrderInForce(c, scratch);
  let second = -1;
  for (let i = 0; i < c.optionCount; i++) {
    const o = order[i]!;
    if (o !== best && !isExcluded(scratch, o) && (second === -1 || scratch.scores[o]! > scratch.scores[second]!))
      second = o;
  }
  return second;
}

/** One value index per question; `sizes[q]` stands for "not answered". */
export function encode(c: CompiledRuleSet, answers: Answers): Int32Array {
  return Int32Array.from(c.questionIds, (id, q) => {
    const value = Object.hasOwn(answers, id) ? answers[id] : undefined;
    return value === undefined ? c.sizes[q]! : (c.valueIndex[q]!.get(value) ?? c.sizes[q]!);
  });
}

function matchClauses(c: CompiledRuleSet, codes: ArrayLike<number>, matched: Uint32Array): void {
  const { words, table, rowBase } = c;
  matched.fill(0xffffffff);
  for (let q = 0; q < codes.length; q++) {
    const row = (rowBase[q]! + codes[q]!) * words;
    for (let w = 0; w < words; w++) matched[w]! &= table[row + w]!;
  }
}

/** Whether one of rule r's `unless` clauses holds. */
function unlessHolds(c: CompiledRuleSet, r: number, matched: Uint32Array): boolean {
  const { words, ruleUnless } = c;
  for (let w = 0; w < words; w++) if ((matched[w]! & ruleUnless[r * words + w]!) !== 0) return true;
  return false;
}

function fires(c: CompiledRuleSet, r: number, matched: Uint32Array): boolean {
  const { words, ruleWhen, ruleUnless } = c;
  const base = r * words;
  let any = false;
  for (let w = 0; w < words; w++) {
    if ((matched[w]! & ruleWhen[base + w]!) !== 0) {
      any = true;
      break;
    }
  }
  if (!any || c.ruleHasUnless[r] === 0) return any;
  for (let w = 0; w < words; w++) if ((matched[w]! & ruleUnless[base + w]!) !== 0) return false;
  return true;
}

/**
 * Scores the encoded answers into `scratch` and returns the index of the recommended option,
 * or -1 when every option is excluded. This is the hot path of every sweep.
 */
export function recommendIndex(c: CompiledRuleSet, codes: ArrayLike<number>, scratch: Scratch): number {
  matchClauses(c, codes, scratch.matched);
  return scoreMatched(c, scratch);
}

/**
 * Applies the rules whose clauses are set in `scratch.matched`, lists them in `scratch.fired`,
 * and returns the recommended index. One pass: this is the inner loop of every sweep.
 */
function scoreMatched(c: CompiledRuleSet, scratch: Scratch): number {
  const { matched, fired, scores } = scratch;
  const { clauseRule, complexRules, ruleExcludes, ruleOption, ruleScore } = c;
  scores.fill(0);
  let excluded = 0;
  let count = 0;
  // Walk the set bits: only the few matched clauses cost anything.
  for (let w = 0; w < matched.length; w++) {
    let bits = matched[w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const bit = (w << 5) + 31 - Math.clz32(low);
      const r = bit < clauseRule.length ? clauseRule[bit]! : -1;
      if (r === -1 || (c.ruleHasUnless[r] === 1 && unlessHolds(c, r, matched))) continue;
      fired[count++] = r;
      if (ruleExcludes[r] === 1) excluded |= 1 << ruleOption[r]!;
      else scores[ruleOption[r]!]! += ruleScore[r]!;
    }
  }
  for (let i = 0; i < complexRules.length; i++) {
    const r = complexRules[i]!;
    if (!fires(c, r, matched)) continue;
    fired[count++] = r;
    if (ruleExcludes[r] === 1) excluded |= 1 << ruleOption[r]!;
    else scores[ruleOption[r]!]! += ruleScore[r]!;
  }
  scratch.firedCount = count;
  scratch.excluded = excluded;
  const order = c.tieRules.length === 0 ? c.tieOrder : tieOrderFor(c, scratch);
  let best = -1;
  for (let i = 0; i < c.optionCount; i++) {
    const o = order[i]!;
    if ((excluded & (1 << o)) === 0 && (best === -1 || scores[o]! > scores[best]!)) best = o;
  }
  return best;
}

/**
 * Evaluates every combination of answers, in odometer order (the last question fastest).
 * With `fixed`, a question whose code there is 0 or more keeps that answer and only the
 * others (code -1) vary. Clause matches are kept per prefix of the varying questions, so
 * moving to the next combination redoes only the questions that changed. `visit` gets the
 * codes, the recommended index and the scratch with scores; it must not keep them.
 */
export function sweep(
  c: CompiledRuleSet,
  visit: (codes: Int32Array, best: number, scratch: Scratch) => void,
  fixed?: ArrayLike<number>,
): number {
  const n = c.sizes.length;
  const { words, table, rowBase } = c;
  const codes = new Int32Array(n);
  const free: number[] = [];
  const base = new Uint32Array(words).fill(0xffffffff);
  for (let q = 0; q < n; q++) {
    const code = fixed ? fixed[q]! : -1;
    if (code < 0) free.push(q);
    else {
      codes[q] = code;
      const row = (rowBase[q]! + code) * words;
      for (let w = 0; w < words; w++) base[w]! &= table[row + w]!;
    }
  }
  const k = free.length;
  const scratch = spare.get(c)?.pop() ?? createScratch(c);
  // prefix[(i + 1) * words + w]: clauses still matched after the first i + 1 varying questions.
  const prefix = new Uint32Array((k + 1) * words);
  prefix.set(base);
  let from = 0;
  let count = 0;
  for (;;) {
    for (let i = from; i < k; i++) {
      const q = free[i]!;
      const row = (rowBase[q]! + codes[q]!) * words;
      for (let w = 0; w < words; w++) prefix[(i + 1) * words + w] = prefix[i * words + w]! & table[row + w]!;
    }
    for (let w = 0; w < words; w++) scratch.matched[w] = prefix[k * words + w]!;
    visit(codes, scoreMatched(c, scratch), scratch);
    count++;
    let i = k - 1;
    while (i >= 0 && ++codes[free[i]!]! === c.sizes[free[i]!]!) codes[free[i--]!] = 0;
    if (i < 0) {
      giveBack(c, scratch);
      return count;
    }
    from = i;
  }
}

/** Scratch a finished sweep left, per rule set: assess sweeps once per distinct row, and creating one costs more than a small sweep. */
const spare = new WeakMap<CompiledRuleSet, Scratch[]>();

function giveBack(c: CompiledRuleSet, scratch: Scratch): void {
  let list = spare.get(c);
  if (!list) spare.set(c, (list = []));
  if (list.length < 4) list.push(scratch);
}

/** Each rule as a reason, built once per rule set: results share them, so they are frozen. */
const reasonsCache = new WeakMap<CompiledRuleSet, readonly Reason[]>();

function reasonsOf(c: CompiledRuleSet): readonly Reason[] {
  let reasons = reasonsCache.get(c);
  if (reasons) return reasons;
  reasons = c.ruleSet.rules.map((rule) => {
    const reason: Reason = {
      rule: rule.id,
      option: rule.effect.option,
      effect: effectValue(rule.effect),
      text: rule.reason,
      source: rule.source,
    };
    if (rule.remedy !== undefined) reason.remedy = rule.remedy;
    return Object.freeze(reason);
  });
  reasonsCache.set(c, reasons);
  return reasons;
}

/** The full, explained result for one set of answers. Pure and deterministic. */
export function evaluate(c: CompiledRuleSet, answers: Answers): Result {
  const codes = encode(c, answers);
  const scratch = createScratch(c);
  const best = recommendIndex(c, codes, scratch);
  const { options: optionList } = c.ruleSet;

  // recommendIndex has listed the rules that fired; reasons follow the rules' order.
  const fired = scratch.fired.subarray(0, scratch.firedCount).sort();
  const ruleReasons = reasonsOf(c);
  const reasons: Reason[] = Array.from(fired, (r) => ruleReasons[r]!);

  const tieOrder = tieOrderInForce(c, scratch);
  const ranked = optionList
    .map((o, i) => ({ i, eligible: !isExcluded(scratch, i), score: scratch.scores[i]!, order: tieOrder.indexOf(i) }))
    .sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || a.order - b.order);
  const options: ScoredOption[] = ranked.map(({ i, score, eligible }) => ({
    id: optionList[i]!.id,
    label: optionList[i]!.label,
    score,
    eligible,
  }));

  const recorded: Answers = {};
  for (const id of c.questionIds) if (Object.hasOwn(answers, id)) recorded[id] = answers[id]!;

  const [first, second] = options;
  const tied =
    first !== undefined && second !== undefined && first.eligible && second.eligible && first.score === second.score;
  const rule = scratch.tieRule === -1 ? undefined : c.ruleSet.tieBreaks[scratch.tieRule]!;
  const result: Result = {
    recommendation: best === -1 ? null : optionList[best]!.id,
    options,
    reasons,
    answers: recorded,
  };
  if (!tied) return result;
  const tieBreak = rule
    ? { rule: rule.id, text: rule.reason, source: rule.source }
    : { rule: "default-order", text: c.ruleSet.tieBreakReason, source: "" };
  // The tie-break comes second, as advise --json prints it.
  return { recommendation: result.recommendation, tieBreak, options, reasons, answers: recorded };
}

export function decode(c: CompiledRuleSet, codes: ArrayLike<number>): Answers {
  const answers: Answers = {};
  c.questionIds.forEach((id, q) => {
    const v = codes[q]!;
    if (v < c.sizes[q]!) answers[id] = c.ruleSet.questions[q]!.choices[v]!.value;
  });
  return answers;
}
