import type { OptionId, RuleSet } from "../engine/model.js";
import { FROM_ASSUMPTION, FROM_DEFAULT, FROM_NOWHERE, FROM_ROW, type RowAdvice } from "./assess.js";
import type { Placement } from "./columns.js";

// What a whole inventory comes to: counts, the commonest blockers, the unknown answers whose
// confirmation would settle the most workloads, where the answers came from, and the
// breakdown by cluster. Each row is counted as it passes, so memory does not grow with the
// rows however many distinct answer sets they have.

export interface AssessedRow {
  line: number;
  name: string | null;
  placement?: Placement;
  advice?: RowAdvice;
  /** Per question, where the answer came from (see assess.ts). */
  sources?: Uint8Array;
  error?: string;
}

export interface GroupSummary {
  /** The cluster (or host, or folder) as the input names it. */
  name: string;
  rows: number;
  outcomes: Record<string, number>;
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
  /** Rules that rule an option out in every case, commonest first. */
  blockers: { rule: string; option: OptionId; rows: number }[];
  /** Rules that rule an option out only for some answers to unknown questions. */
  conditionalBlockers: { rule: string; option: OptionId; rows: number }[];
  /** Unknown questions that could change the advice, with how many rows hang on each. */
  toConfirm: { question: string; rows: number }[];
  /** Values assumed for optional questions the rows left out, with how many rows took each. */
  assumed: { question: string; value: string; rows: number }[];
  /** Rows whose recommendation carries a caution: something to confirm before relying on it. */
  cautioned: number;
  /**
   * Per question, over the assessed rows: answered by the row, by a flag's default, by the
   * question's assumed value (left out everywhere: devices, host-type, identity), or unknown.
   */
  answered: { question: string; row: number; default: number; assumed: number; unknown: number }[];
  /** By cluster, else host, else folder, when the input has the column: which could move. */
  groups?: { by: keyof Placement; groups: GroupSummary[]; more: number };
}

const PENDING_LIMIT = 8_192;

/** Where an answer can come from: FROM_ROW, FROM_DEFAULT, FROM_NOWHERE, FROM_ASSUMPTION. */
const SOURCES = 4;

/** Groups kept for the breakdown; the rest are counted. */
const MAX_GROUPS = 5_000;

type Count = { option: OptionId; rows: number };

export class SummaryBuilder {
  private rows = 0;
  private assessed = 0;
  private invalid = 0;
  private uncertain = 0;
  private readonly skipped: Record<string, number> = {};
  private readonly outcomes: Record<string, number> = {};
  private readonly blockers = new Map<string, Count>();
  private readonly conditional = new Map<string, Count>();
  private readonly toConfirm = new Map<string, number>();
  private readonly assumed = new Map<string, number>();
  private cautioned = 0;
  private readonly sources: Float64Array;
  private groupBy: keyof Placement | undefined;
  private readonly groups = new Map<string, GroupSummary>();
  private moreGroups = new Set<string>();
  /** Rows per advice object not yet counted in: rows with the same answers share one, so most rows cost one map update. */
  private readonly pending = new Map<RowAdvice, { rows: number; sources: Uint8Array | undefined }>();

  constructor(private readonly ruleSet: RuleSet) {
    for (const o of ruleSet.options) this.outcomes[o.id] = 0;
    this.outcomes.none = 0;
    this.sources = new Float64Array(ruleSet.questions.length * SOURCES);
  }

  add(row: AssessedRow): void {
    this.rows++;
    const advice = row.advice;
    if (!advice) {
      this.invalid++;
      return;
    }
    this.assessed++;
    if (row.placement) this.group(row.placement, advice.recommendation ?? "none");
    const entry = this.pending.get(advice);
    if (entry) {
      entry.rows++;
      return;
    }
    // Bounded: past this many distinct advice objects, what is pending is counted in.
    if (this.pending.size >= PENDING_LIMIT) this.fold();
    this.pending.set(advice, { rows: 1, sources: row.sources });
  }

  /** Counts the pending rows into the totals. */
  private fold(): void {
    for (const [advice, { rows, sources }] of this.pending) this.count(advice, rows, sources);
    this.pending.clear();
  }

  private count(advice: RowAdvice, rows: number, sources: Uint8Array | undefined): void {
    const outcome = advice.recommendation ?? "none";
    this.outcomes[outcome]! += rows;
    if (advice.cautions.length > 0) this.cautioned += rows;
    for (const [question, value] of Object.entries(advice.assumptions)) {
      const key = `${question}\u0000${value}`;
      this.assumed.set(key, (this.assumed.get(key) ?? 0) + rows);
    }
    if (advice.certainty.share < 1) this.uncertain += rows;
    for (const { option, reasons, if: condition } of advice.excluded) {
      const into = condition === undefined ? this.blockers : this.conditional;
      for (const { rule } of reasons) {
        const entry = into.get(rule);
        if (entry) entry.rows += rows;
        else into.set(rule, { option, rows });
      }
    }
    for (const d of advice.certainty.dependsOn)
      this.toConfirm.set(d.question, (this.toConfirm.get(d.question) ?? 0) + rows);
    if (sources) sources.forEach((from, q) => (this.sources[q * SOURCES + from]! += rows));
  }

  private group(placement: Placement, outcome: string): void {
    // The first placement column seen decides the grouping: cluster before host before folder.
    this.groupBy ??= (["cluster", "host", "folder", "datacenter"] as const).find((p) => placement[p] !== undefined);
    const name = this.groupBy === undefined ? undefined : placement[this.groupBy];
    if (name === undefined) return;
    let group = this.groups.get(name);
    if (!group) {
      if (this.groups.size >= MAX_GROUPS) {
        if (this.moreGroups.size < MAX_GROUPS) this.moreGroups.add(name);
        return;
      }
      group = { name, rows: 0, outcomes: {} };
      this.groups.set(name, group);
    }
    group.rows++;
    group.outcomes[outcome] = (group.outcomes[outcome] ?? 0) + 1;
  }

  skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  result(): Summary {
    this.fold();
    const sorted = (counts: Map<string, Count>) =>
      [...counts].map(([rule, b]) => ({ rule, ...b })).sort((a, b) => b.rows - a.rows || a.rule.localeCompare(b.rule));
    return {
      rows: this.rows,
      assessed: this.assessed,
      invalid: this.invalid,
      skipped: { ...this.skipped },
      outcomes: { ...this.outcomes },
      uncertain: this.uncertain,
      blockers: sorted(this.blockers),
      conditionalBlockers: sorted(this.conditional),
      toConfirm: [...this.toConfirm]
        .map(([question, rows]) => ({ question, rows }))
        .sort((a, b) => b.rows - a.rows || a.question.localeCompare(b.question)),
      assumed: [...this.assumed].map(([key, rows]) => {
        const [question = "", value = ""] = key.split("\u0000");
        return { question, value, rows };
      }),
      cautioned: this.cautioned,
      answered: this.ruleSet.questions.map((q, i) => ({
        question: q.id,
        row: this.sources[i * SOURCES + FROM_ROW]!,
        default: this.sources[i * SOURCES + FROM_DEFAULT]!,
        assumed: this.sources[i * SOURCES + FROM_ASSUMPTION]!,
        unknown: this.sources[i * SOURCES + FROM_NOWHERE]!,
      })),
      ...(this.groupBy !== undefined
        ? {
            groups: {
              by: this.groupBy,
              groups: [...this.groups.values()].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name)),
              more: this.moreGroups.size,
            },
          }
        : {}),
    };
  }
}
