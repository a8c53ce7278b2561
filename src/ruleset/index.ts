import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { RuleSet } from "../engine/model.js";
import { packageRoot } from "../package-root.js";
import type { Problem } from "../problems.js";
import { configuredPolicy, type Trust } from "./config.js";

// The one way to get a rule set, in production and in tests alike.

/** Written by the build from rules/, after the same validation users' rule files go through. */
const SHIPPED_FILE = "dist/shipped-rules.json";

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
  /** Whose configured files may be applied; --rules paths are the user's own choice and always are. */
  trust?: Trust;
  /** Hears why a configured policy is left out. */
  warn?: (p: Problem) => void;
}

/** The shipped rules, then the configured ones, then those from --rules. */
export async function loadRuleSet({
  rulePaths,
  cwd,
  trust = {},
  warn = () => undefined,
}: RuleSources): Promise<RuleSet> {
  const base = shippedRuleSet();
  const config = configuredPolicy(cwd, trust);
  if (config?.refused) warn(config.refused);
  if ((config === undefined || config.refused) && rulePaths.length === 0) return base;
  // The validating loader (and zod with it) is loaded only for a policy.
  const [{ readTiers, trustedConfigPaths }, { buildRuleSet }] = await Promise.all([
    import("./load.js"),
    import("./layer.js"),
  ]);
  const named = [
    ...trustedConfigPaths(config?.refused ? undefined : config, trust, warn, cwd).map((p) => ({
      path: p.shown,
      full: p.full,
      from: config!.file,
    })),
    ...rulePaths.map((path) => ({ path, full: resolve(cwd, path), from: "--rules" })),
  ];
  if (named.length === 0) return base;
  // A path named twice counts once, where it first appears: its later tier is empty.
  const tiers = readTiers(named.map((n) => ({ full: n.full, shown: n.path })));
  const ruleSet = buildRuleSet(
    base,
    tiers.filter((tier) => tier.length > 0),
  );
  const layers = named.flatMap(({ path, from }, i) =>
    tiers[i]!.length === 0 ? [] : [{ path, from, files: tiers[i]!.length }],
  );
  return { ...ruleSet, policy: { overriddenHardFacts: [], addedValues: [], ...ruleSet.policy, layers } };
}
