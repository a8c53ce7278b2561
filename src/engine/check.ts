import type { CompiledRuleSet } from "./compile.js";
import { apartStates, combined, planApart, stateKey, type Apart } from "./apart.js";
import { decode, sweep, tieOrderInForce } from "./evaluate.js";
import type { Answers, Clause, OptionId, Rule } from "./model.js";
import { plural } from "../words.js";

// Static analysis of a rule set: evaluate every combination of answers once and report
// what a policy author needs to know before shipping.

export type FindingKind =
  "unknown-value" | "nothing-fits" | "contradiction" | "never-fires" | "never-matters" | "unreachable-option";

export interface Finding {
  severity: "error" | "warning" | "info";
  kind: FindingKind;
  message: string;
  rule?: string;
  option?: OptionId;
  /** How many combinations show the problem, where that can be counted. */
  count?: number;
  examples: Answers[];
}

export interface CheckReport {
  combinations: number;
  /** Combinations per recommended option; "none" where every option is ruled out. */
  recommended: Record<string, number>;
  findings: Finding[];
}

export const MAX_EXAMPLES = 3;
/** Beyond this the sweep would take minutes; the author should split the questions. */
export const MAX_COMBINATIONS = 50_000_000;
/** A sweep's work grows with combinations times rules: this is about 15 s on a small machine. */
export const MAX_WORK = 2_000_000_000;
/** How often, in combinations, the sweep reports progress. */
const PROGRESS_EVERY = 1 << 16;

export const combinationCount = (c: CompiledRuleSet): number => c.sizes.reduce((n, size) => n * size, 1);

/** A `when` clause that some `unless` clause always cancels can never hold. */
function cancelled(when: Clause, unless: readonly Clause[]): boolean {
  return unless.some((u) =>
    Object.entries(u).every(([question, values]) => {
      const allowed = when[question];
      return allowed !== undefined && allowed.every((v) => values.includes(v));
    }),
  );
}

export const contradicts = (rule: Rule): boolean => rule.when.every((w) => cancelled(w, rule.unless));

/** Why a rule set is too big to check, or undefined when it is not. */
export function checkLimit(c: CompiledRuleSet): string | undefined {
  const combinations = combinationCount(c);
  const n = (x: number): string => x.toLocaleString("en-US");
  if (combinations > MAX_COMBINATIONS) {
    return `${n(combinations)} combinations of answers is more than the ${n(MAX_COMBINATIONS)} a check can sweep; trim custom questions or values`;
  }
  // Questions swept apart cost one addition per combination, not a pass over the rules.
  const plan = planApart(
    c,
    c.questionIds.map((_, q) => q),
  );
  if (plan) {
    const core = c.sizes.reduce((n, size, q) => (plan.isApart[q] === 1 ? n : n * size), 1);
    const work = core * Math.max(1, plan.coreRules.length) + combinations * c.optionCount;
    if (work <= MAX_WORK) return undefined;
    return `${n(core)} combinations of the questions that rules combine, times ${n(plan.coreRules.length)} rules, is more than the ${n(MAX_WORK)} a check can sweep in reasonable time; check the policy in parts, or trim custom questions`;
  }
  const work = combinations * Math.max(1, c.ruleSet.rules.length);
  if (work > MAX_WORK) {
    return `${n(combinations)} combinations times ${n(c.ruleSet.rules.length)} rules is more than the ${n(MAX_WORK)} a check can sweep in reasonable time; check the policy in parts, or trim custom questions`;
  }
  return undefined;
}

/** Sweeps every combination of answers; `progress` hears how many are done, now and then. */
export function checkRuleSet(c: CompiledRuleSet, progress?: (done: number, total: number) => void): CheckReport {
  const { ruleSet } = c;
  const optionIds = ruleSet.options.map((o) => o.id);
  const recommended: Record<string, number> = Object.fromEntries([...optionIds, "none"].map((id) => [id, 0]));
  const ruleCount = ruleSet.rules.length;
  const fired = new Uint8Array(ruleCount);
  const mattered = new Uint8Array(ruleCount);
  const noneExamples: Answers[] = [];
  const { ruleOption, ruleExcludes } = c;

  const total = combinationCount(c);
  const all = c.questionIds.map((_, q) => q);
  const plan = planApart(c, all);
  let combinations: number;
  if (!plan) {
    let done = 0;
    combinations = sweep(c, (codes, best, scratch) => {
      if (progress && ++done % PROGRESS_EVERY === 0) progress(done, total);
      if (best === -1) {
        recommended.none!++;
        if (noneExamples.length < MAX_EXAMPLES) noneExamples.push(decode(c, codes));
      } else recommended[optionIds[best]!]!++;
      // The sweep has already listed the rules that fired.
      for (let i = 0; i < scratch.firedCount; i++) {
        const r = scratch.fired[i]!;
        fired[r] = 1;
        // A score on an option that is ruled out anyway changes nothing.
        if (ruleExcludes[r] === 1 || (scratch.excluded & (1 << ruleOption[r]!)) === 0) mattered[r] = 1;
      }
    });
  } else combinations = checkApart(c, plan, { recommended, fired, mattered, noneExamples }, total, progress);

  const findings: Finding[] = [];
  // Answers that no option fits are an answer too ("nothing fits", with its blockers), not a fault.
  if (recommended.none! > 0) {
    findings.push({
      severity: "info",
      kind: "nothing-fits",
      message: `${plural(recommended.none!, "combination")} of answers leave no option eligible; advise reports them as "nothing fits", with every blocker and its remedy`,
      count: recommended.none!,
      examples: noneExamples,
    });
  }
  for (const added of ruleSet.policy?.addedValues ?? []) {
    if (added.as !== undefined) continue;
    findings.push({
      severity: "warning",
      kind: "unknown-value",
      message: `value "${added.value}" of --${added.question} (${added.file}): no hard fact knows it and it has no "as", so it rules out ${added.ruledOut.join(", ") || "nothing"}; give it "as": the existing value it behaves like`,
      examples: [],
    });
  }
  ruleSet.rules.forEach((rule, r) => {
    const where = `rule "${rule.id}" (${rule.file})`;
    if (contradicts(rule)) {
      findings.push({
        severity: "warning",
        kind: "contradiction",
        rule: rule.id,
        message: `${where}: its "unless" cancels every "when", so it can never apply`,
        examples: [],
      });
    } else if (fired[r] === 0) {
      findings.push({
        severity: "warning",
        kind: "never-fires",
        rule: rule.id,
        message: `${where}: no combination of answers meets its conditions`,
        examples: [],
      });
    } else if (mattered[r] === 0) {
      findings.push({
        severity: "warning",
        kind: "never-matters",
        rule: rule.id,
        message: `${where}: it only applies when ${rule.effect.option} is already ruled out, so it never changes a score that counts`,
        examples: [],
      });
    }
  });
  for (const id of optionIds) {
    if (recommended[id] === 0) {
      findings.push({
        severity: "warning",
        kind: "unreachable-option",
        option: id,
        message: `option ${id} is never recommended, whatever the answers`,
        examples: [],
      });
    }
  }
  return { combinations, recommended, findings };
}

