import { compile, type CompiledRuleSet } from "./compile.js";
import { sweep, type Scratch } from "./evaluate.js";

// Sweeping questions apart. Questions that no rule (or tie-break) combines with the rest add their
// points and exclusions to the total whatever the other answers are. Their own completions can be
// evaluated once, as a handful of (points, exclusions) states, and added to each completion of the
// rest: the outcome stays exact, and the rule engine runs over the rest alone. This is what keeps
// optional questions such as --host-type and --identity from multiplying the work.

/** Above this many completions of the questions swept apart, the rest are swept whole instead. */
export const APART_LIMIT = 4096;

export interface Apart {
  /** The rules of the questions swept whole (the core), and the tie-breaks. */
  core: CompiledRuleSet;
  /** The rules of the questions swept apart. */
  apart: CompiledRuleSet;
  /** For each rule of `core` and `apart`: its index in the full rule set. */
  coreRules: Int32Array;
  apartRules: Int32Array;
  /** 1 for a question swept apart. */
  isApart: Uint8Array;
}

interface Components {
  /** Component of each question. */
  of: Int32Array;
  /** Components a tie-break reads, or rules with no condition at all: these stay in the core. */
  pinned: Set<number>;
  /** Component of each rule, or -1 for a rule that names no question. */
  ruleComponent: Int32Array;
}

const componentsCache = new WeakMap<CompiledRuleSet, Components>();
const apartCache = new WeakMap<CompiledRuleSet, Map<string, Apart>>();

/** Questions joined when one rule, or the tie-breaks together, read them. */
function components(c: CompiledRuleSet): Components {
  const cached = componentsCache.get(c);
  if (cached) return cached;
  const parent = Int32Array.from(c.questionIds, (_, q) => q);
  const find = (q: number): number => {
    while (parent[q] !== q) q = parent[q] = parent[parent[q]!]!;
    return q;
  };
  const at = new Map(c.questionIds.map((id, q) => [id, q]));
  const questionsOf = (clauses: readonly Record<string, string[]>[]): number[] => [
    ...new Set(clauses.flatMap((clause) => Object.keys(clause).map((id) => at.get(id)!))),
  ];
  const join = (qs: number[]): void => {
    for (let i = 1; i < qs.length; i++) parent[find(qs[i]!)] = find(qs[0]!);
  };
  const ruleQuestions = c.ruleSet.rules.map((r) => questionsOf([...r.when, ...r.unless]));
  ruleQuestions.forEach(join);
  const tied = questionsOf(c.ruleSet.tieBreaks.flatMap((t) => t.when));
  join(tied);
  const of = Int32Array.from(c.questionIds, (_, q) => find(q));
  const pinned = new Set(tied.map((q) => of[q]!));
  const ruleComponent = Int32Array.from(ruleQuestions, (qs) => (qs.length === 0 ? -1 : of[qs[0]!]!));
  const result = { of, pinned, ruleComponent };
  componentsCache.set(c, result);
  return result;
}

/**
 * Which of the varying questions to sweep apart, or undefined when none can be: the components
 * no tie-break reads, but the largest (it is cheapest swept by the engine), while their
 * completions stay within APART_LIMIT.
 */
