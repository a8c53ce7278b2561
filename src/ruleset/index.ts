import { resolve } from "node:path";
import { compile, fromTables, type CompiledRuleSet, type CompiledTables } from "../engine/compile.js";
import type { RuleSet } from "../engine/model.js";
import { configuredRulePaths } from "./config.js";

// The one way the CLI gets a rule set. The shipped set is validated at build time and
// embedded in the bundle; only user rule files need the validating loader at run time.

declare const __VMVC_SHIPPED_JSON__: string | undefined;
declare const __VMVC_SHIPPED_TABLES_JSON__: string | undefined;

let shipped: RuleSet | undefined;

export async function shippedRuleSet(): Promise<RuleSet> {
  if (typeof __VMVC_SHIPPED_JSON__ !== "undefined") return (shipped ??= JSON.parse(__VMVC_SHIPPED_JSON__) as RuleSet);
  const { loadShippedFromDisk } = await import("./load.js");
  return (shipped ??= loadShippedFromDisk());
}

export interface RuleSources {
  /** From --rules, in order; layered last. */
  rulePaths: readonly string[];
  cwd: string;
}

export async function loadRuleSet({ rulePaths, cwd }: RuleSources): Promise<RuleSet> {
  const base = await shippedRuleSet();
  const paths = [...configuredRulePaths(cwd), ...rulePaths.map((p) => resolve(cwd, p))];
  if (paths.length === 0) return base;
  const { layerRuleFiles } = await import("./load.js");
  return layerRuleFiles(base, paths);
}

/** The engine's form of a rule set; for the shipped set, as compiled at build time. */
export function compiledRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  if (ruleSet === shipped && typeof __VMVC_SHIPPED_TABLES_JSON__ !== "undefined") {
    return fromTables(ruleSet, JSON.parse(__VMVC_SHIPPED_TABLES_JSON__) as CompiledTables);
  }
  return compile(ruleSet);
}
