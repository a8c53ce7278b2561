import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import type { RuleSet } from "../engine/model.js";
import { RuleSetError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import { problem, type Problem } from "../problems.js";
import { decodeText, isRegularFile, readBounded, readProblem } from "../text.js";
import { buildRuleSet, emptyRuleSet, type RuleFileLayer, type Tier } from "./layer.js";
import { distrust, untrustedProblem, type ConfiguredPolicy, type Trust } from "./config.js";
import { checkOptionsFile, checkRuleFile, checkRuleTextsFile, parseRuleJson } from "./validate.js";
import { LANGS, type Lang } from "../i18n/lang.js";
import {
  applyTexts,
  englishTextsOf,
  mergeTexts,
  missingTexts,
  policyTexts,
  unknownTexts,
  type RuleTexts,
} from "./texts.js";
import type { OptionsFile, RuleFile } from "./schema.js";

// Reading rule files from disk. Everything here is I/O around the pure layer/validate modules.

/** The rules folder in the sources, which the build validates into dist/shipped-rules.json. */
export const shippedDir = (): string => join(packageRoot(), "rules");

/** A path as the user should see it: relative to the working directory when that is shorter. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== "" && !rel.startsWith("..") && rel.length < path.length ? rel : path;
}

/** The real path of a file, or the path itself when it leads nowhere (reading it will say so). */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function readText(path: string, shown: string): string {
  try {
    if (!isRegularFile(path))
      throw new RuleSetError([problem({ file: shown }, "not-a-file", (m) => m.problems.notAFile)]);
    return decodeText(readBounded(path));
  } catch (error) {
    if (error instanceof RuleSetError) throw error;
    const dangling =
      (error as NodeJS.ErrnoException).code === "ENOENT" &&
      lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink();
    throw new RuleSetError([
      problem(
        { file: shown },
        "unreadable",
        dangling ? (m) => m.problems.danglingLink : (m) => m.cli.cannotReadWhy(readProblem(error, m)),
      ),
    ]);
  }
}

export function readRuleFile(path: string, shown = path): RuleFileLayer {
  return { file: shown, data: checkRuleFile(parseRuleJson(readText(path, shown), shown), shown), path };
}

/** Where a rule file's texts in `lang` are: `<lang>/<name>.json` in its folder. */
export const textsPathOf = (path: string, lang: Lang): string => join(dirname(path), lang, basename(path));

/**
 * The texts in `lang` of a rule or options file, checked against it (an id or text the file
 * does not have is an error); undefined when there is no such file.
 */
export function readRuleTexts(
  english: RuleFile | OptionsFile,
  path: string,
  shown: string,
  lang: Lang,
): { texts: RuleTexts; file: string } | undefined {
  const full = textsPathOf(path, lang);
  const file = textsPathOf(shown, lang);
  if (!existsSync(full)) return undefined;
  const data = checkRuleTextsFile(parseRuleJson(readText(full, file), file), file);
  if (data.lang !== lang)
    throw new RuleSetError([problem({ file, path: "lang" }, "schema", `expected "${lang}" in a ${lang}/ folder`)]);
  const texts: RuleTexts = { ...data };
  for (const key of ["$schema", "$comment", "lang"] as const) delete (texts as Record<string, unknown>)[key];
  const problems = unknownTexts(englishTextsOf(english), texts, file, shown);
  if (problems.length > 0) throw new RuleSetError(problems);
  return { texts, file };
}

/**
 * The shipped rules' texts in `lang`, from `<dir>/<lang>/`: one file beside each rule file, and
 * every text translated (a missing one is an error, as a missing rule field is).
 */
export function loadShippedTextsFromDisk(lang: Lang, dir = shippedDir(), shown = "rules"): RuleTexts {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort();
  const translated = existsSync(join(dir, lang)) ? readdirSync(join(dir, lang)).filter((n) => n.endsWith(".json")) : [];
  const strays = translated
    .filter((n) => !names.includes(n))
    .map((n) =>
      problem({ file: join(shown, lang, n) }, "unknown-text", `translates ${join(shown, n)}, which does not exist`),
    );
  const files = collect(
    names.map((name) => () => {
      const path = join(dir, name);
      const file = join(shown, name);
      const data = parseRuleJson(readText(path, file), file);
      const english = name === "options.json" ? checkOptionsFile(data, file) : checkRuleFile(data, file);
      const read = readRuleTexts(english, path, file, lang);
      const textsFile = textsPathOf(file, lang);
      const problems = missingTexts(englishTextsOf(english), read?.texts ?? {}, textsFile, "error", "no French text");
      if (read === undefined && problems.length > 0)
        throw new RuleSetError([
          problem({ file: textsFile }, "missing-translation", `missing: ${file} has texts to translate`),
        ]);
      if (problems.length > 0) throw new RuleSetError(problems);
      return read?.texts ?? {};
    }),
  );
  if (strays.length > 0) throw new RuleSetError(strays);
  return mergeTexts(files);
}

/** A file, or every *.json file in a folder (recursively, in name order), as one tier; files in `seen` are left out. */
export function readTier(path: string, seen = new Set<string>(), shown = path): Tier {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new RuleSetError([problem({ file: shown }, "missing-path", (m) => m.problems.noSuchPath)]);
  }
  const firstTime = (file: string): boolean => {
    const real = realPathOf(file);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  if (!isDirectory) return firstTime(path) ? [readRuleFile(path, shown)] : [];
  const files = ruleFilesIn(path, shown).sort();
  if (files.length === 0)
    throw new RuleSetError([problem({ file: shown }, "empty-folder", (m) => m.problems.emptyFolder)]);
  // Named under the path the user gave, not where it leads.
  return collect(files.filter(firstTime).map((file) => () => readRuleFile(file, join(shown, relative(path, file)))));
}

/**
 * Every *.json file below a folder. Links to folders are not followed, so a link back up
 * cannot make the walk loop; a link to a file is read like the file.
 */
function ruleFilesIn(dir: string, shown = dir): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new RuleSetError([problem({ file: shown }, "unreadable", `cannot read the folder: ${readProblem(error)}`)]);
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const isRuleFile = entry.name.endsWith(".json") && !entry.name.endsWith(".schema.json");
    // fr/ holds the translations of the rule files beside it, not rules.
    if (entry.isDirectory() && (LANGS as readonly string[]).includes(entry.name)) continue;
    if (entry.isDirectory()) found.push(...ruleFilesIn(path, join(shown, entry.name)));
    else if (isRuleFile && !(entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory()))
      found.push(path);
  }
  return found;
}

