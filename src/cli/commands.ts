import type { RuleSet } from "../engine/model.js";
import { ADVISE_FORMATS, runAdvise, type AdviseFlags } from "./advise.js";
import { COMPARE_FORMATS, runCompare, type CompareFlags } from "./compare.js";
import type { Context } from "./context.js";
import { RULES_FLAG, type FlagSpec } from "./flags.js";

// advise and compare as data: their flags and what runs them.

export interface CommandSpec {
  name: string;
  description: string;
  flags(ruleSet: RuleSet): FlagSpec[];
  run(ctx: Context, flags: Record<string, unknown>): Promise<number>;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "advise",
    description: "recommend how to run one workload, with the reasons and their sources",
    flags: (ruleSet) => [
      { flags: "--json", description: "print JSON only (same as --format json)" },
      { flags: "--format <format>", description: "output format", choices: ADVISE_FORMATS },
      { flags: "--answers <file>", description: "read answers from a JSON file, or - for stdin; flags override it" },
      { flags: "--no-input", description: "never prompt; fail if an answer is missing" },
      RULES_FLAG,
      ...ruleSet.questions.map((q) => ({ flags: `--${q.id} <value>`, description: `${q.prompt} (${q.choices.map((c) => c.value).join("|")})` })),
    ],
    run: (ctx, flags) => runAdvise(ctx, flags as AdviseFlags),
  },
  {
    name: "compare",
    description: "print the comparison table of the three options",
    flags: () => [
      { flags: "--format <format>", description: "output format", choices: COMPARE_FORMATS, default: "table" },
      { flags: "--json", description: "same as --format json" },
      { flags: "--rows <ids>", description: "only these rows, comma-separated (see --format json for ids)" },
      RULES_FLAG,
    ],
    run: (ctx, flags) => runCompare(ctx, flags as CompareFlags),
  },
];
