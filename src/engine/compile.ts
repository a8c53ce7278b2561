import type { RuleSet } from "./model.js";
import { isCaution, isExclusion, pointsOf } from "./model.js";

/**
 * A rule set in a form that is cheap to evaluate millions of times.
 *
 * Answers are encoded as one value index per question; index `size` means "not answered".
 * Every clause of every rule gets a bit. For each question and value, `table` holds the bits
 * of the clauses that value satisfies, so the clauses matched by a full set of answers are
 * the AND of one bitset per question.
 */
export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  readonly questionIds: readonly string[];
  /** Number of values of each question. */
  readonly sizes: Int32Array;
  readonly valueIndex: readonly ReadonlyMap<string, number>[];
  /** Words per clause bitset. */
  readonly words: number;
  /** Start of each question's rows in `table` (in rows of `words`). */
  readonly rowBase: Int32Array;
  readonly table: Uint32Array;
  readonly ruleWhen: Uint32Array;
  readonly ruleUnless: Uint32Array;
  readonly ruleHasUnless: Uint8Array;
  readonly ruleOption: Int32Array;
  readonly ruleScore: Int32Array;
  readonly ruleExcludes: Uint8Array;
  /** 1 for a caution: it fires like any rule but moves no points. */
  readonly ruleCautions: Uint8Array;
  /** For each clause bit: the rule whose only `when` clause it is, else -1. */
  readonly clauseRule: Int32Array;
  /** Rules with several `when` clauses; checked one by one. */
  readonly complexRules: Int32Array;
  readonly optionCount: number;
  /** Option indexes in the default tie-break order. */
  readonly tieOrder: Int32Array;
  /** Conditional tie-break orders, tried in turn: the bits of their clauses, and their order. */
  readonly tieRules: readonly { when: Uint32Array; order: Int32Array }[];
  /** 1 where some rule's condition names the question: only those can change an outcome. */
  readonly mentioned: Uint8Array;
}

export function compile(ruleSet: RuleSet): CompiledRuleSet {
  const questionIds = ruleSet.questions.map((q) => q.id);
  const sizes = Int32Array.from(ruleSet.questions, (q) => q.choices.length);
  const valueIndex = ruleSet.questions.map((q) => new Map(q.choices.map((c, i) => [c.value, i])));
  const questionAt = new Map(questionIds.map((id, i) => [id, i]));

  const clauses = [
    ...ruleSet.rules.flatMap((rule) => [...rule.when, ...rule.unless]),
    ...ruleSet.tieBreaks.flatMap((t) => t.when),
  ];
  const mentioned = new Uint8Array(questionIds.length);
  for (const clause of clauses) for (const id of Object.keys(clause)) mentioned[questionAt.get(id)!] = 1;
  const words = Math.max(1, Math.ceil(clauses.length / 32));
  const rowBase = new Int32Array(questionIds.length);
  let rows = 0;
  for (let q = 0; q < questionIds.length; q++) {
    rowBase[q] = rows;
    rows += sizes[q]! + 1;
  }

  // Start with every clause satisfied by every value, then clear the bits a condition rules out.
  const table = new Uint32Array(rows * words).fill(0xffffffff);
  clauses.forEach((clause, bit) => {
    const word = bit >>> 5;
    const mask = ~(1 << (bit & 31));
    for (const [questionId, values] of Object.entries(clause)) {
      const q = questionAt.get(questionId)!;
      const allowed = new Set(values.map((v) => valueIndex[q]!.get(v)));
      for (let v = 0; v <= sizes[q]!; v++) {
        if (!allowed.has(v)) table[(rowBase[q]! + v) * words + word]! &= mask;
      }
    }
  });

  const ruleCount = ruleSet.rules.length;
  const ruleWhen = new Uint32Array(ruleCount * words);
  const ruleUnless = new Uint32Array(ruleCount * words);
  const ruleHasUnless = new Uint8Array(ruleCount);
  const ruleOption = new Int32Array(ruleCount);
  const ruleScore = new Int32Array(ruleCount);
  const ruleExcludes = new Uint8Array(ruleCount);
  const ruleCautions = new Uint8Array(ruleCount);
  const optionAt = new Map(ruleSet.options.map((o, i) => [o.id, i]));
  const clauseRule = new Int32Array(clauses.length).fill(-1);
  const complexRules: number[] = [];
  let bit = 0;
  ruleSet.rules.forEach((rule, r) => {
    if (rule.when.length === 1) clauseRule[bit] = r;
    else complexRules.push(r);
    for (let i = 0; i < rule.when.length; i++, bit++) ruleWhen[r * words + (bit >>> 5)]! |= 1 << (bit & 31);
    for (let i = 0; i < rule.unless.length; i++, bit++) ruleUnless[r * words + (bit >>> 5)]! |= 1 << (bit & 31);
    ruleHasUnless[r] = rule.unless.length > 0 ? 1 : 0;
    ruleOption[r] = optionAt.get(rule.effect.option)!;
    ruleExcludes[r] = isExclusion(rule.effect) ? 1 : 0;
    ruleScore[r] = pointsOf(rule.effect);
    ruleCautions[r] = isCaution(rule.effect) ? 1 : 0;
  });

  return {
    ruleSet,
    questionIds,
    sizes,
    valueIndex,
    words,
    rowBase,
    table,
    ruleWhen,
    ruleUnless,
    ruleHasUnless,
    ruleOption,
    ruleScore,
    ruleExcludes,
    ruleCautions,
    clauseRule,
    complexRules: Int32Array.from(complexRules),
    optionCount: ruleSet.options.length,
    tieOrder: Int32Array.from(ruleSet.tieBreak, (id) => optionAt.get(id)!),
    tieRules: ruleSet.tieBreaks.map((t) => {
      const when = new Uint32Array(words);
      for (let i = 0; i < t.when.length; i++, bit++) when[bit >>> 5]! |= 1 << (bit & 31);
      return { when, order: Int32Array.from(t.order, (id) => optionAt.get(id)!) };
    }),
    mentioned,
  };
}