export function planApart(c: CompiledRuleSet, varying: readonly number[]): Apart | undefined {
  const { of, pinned, ruleComponent } = components(c);
  const size = new Map<number, number>();
  for (const q of varying) size.set(of[q]!, (size.get(of[q]!) ?? 1) * c.sizes[q]!);
  const candidates = [...size.entries()].filter(([k]) => !pinned.has(k)).sort((a, b) => b[1] - a[1]);
  // Without a pinned component, the largest one is the core.
  if (pinned.size === 0 || ![...size.keys()].some((k) => pinned.has(k))) candidates.shift();
  let product = candidates.reduce((n, [, s]) => n * s, 1);
  while (candidates.length > 0 && product > APART_LIMIT) product /= candidates.shift()![1];
  if (candidates.length === 0) return undefined;
  const apartComponents = new Set(candidates.map(([k]) => k));
  // Components with no varying question are constant: sweep those apart too, so the core engine skips their rules.
  ruleComponent.forEach((k) => {
    if (k !== -1 && !size.has(k) && !pinned.has(k)) apartComponents.add(k);
  });
  const key = [...apartComponents].sort((a, b) => a - b).join(",");
  let byKey = apartCache.get(c);
  if (!byKey) apartCache.set(c, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;

  const coreRules: number[] = [];
  const apartRules: number[] = [];
  ruleComponent.forEach((k, r) => (k !== -1 && apartComponents.has(k) ? apartRules : coreRules).push(r));
  const { ruleSet } = c;
  const apart: Apart = {
    core: compile({ ...ruleSet, rules: coreRules.map((r) => ruleSet.rules[r]!) }),
    apart: compile({ ...ruleSet, rules: apartRules.map((r) => ruleSet.rules[r]!), tieBreaks: [] }),
    coreRules: Int32Array.from(coreRules),
    apartRules: Int32Array.from(apartRules),
    isApart: Uint8Array.from(of, (k) => (apartComponents.has(k) ? 1 : 0)),
  };
  byKey.set(key, apart);
  return apart;
}

/** The (points, exclusions) states of the apart questions' completions, in odometer order. */
export interface ApartStates {
  count: number;
  /** `count` rows of one score per option. */
  deltas: Int32Array;
  /** Bit o set: option o ruled out. */
  masks: Int32Array;
}

/** Evaluates the apart questions open in `fixed` (code -1); `each` also sees every state's scratch. */
export function apartStates(
  plan: Apart,
  fixed: ArrayLike<number>,
  each?: (j: number, codes: Int32Array, scratch: Scratch) => void,
): ApartStates {
  const n = plan.apart.optionCount;
  const deltas: number[] = [];
  const masks: number[] = [];
  sweep(
    plan.apart,
    (codes, _best, scratch) => {
      each?.(masks.length, codes, scratch);
      for (let o = 0; o < n; o++) deltas.push(scratch.scores[o]!);
      masks.push(scratch.excluded);
    },
    fixed,
  );
  return { count: masks.length, deltas: Int32Array.from(deltas), masks: Int32Array.from(masks) };
}

/**
 * The advice for a core scoring plus apart state j: the best option index (or -1), with the
 * runner-up's gap in `lead[0]` (-1 when the winner stands alone). Same rules as scoreMatched.
 */
export function combined(
  order: Int32Array,
  scores: Int32Array,
  excluded: number,
  states: ApartStates,
  j: number,
  lead: Int32Array,
): number {
  const n = order.length;
  const mask = excluded | states.masks[j]!;
  const base = j * n;
  let best = -1;
  let bestScore = 0;
  let second = -1;
  let secondScore = 0;
  for (let i = 0; i < n; i++) {
    const o = order[i]!;
    if ((mask & (1 << o)) !== 0) continue;
    const s = scores[o]! + states.deltas[base + o]!;
    if (best === -1 || s > bestScore) {
      second = best;
      secondScore = bestScore;
      best = o;
      bestScore = s;
    } else if (second === -1 || s > secondScore) {
      second = o;
      secondScore = s;
    }
  }
  lead[0] = second === -1 ? -1 : bestScore - secondScore;
  return best;
}

/**
 * One number for a core scoring's state (scores, exclusions, tie-break order), so completions
 * of the core that land in the same state share their outcomes with every apart state; -1 when
 * the state does not pack into a safe integer (many options, or scores past ±500).
 */
export function stateKey(scratch: Scratch, optionCount: number): number {
  if (optionCount > 3) return -1;
  let key = scratch.tieRule + 1;
  if (key > 63) return -1;
  for (let o = 0; o < optionCount; o++) {
    const s = scratch.scores[o]!;
    if (s <= -500 || s >= 500) return -1;
    key = key * 1024 + s + 512;
  }
  return key * 256 + (scratch.excluded & 255);
}
