import { outlook, UNKNOWN, type Dependence } from "../engine/certainty.js";
import type { CompiledRuleSet } from "../engine/compile.js";
import { evaluate } from "../engine/evaluate.js";
import { marginOf, blockersOf, type Margin } from "../engine/explain.js";
import type { Answers, OptionId, Question } from "../engine/model.js";
import { sourceInfo } from "../engine/sources.js";
import { escapeJson } from "../escape.js";
import { valueProblem } from "../engine/values.js";
import { assumptionsOf, completeAnswers } from "./columns.js";

// One inventory row's advice, as assess reports it. Pure, and cached by answer set: an
// inventory has far fewer distinct answer sets than rows.

/** A rule that rules an option out, with the page it rests on. */
export interface Blocker {
  rule: string;
  sourceUrl?: string;
}

export interface Exclusion {
  option: OptionId;
  /** The primary reasons (engine/explain.ts primaryReasons). */
  reasons: Blocker[];
  /**
   * Set when the option is out only for some answers to the unknown questions: the answers
   * of the case shown under which it is ("if the hosts run 2019"). Absent: out in every case.
   */
  if?: Answers;
}

export interface RowAdvice {
  recommendation: OptionId | null;
  /** The winner's lead in the case explained, as in `advise --json`. */
  margin: Margin;
  certainty: { unknown: string[]; combinations: number; share: number; dependsOn: Dependence[]; nothingFits: number };
  /** Every option ruled out, with the reasons that rule it out. */
  excluded: Exclusion[];
  /** The rules that applied, in rule order. */
  reasons: string[];
  /** The cautions on the recommendation (rule ids): what to confirm before relying on it. */
  cautions: string[];
  /** Optional questions the row leaves out, at their assumed values. */
  assumptions: Answers;
  /** The rule that decided the recommendation: the winner's strongest point, else the blocker of the others. */
  deciding: Blocker | null;
  answers: Answers;
}

/** Where a row's answer to a question came from, by question index. */
export const FROM_ROW = 0;
export const FROM_DEFAULT = 1;
export const FROM_NOWHERE = 2;
/** Left out by the row and the flags, and taken from the question's `assume` (devices, host-type, identity). */
export const FROM_ASSUMPTION = 3;

export interface Assessed {
  advice: RowAdvice;
  /** Per question: FROM_ROW, FROM_DEFAULT, FROM_ASSUMPTION or FROM_NOWHERE (unknown). */
  sources: Uint8Array;
  /** The advice as the tail of a JSON object, control characters escaped: `"recommendation":…}`. */
  json: string;
}

/**
 * Distinct answer sets kept; past it the cache starts again. Small enough that peak memory is
 * the same at 20,000 and 200,000 distinct rows, and far above the profiles of a real estate.
 */
const CACHE_LIMIT = 8_192;

export class Assessor {
  private readonly cache = new Map<string, Assessed | { error: string }>();
  private readonly questions: Question[];
  private readonly blockers = new Map<string, Blocker>();
  /** Per rule, the questions it names, in the order its clauses name them. */
  private readonly named = new Map<string, string[]>();
  private readonly json = new AdviceJson();

