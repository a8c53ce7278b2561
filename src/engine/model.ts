// The domain types shared by the engine, the loaders and the renderers.

import type { Lang } from "../i18n/lang.js";
import type { Problem } from "../problems.js";

export type OptionId = string;

export interface Option {
  id: OptionId;
  label: string;
  short: string;
}

export interface Choice {
  value: string;
  label: string;
  meaning: string;
}

export interface Question {
  id: string;
  prompt: string;
  help: string;
  /** A short noun phrase for sentences such as "depends on the edition". */
  topic: string;
  choices: Choice[];
  /** Asked even when the other answers already settle the outcome (it describes the environment). */
  alwaysAsk: boolean;
  /** A script may leave it out: it then counts as unknown. */
  optional: boolean;
  /** For an optional question: the value taken, and said to be taken, when it is not given. */
  assume?: string;
  /** The choice a prompt starts on... */
  default?: string;
  /** ...unless this question's answer is also one of this question's values. */
  defaultFrom?: string;
  file: string;
}

/** One conjunction: every listed question must have one of the listed values. */
export type Clause = Record<string, string[]>;

export type Effect =
  | { option: OptionId; score: number }
  | { option: OptionId; exclude: true }
  /** Leaves the points alone: something to confirm when this option is the advice. */
  | { option: OptionId; caution: true };

export interface Rule {
  id: string;
  /** The rule applies when any clause holds (an empty clause always holds)... */
  when: Clause[];
  /** ...and no `unless` clause holds. */
  unless: Clause[];
  effect: Effect;
  reason: string;
  remedy?: string;
  source: string;
  /** Why the weight is what it is. */
  rationale?: string;
  file: string;
}

export interface SourceSection {
  id: string;
  title: string;
  anchor?: string;
  /** The section's anchor on the page in the rule set's language ({@link SourcePage.localUrl}), when known. */
  localAnchor?: string;
}

export interface SourcePage {
  id: string;
  title: string;
  /** The page in English. */
  url: string;
  /** The page in the rule set's language, when it has one: its anchors come from translated headings. */
  localUrl?: string;
  sections: SourceSection[];
  file: string;
}

export interface ComparisonRow {
  id: string;
  feature: string;
  source: string;
  values: Record<OptionId, string>;
  /** Where a cell's facts come from, when not (only) from the row's source. */
  cellSources?: Record<OptionId, string[]>;
  file: string;
}

/** An order for settling equal scores that applies when its conditions hold. */
export interface TieBreak {
  id: string;
  when: Clause[];
  /** Every option, the one that wins a tie first. */
  order: OptionId[];
  reason: string;
  source: string;
}

/** Where a layered policy came from, for outputs that must say which rules were in force. */
export interface PolicyLayer {
  /** The path as the user named it. */
  path: string;
  /** Named in a config file (its name), or on the command line. */
  from: string;
  files: number;
}

export interface AddedValue {
  question: string;
  value: string;
  /** The existing value it behaves like. */
  as?: string;
  file: string;
  /** Without `as`: the options ruled out for it, because hard facts about them read this question. */
  ruledOut: OptionId[];
}

export interface RuleSet {
  /** The language of its texts; absent for English. */
  lang?: Lang;
  /** The policies layered over the shipped rules, in order; absent for the shipped rules alone. */
  policy?: {
    layers: PolicyLayer[];
    /** Hard facts a policy disabled or replaced on purpose ("override": "hard-fact"). */
    overriddenHardFacts: { rule: string; file: string }[];
    /** Values a policy added to an existing question; without `as`, hard facts fail closed on them. */
    addedValues: AddedValue[];
    /** The policy's texts that have no translation in the rule set's language, and are shown in English. */
    untranslated?: Problem[];
  };
  /** In display order. */
  options: Option[];
  /** On equal scores the option listed first wins... */
  tieBreak: OptionId[];
  /** Why the default order is what it is. */
  tieBreakReason: string;
  /** ...unless the first of these whose conditions hold says otherwise. */
  tieBreaks: TieBreak[];
  questions: Question[];
  sources: SourcePage[];
  rules: Rule[];
  comparison: ComparisonRow[];
}

export type Answers = Record<string, string>;

export interface Reason {
  rule: string;
  option: OptionId;
  effect: number | "excluded" | "caution";
  text: string;
  source: string;
  remedy?: string;
  /** Answers this reason rests on that were unknown: the values assumed in the case explained. */
  assumes?: Answers;
}

export interface ScoredOption {
  id: OptionId;
  label: string;
  score: number;
  eligible: boolean;
}

export interface Result {
  /** null when every option is ruled out. */
  recommendation: OptionId | null;
  /** The tie-break rule that decided between equal scores at the top, if it came to that. */
  tieBreak?: { rule: string; text: string; source: string };
  /** Best first: eligible before ineligible, then by score, then in tie-break order. */
  options: ScoredOption[];
  reasons: Reason[];
  answers: Answers;
}

export const isExclusion = (effect: Effect): effect is { option: OptionId; exclude: true } => "exclude" in effect;
export const isCaution = (effect: Effect): effect is { option: OptionId; caution: true } => "caution" in effect;

/** The points a rule gives its option: 0 for an exclusion or a caution. */
export const pointsOf = (effect: Effect): number => ("score" in effect ? effect.score : 0);

/** What a rule did to its option, as reasons and listings report it. */
export const effectValue = (effect: Effect): number | "excluded" | "caution" =>
  isExclusion(effect) ? "excluded" : isCaution(effect) ? "caution" : effect.score;