interface Tally {
  recommended: Record<string, number>;
  fired: Uint8Array;
  mattered: Uint8Array;
  noneExamples: Answers[];
}

/**
 * The check with the apart questions' states added to each core combination. Core and apart
 * combinations pair every way, so a score matters when it meets its option eligible on its own
 * side and the other side can leave that option eligible too.
 */
function checkApart(
  c: CompiledRuleSet,
  plan: Apart,
  tally: Tally,
  total: number,
  progress?: (done: number, total: number) => void,
): number {
  const { recommended, fired, mattered, noneExamples } = tally;
  const optionIds = c.ruleSet.options.map((o) => o.id);
  const open = Int32Array.from(c.questionIds, () => -1);
  const apartFixed = Int32Array.from(open, (code, q) => (plan.isApart[q] === 0 ? 0 : code));
  const coreFixed = Int32Array.from(open, (code, q) => (plan.isApart[q] === 1 ? 0 : code));
  const apartQuestions = c.questionIds.map((_, q) => q).filter((q) => plan.isApart[q] === 1);
  const apartCodes: number[] = [];
  // Per rule: it fired with its option still eligible on its own side.
  const eligibleWhenFired = new Uint8Array(c.ruleSet.rules.length);
  /** Options that some combination of each side leaves eligible. */
  let apartFree = 0;
  let coreFree = 0;
  const note = (map: Int32Array, scratch: { fired: Int32Array; firedCount: number; excluded: number }): void => {
    for (let i = 0; i < scratch.firedCount; i++) {
      const r = map[scratch.fired[i]!]!;
      fired[r] = 1;
      if (c.ruleExcludes[r] === 1 || (scratch.excluded & (1 << c.ruleOption[r]!)) === 0) eligibleWhenFired[r] = 1;
    }
  };
  const states = apartStates(plan, apartFixed, (_j, codes, scratch) => {
    for (const q of apartQuestions) apartCodes.push(codes[q]!);
    note(plan.apartRules, scratch);
    apartFree |= ~scratch.excluded;
  });
  const gap = new Int32Array(1);
  const byState = new Map<number, Float64Array>();
  let done = 0;
  let next = PROGRESS_EVERY;
  sweep(
    plan.core,
    (codes, _best, scratch) => {
      note(plan.coreRules, scratch);
      coreFree |= ~scratch.excluded;
      // Completions of the core in the same state come to the same outcomes: count them once.
      const key = stateKey(scratch, c.optionCount);
      let outcomes = key === -1 ? undefined : byState.get(key);
      if (!outcomes) {
        outcomes = new Float64Array(c.optionCount + 1);
        const order = tieOrderInForce(plan.core, scratch);
        for (let j = 0; j < states.count; j++) {
          const best = combined(order, scratch.scores, scratch.excluded, states, j, gap);
          outcomes[best + 1]!++;
          if (best === -1 && noneExamples.length < MAX_EXAMPLES) {
            const full = Int32Array.from(codes);
            apartQuestions.forEach((q, k) => (full[q] = apartCodes[j * apartQuestions.length + k]!));
            noneExamples.push(decode(c, full));
          }
        }
        if (key !== -1) byState.set(key, outcomes);
      }
      recommended.none! += outcomes[0]!;
      for (let o = 0; o < c.optionCount; o++) recommended[optionIds[o]!]! += outcomes[o + 1]!;
      done += states.count;
      if (progress && done >= next) {
        progress(done, total);
        next = done + PROGRESS_EVERY;
      }
    },
    coreFixed,
  );
  const isCore = new Uint8Array(c.ruleSet.rules.length);
  for (const r of plan.coreRules) isCore[r] = 1;
  c.ruleSet.rules.forEach((_, r) => {
    const other = isCore[r] === 1 ? apartFree : coreFree;
    if (eligibleWhenFired[r] === 1 && (c.ruleExcludes[r] === 1 || (other & (1 << c.ruleOption[r]!)) !== 0))
      mattered[r] = 1;
  });
  return done;
}