  constructor(
    private readonly compiled: CompiledRuleSet,
    private readonly defaults: Answers,
  ) {
    this.questions = compiled.ruleSet.questions;
    for (const r of compiled.ruleSet.rules) {
      const url = sourceInfo(compiled.ruleSet, r.source).url;
      this.blockers.set(r.id, url ? { rule: r.id, sourceUrl: url } : { rule: r.id });
      this.named.set(r.id, [...new Set([...r.when, ...r.unless].flatMap((clause) => Object.keys(clause)))]);
    }
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
  assess(key: string, answersOf: () => Answers | { error: string }): Assessed | { error: string } {
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    const given = answersOf();
    const problem = typeof given.error === "string" ? given.error : this.check(given as Answers);
    const assessed =
      problem !== undefined
        ? { error: problem }
        : this.compute(
            completeAnswers(this.compiled.ruleSet, given as Answers, this.defaults),
            given as Answers,
            assumptionsOf(this.compiled.ruleSet, given as Answers, this.defaults),
          );
    this.cache.set(key, assessed);
    return assessed;
  }

  private compute(answers: Answers, given: Answers, assumptions: Answers): Assessed {
    const c = this.compiled;
    const { ruleSet } = c;
    const view = outlook(c, answers);
    const result = evaluate(c, view.representative);
    const { unknown, combinations, share, dependsOn, nothingFits } = view.certainty;
    const open = new Set(unknown);
    const blocker = (rule: string): Blocker => this.blockers.get(rule)!;
    const excluded: Exclusion[] = blockersOf(c, view.representative, result).map(({ option, reasons }) => {
      const index = ruleSet.options.findIndex((x) => x.id === option);
      if (view.eligible[index] === 0) return { option, reasons: reasons.map((r) => blocker(r.rule)) };
      // Out in the case shown only: name the unknown answers it rests on.
      const condition: Answers = {};
      for (const r of reasons)
        for (const q of this.named.get(r.rule)!) if (open.has(q)) condition[q] = view.representative[q]!;
      return { option, reasons: reasons.map((r) => blocker(r.rule)), if: condition };
    });
    // The winner's strongest point, the first in rule order among equals.
    let winner: (typeof result.reasons)[number] | undefined;
    for (const r of result.reasons)
      if (r.option === view.recommendation && typeof r.effect === "number" && r.effect > 0)
        if (winner === undefined || r.effect > (winner.effect as number)) winner = r;
    const firstBlocker = excluded.find((e) => e.if === undefined)?.reasons[0];
    const margin = marginOf(result);
    const advice: RowAdvice = {
      recommendation: view.recommendation,
      margin,
      certainty: { unknown, combinations, share, dependsOn, nothingFits },
      excluded,
      reasons: result.reasons.map((r) => r.rule),
      cautions: result.reasons
        .filter((r) => r.effect === "caution" && r.option === view.recommendation)
        .map((r) => r.rule),
      assumptions,
      // Alone in the field, the winner is explained by what ruled the others out.
      deciding: margin.points === null && firstBlocker ? firstBlocker : winner ? blocker(winner.rule) : null,
      answers,
    };
    const sources = new Uint8Array(ruleSet.questions.length);
    ruleSet.questions.forEach((q, i) => {
      sources[i] =
        given[q.id] !== undefined && given[q.id] !== UNKNOWN
          ? FROM_ROW
          : given[q.id] === undefined && this.defaults[q.id] !== undefined && this.defaults[q.id] !== UNKNOWN
            ? FROM_DEFAULT
            : Object.hasOwn(assumptions, q.id)
              ? FROM_ASSUMPTION
              : FROM_NOWHERE;
    });
    return { advice, sources, json: this.json.advice(advice) };
  }
}

/**
 * A row's advice as JSON, exactly as `escapeJson(JSON.stringify(advice))` writes it without its
 * opening brace, from pieces worked out once: every string in it comes from the rule set, so
 * each is quoted and escaped once. A distinct row spent more time in JSON.stringify than in the
 * engine (see docs/performance.md). The pieces are joined once, into one flat string: a cached
 * string of concatenations holds hundreds of small objects for the collector to move.
 */
class AdviceJson {
  private readonly quoted = new Map<string, string>();
  private readonly blockers = new Map<Blocker, string>();

  private text(value: string | null): string {
    if (value === null) return "null";
    let json = this.quoted.get(value);
    if (json === undefined) {
      json = escapeJson(JSON.stringify(value));
      if (this.quoted.size < 65_536) this.quoted.set(value, json);
    }
    return json;
  }

  private list(out: string[], values: readonly string[]): void {
    out.push("[");
    values.forEach((value, i) => out.push(i === 0 ? "" : ",", this.text(value)));
    out.push("]");
  }

  private record(out: string[], values: Readonly<Record<string, string | null>>): void {
    out.push("{");
    let first = true;
    for (const key in values) {
      out.push(first ? "" : ",", this.text(key), ":", this.text(values[key]!));
      first = false;
    }
    out.push("}");
  }

  private blocker(b: Blocker): string {
    let json = this.blockers.get(b);
    if (json === undefined) this.blockers.set(b, (json = escapeJson(JSON.stringify(b))));
    return json;
  }

  advice(a: RowAdvice): string {
    const { margin, certainty } = a;
    const out: string[] = [`"recommendation":`, this.text(a.recommendation)];
    out.push(`,"margin":{"points":`, String(margin.points), `,"runnerUp":`, this.text(margin.runnerUp));
    out.push(`,"verdict":`, this.text(margin.verdict), `},"certainty":{"unknown":`);
    this.list(out, certainty.unknown);
    out.push(`,"combinations":`, String(certainty.combinations), `,"share":`, String(certainty.share));
    out.push(`,"dependsOn":[`);
    certainty.dependsOn.forEach((d, i) => {
      out.push(i === 0 ? "" : ",", `{"question":`, this.text(d.question));
      if (d.byValue) {
        out.push(`,"byValue":`);
        this.record(out, d.byValue);
      }
      if (d.mixed) out.push(`,"mixed":true`);
      out.push("}");
    });
    out.push(`],"nothingFits":`, String(certainty.nothingFits), `},"excluded":[`);
    a.excluded.forEach((e, i) => {
      out.push(i === 0 ? "" : ",", `{"option":`, this.text(e.option), `,"reasons":[`);
      e.reasons.forEach((b, j) => out.push(j === 0 ? "" : ",", this.blocker(b)));
      out.push("]");
      if (e.if) {
        out.push(`,"if":`);
        this.record(out, e.if);
      }
      out.push("}");
    });
    out.push(`],"reasons":`);
    this.list(out, a.reasons);
    out.push(`,"cautions":`);
    this.list(out, a.cautions);
    out.push(`,"assumptions":`);
    this.record(out, a.assumptions);
    out.push(`,"deciding":`, a.deciding === null ? "null" : this.blocker(a.deciding), `,"answers":`);
    this.record(out, a.answers);
    out.push("}");
    return out.join("");
  }
}
