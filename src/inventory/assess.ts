import { outlook, type Dependence } from "../engine/certainty.js";
import type { CompiledRuleSet } from "../engine/compile.js";
import { evaluate } from "../engine/evaluate.js";
import type { Answers, OptionId, Question } from "../engine/model.js";
import { valueProblem } from "../engine/values.js";
import { assumptionsOf, completeAnswers } from "./columns.js";

// One inventory row's advice, as assess reports it. Pure, and cached by answer set: an
// inventory has far fewer distinct answer sets than rows.

export interface RowAdvice {
  recommendation: OptionId | null;
  /** The winner's lead in the case explained; null when it stands alone or nothing fits. */
  margin: number | null;
  certainty: { unknown: string[]; combinations: number; share: number; dependsOn: Dependence[]; nothingFits: number };
  /** Every option ruled out, with every rule that rules it out. */
  excluded: { option: OptionId; reasons: string[] }[];
  /** The rules that applied, in rule order. */
  reasons: string[];
  /** The cautions on the recommendation (rule ids): what to confirm before relying on it. */
  cautions: string[];
  /** Optional questions the row leaves out, at their assumed values. */
  assumptions: Answers;
  answers: Answers;
}

export interface Assessed {
  advice: RowAdvice;
  /** The advice as the tail of a JSON object: `"recommendation":…}`. */
  json: string;
}

/** Above this many distinct answer sets the cache starts again, so memory stays bounded. */
const CACHE_LIMIT = 50_000;

export class Assessor {
  private readonly cache = new Map<string, Assessed | { error: string }>();
  private readonly questions: Question[];

  constructor(
    private readonly compiled: CompiledRuleSet,
    private readonly defaults: Answers,
  ) {
    this.questions = compiled.ruleSet.questions;
  }

  /** A problem with a given value, or undefined when every value is one the question takes. */
  private check(given: Answers): string | undefined {
    for (const q of this.questions) {
      const problem = given[q.id] === undefined ? undefined : valueProblem(q, given[q.id]);
      if (problem !== undefined) return `${q.id}: ${problem}`;
    }
    return undefined;
  }

  /**
   * The advice for the answers a row gives, or the problem with one of them. `key` stands for
   * the answers: rows with the same key share one result.
   */
  assess(key: string, answersOf: () => Answers): Assessed | { error: string } {
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    const given = answersOf();
    const problem = this.check(given);
    const assessed =
      problem !== undefined
        ? { error: problem }
        : this.compute(
            completeAnswers(this.compiled.ruleSet, given, this.defaults),
            assumptionsOf(this.compiled.ruleSet, given, this.defaults),
          );
    this.cache.set(key, assessed);
    return assessed;
  }

  private compute(answers: Answers, assumptions: Answers): Assessed {
    const c = this.compiled;
    const view = outlook(c, answers);
    const result = evaluate(c, view.representative);
    const { unknown, combinations, share, dependsOn, nothingFits } = view.certainty;
    const advice: RowAdvice = {
      recommendation: view.recommendation,
      margin: view.lead,
      certainty: { unknown, combinations, share, dependsOn, nothingFits },
      excluded: result.options
        .filter((o) => !o.eligible)
        .map((o) => ({
          option: o.id,
          reasons: result.reasons.filter((r) => r.option === o.id && r.effect === "excluded").map((r) => r.rule),
        })),
      reasons: result.reasons.map((r) => r.rule),
      cautions: result.reasons
        .filter((r) => r.effect === "caution" && r.option === view.recommendation)
        .map((r) => r.rule),
      assumptions,
      answers,
    };
    return { advice, json: JSON.stringify(advice).slice(1) };
  }
}
