import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { compile, fromTables, type CompiledRuleSet, type CompiledTables } from "../engine/compile.js";
import type { RuleSet } from "../engine/model.js";
import { configuredRulePaths } from "./config.js";

// The one way the CLI gets a rule set. The shipped set is validated at build time and
// written next to the bundle; only user rule files need the validating loader at run time.

/** Kept out of the bundle's source: there it would be read, and cached compiled, at every start. */
export const SHIPPED_FILE = "shipped-rules.json";

/** In the bundle: the folder it is in, where the build wrote the shipped set. */
declare const __VMVC_BUNDLE_DIR__: string | undefined;
declare const __VMVC_SHIPPED_TABLES_JSON__: string | undefined;

let shipped: RuleSet | undefined;

export async function shippedRuleSet(): Promise<RuleSet> {
  if (typeof __VMVC_BUNDLE_DIR__ !== "undefined") {
    return (shipped ??= JSON.parse(readFileSync(join(__VMVC_BUNDLE_DIR__, SHIPPED_FILE), "utf8")) as RuleSet);
  }
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