/** Runs every reader and reports all their problems together. */
function collect<T>(readers: (() => T)[]): T[] {
  const problems: Problem[] = [];
  const results: T[] = [];
  for (const read of readers) {
    try {
      results.push(read());
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new RuleSetError(problems);
  return results;
}

/** Whether a folder is laid out like rules/: an options file beside the rule files. */
export const isShippedLayout = (dir: string): boolean => existsSync(join(dir, "options.json"));

/** The real paths of the files a path names, so that layering can leave them out. */
export function realFilesOf(path: string): Set<string> {
  const isDirectory = statSync(path, { throwIfNoEntry: false })?.isDirectory();
  return new Set((isDirectory ? ruleFilesIn(path) : [path]).map(realPathOf));
}

/** The first of a rule path's files (a folder, then every rule file below it) that `trust` refuses, and why. */
export function untrustedFile(path: string, trust: Trust): { path: string; why: string } | undefined {
  if (trust.uid === undefined) return undefined;
  const isDirectory = statSync(path, { throwIfNoEntry: false })?.isDirectory();
  for (const file of [path, ...(isDirectory ? ruleFilesIn(path) : [])]) {
    const why = distrust(file, trust);
    if (why !== undefined) return { path: file, why };
  }
  return undefined;
}

/**
 * The paths a config names, or none when the config, or a file it names, is not the user's
 * to trust: `warn` then hears which file and how to trust it.
 */
export function trustedConfigPaths(
  config: ConfiguredPolicy | undefined,
  trust: Trust,
  warn: (p: Problem) => void,
  cwd: string,
): NamedPath[] {
  if (config === undefined) return [];
  if (config.refused) {
    warn(config.refused);
    return [];
  }
  const planted = config.paths.map((path) => untrustedFile(path, trust)).find((u) => u !== undefined);
  if (planted) {
    warn(untrustedProblem(displayPath(planted.path, cwd), planted.path, planted.why, config.path));
    return [];
  }
  return config.paths.map((full, i) => ({ full, shown: config.named[i]! }));
}

/** A folder laid out like rules/ as a whole rule set; `shown` is the folder as the user named it. */
export function loadShippedFromDisk(dir = shippedDir(), shown = "rules"): RuleSet {
  const optionsPath = join(dir, "options.json");
  const optionsName = join(shown, "options.json");
  const options = checkOptionsFile(parseRuleJson(readText(optionsPath, optionsName), optionsName), optionsName);
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".json") && n !== "options.json")
    .sort();
  const tier = collect(names.map((n) => () => readRuleFile(join(dir, n), join(shown, n))));
  return buildRuleSet(emptyRuleSet(options), [tier]);
}

/**
 * Shipped rules, then the configured ones, then those from --rules. A file reached twice (a
 * folder named in the config and again with --rules, or through a link) is read once, where
 * it first appears.
 */
export function layerRuleFiles(shipped: RuleSet, paths: readonly NamedPath[], seen = new Set<string>()): RuleSet {
  return buildRuleSet(
    shipped,
    readTiers(paths, seen).filter((tier) => tier.length > 0),
  );
}

/** One tier a path, in order; a file reached before is left out of the later tier, which may be empty. */
export const readTiers = (paths: readonly NamedPath[], seen = new Set<string>()): Tier[] =>
  collect(paths.map((p) => () => readTier(p.full, seen, p.shown)));

/** A rule path: where it leads, and as the user gave it (for messages). */
export interface NamedPath {
  full: string;
  shown: string;
}

/**
 * A layered rule set with its policy files' texts in `lang`, from the fr/ folder beside each;
 * the texts that have none stay English, and are listed as warnings (policy.untranslated).
 */
export function translatePolicy(ruleSet: RuleSet, tiers: readonly Tier[], lang: Lang): RuleSet {
  const layers = collect(
    tiers.flat().map((layer) => () => {
      const read = layer.path === undefined ? undefined : readRuleTexts(layer.data, layer.path, layer.file, lang);
      return {
        english: englishTextsOf(layer.data),
        texts: read?.texts,
        file: layer.file,
        textsFile: textsPathOf(layer.file, lang),
      };
    }),
  );
  const { texts, missing } = policyTexts(ruleSet, layers, lang);
  const translated = applyTexts(ruleSet, texts, lang);
  if (missing.length === 0 || translated.policy === undefined) return translated;
  return { ...translated, policy: { ...translated.policy, untranslated: missing } };
}
