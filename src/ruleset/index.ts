import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { RuleSet } from "../engine/model.js";
import { packageRoot } from "../package-root.js";
import { configuredRulePaths } from "./config.js";

// The one way to get a rule set, in production and in tests alike.

/** Written by the build from rules/, after the same validation users' rule files go through. */
export const SHIPPED_FILE = "dist/shipped-rules.json";

/** The CLI has not been built in this checkout. */
export class NotBuiltError extends Error {}

let shipped: RuleSet | undefined;

export function shippedRuleSet(): RuleSet {
  if (shipped) return shipped;
  const root = packageRoot();
  let text: string;
  try {
    text = readFileSync(join(root, SHIPPED_FILE), "utf8");
  } catch {
    throw new NotBuiltError(`vmvc is not built yet: run \`npm ci\` (or \`npm run build\`) in ${root}`);
  }
  return (shipped = JSON.parse(text) as RuleSet);
}

export interface RuleSources {
  /** From --rules, in order; layered last. */
  rulePaths: readonly string[];
  cwd: string;
}

/** The shipped rules, then the configured ones, then those from --rules. */
export async function loadRuleSet({ rulePaths, cwd }: RuleSources): Promise<RuleSet> {
  const base = shippedRuleSet();
  const paths = [...configuredRulePaths(cwd), ...rulePaths.map((p) => resolve(cwd, p))];
  if (paths.length === 0) return base;
  // The validating loader (and zod with it) is loaded only for a policy.
  const { layerRuleFiles } = await import("./load.js");
  return layerRuleFiles(base, paths);
}
