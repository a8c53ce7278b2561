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
}

export class SummaryBuilder {
  private readonly summary: Omit<Summary, "blockers" | "toConfirm">;
  private readonly blockers = new Map<string, { option: OptionId; rows: number }>();
  private readonly toConfirm = new Map<string, number>();

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
    s.outcomes[row.advice.recommendation ?? "none"]!++;
    if (row.advice.certainty.share < 1) s.uncertain++;
    for (const { option, reasons } of row.advice.excluded) {
      for (const rule of reasons) {
        const entry = this.blockers.get(rule);
        if (entry) entry.rows++;
        else this.blockers.set(rule, { option, rows: 1 });
      }
    }
    for (const d of row.advice.certainty.dependsOn) this.toConfirm.set(d.question, (this.toConfirm.get(d.question) ?? 0) + 1);
  }

  skip(reason: string): void {
    this.summary.skipped[reason] = (this.summary.skipped[reason] ?? 0) + 1;
  }

  result(): Summary {
    return {
      ...this.summary,
      blockers: [...this.blockers].map(([rule, b]) => ({ rule, ...b })).sort((a, b) => b.rows - a.rows || a.rule.localeCompare(b.rule)),
      toConfirm: [...this.toConfirm].map(([question, rows]) => ({ question, rows })).sort((a, b) => b.rows - a.rows || a.question.localeCompare(b.question)),
    };
  }
}
