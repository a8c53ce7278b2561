import type { OptionId, RuleSet } from "../engine/model.js";
import type { RowAdvice } from "./assess.js";

// What a whole inventory comes to: counts, the commonest blockers, and the unknown answers
// whose confirmation would settle the most workloads.

export interface AssessedRow {
  line: number;
  name: string | null;
  advice?: RowAdvice;
  error?: string;
}

export interface Summary {
  rows: number;
  assessed: number;
  invalid: number;
  /** Rows left out on purpose (RVTools templates and SRM placeholders), by reason. */
  skipped: Record<string, number>;
  /** Assessed rows per recommendation; "none" where nothing fits. */
  outcomes: Record<string, number>;
  /** Rows whose advice is not certain: some unknown answer could change it. */
  uncertain: number;
  /** Rules that rule an option out, commonest first. */
  blockers: { rule: string; option: OptionId; rows: number }[];
  /** Unknown questions that could change the advice, with how many rows hang on each. */
  toConfirm: { question: string; rows: number }[];
  /** Values assumed for optional questions the rows left out, with how many rows took each. */
  assumed: { question: string; value: string; rows: number }[];
  /** Rows whose recommendation carries a caution: something to confirm before relying on it. */
  cautioned: number;
}

export class SummaryBuilder {
  private readonly summary: Omit<Summary, "blockers" | "toConfirm" | "assumed" | "cautioned">;
  /** Rows per distinct advice: assess shares one advice object among rows with the same answers. */
  private readonly byAdvice = new Map<RowAdvice, number>();

  constructor(ruleSet: RuleSet) {
    const outcomes: Record<string, number> = {};
    for (const o of ruleSet.options) outcomes[o.id] = 0;
    outcomes.none = 0;
    this.summary = { rows: 0, assessed: 0, invalid: 0, skipped: {}, outcomes, uncertain: 0 };
  }

  add(row: AssessedRow): void {
    const s = this.summary;
    s.rows++;
    if (!row.advice) {
      s.invalid++;
      return;
    }
    s.assessed++;
    this.byAdvice.set(row.advice, (this.byAdvice.get(row.advice) ?? 0) + 1);
  }

  skip(reason: string): void {
    this.summary.skipped[reason] = (this.summary.skipped[reason] ?? 0) + 1;
  }

  result(): Summary {
    const outcomes = { ...this.summary.outcomes };
    let uncertain = 0;
    const blockers = new Map<string, { option: OptionId; rows: number }>();
    const toConfirm = new Map<string, number>();
    const assumed = new Map<string, number>();
    let cautioned = 0;
    for (const [advice, rows] of this.byAdvice) {
      if (advice.cautions.length > 0) cautioned += rows;
      for (const [question, value] of Object.entries(advice.assumptions)) {
        const key = `${question}\u0000${value}`;
        assumed.set(key, (assumed.get(key) ?? 0) + rows);
      }
      outcomes[advice.recommendation ?? "none"]! += rows;
      if (advice.certainty.share < 1) uncertain += rows;
      for (const { option, reasons } of advice.excluded) {
        for (const rule of reasons) {
          const entry = blockers.get(rule);
          if (entry) entry.rows += rows;
          else blockers.set(rule, { option, rows });
        }
      }
      for (const d of advice.certainty.dependsOn) toConfirm.set(d.question, (toConfirm.get(d.question) ?? 0) + rows);
    }
    return {
      ...this.summary,
      outcomes,
      uncertain,
      blockers: [...blockers]
        .map(([rule, b]) => ({ rule, ...b }))
        .sort((a, b) => b.rows - a.rows || a.rule.localeCompare(b.rule)),
      toConfirm: [...toConfirm]
        .map(([question, rows]) => ({ question, rows }))
        .sort((a, b) => b.rows - a.rows || a.question.localeCompare(b.question)),
      assumed: [...assumed].map(([key, rows]) => {
        const [question = "", value = ""] = key.split("\u0000");
        return { question, value, rows };
      }),
      cautioned,
    };
  }
}
