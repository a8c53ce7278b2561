import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { RuleSet } from "../engine/model.js";
import { packageRoot } from "../package-root.js";
import type { Problem } from "../problems.js";
import { configuredPolicy, type Trust } from "./config.js";
import type { Lang } from "../i18n/lang.js";
import { applyTexts, type RuleTexts } from "./texts.js";

// The one way to get a rule set, in production and in tests alike.

/** Written by the build from rules/, after the same validation users' rule files go through. */
const SHIPPED_FILE = "dist/shipped-rules.json";
/** Their texts in another language, from rules/<lang>/: read only when that language is chosen. */
const shippedTextsFile = (lang: Lang): string => `dist/shipped-texts.${lang}.json`;

/** The CLI has not been built in this checkout. */
export class NotBuiltError extends Error {}

const shipped = new Map<Lang, RuleSet>();

function readBuilt(file: string): unknown {
  const root = packageRoot();
  let text: string;
  try {
    text = readFileSync(join(root, file), "utf8");
  } catch {
    throw new NotBuiltError(`vmvc is not built yet: run \`npm ci\` (or \`npm run build\`) in ${root}`);
  }
  return JSON.parse(text);
}

/** The shipped rules, their texts in `lang`. */
export function shippedRuleSet(lang: Lang = "en"): RuleSet {
  const known = shipped.get(lang);
  if (known) return known;
  const english = shipped.get("en") ?? (readBuilt(SHIPPED_FILE) as RuleSet);
  shipped.set("en", english);
  if (lang === "en") return english;
  const ruleSet = applyTexts(english, readBuilt(shippedTextsFile(lang)) as RuleTexts, lang);
  shipped.set(lang, ruleSet);
  return ruleSet;
}

export interface RuleSources {
  /** From --rules, in order; layered last. */
  rulePaths: readonly string[];
  cwd: string;
  /** Whose configured files may be applied; --rules paths are the user's own choice and always are. */
  trust?: Trust;
  /** Hears why a configured policy is left out. */
  warn?: (p: Problem) => void;
  /** The language of the texts: a policy's come from the fr/ folder beside its files, else stay English. */
  lang?: Lang;
}

/** The shipped rules, then the configured ones, then those from --rules. */
export async function loadRuleSet({
  rulePaths,
  cwd,
  trust = {},
  warn = () => undefined,
  lang = "en",
}: RuleSources): Promise<RuleSet> {
  const base = shippedRuleSet(lang);
  const config = configuredPolicy(cwd, trust);
  if (config?.refused) warn(config.refused);
  if ((config === undefined || config.refused) && rulePaths.length === 0) return base;
  // The validating loader (and zod with it) is loaded only for a policy.
  const [{ readTiers, trustedConfigPaths, translatePolicy }, { buildRuleSet }] = await Promise.all([
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
  const layered = buildRuleSet(
    base,
    tiers.filter((tier) => tier.length > 0),
  );
  const ruleSet = lang === "en" ? layered : translatePolicy(layered, tiers, lang);
  const layers = named.flatMap(({ path, from }, i) =>
    tiers[i]!.length === 0 ? [] : [{ path, from, files: tiers[i]!.length }],
  );
  return { ...ruleSet, policy: { overriddenHardFacts: [], addedValues: [], ...ruleSet.policy, layers } };
}
