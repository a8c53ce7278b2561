import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { RuleSet } from "../engine/model.js";
import { RuleSetError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import { decodeText, isRegularFile, readBounded, readProblem } from "../text.js";
import { buildRuleSet, emptyRuleSet, type RuleFileLayer, type Tier } from "./layer.js";
import { checkOptionsFile, checkRuleFile, parseRuleJson } from "./validate.js";

// Reading rule files from disk. Everything here is I/O around the pure layer/validate modules.

/** The rules folder in the sources, which the build validates into dist/shipped-rules.json. */
export const shippedDir = (): string => join(packageRoot(), "rules");

/** A path as the user should see it: relative to the working directory when that is shorter. */
export function displayPath(path: string, cwd = process.cwd()): string {
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
    if (!isRegularFile(path)) throw new RuleSetError([`${shown}: not a regular file`]);
    return decodeText(readBounded(path));
  } catch (error) {
    if (error instanceof RuleSetError) throw error;
    const dangling =
      (error as NodeJS.ErrnoException).code === "ENOENT" &&
      lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink();
    throw new RuleSetError([
      `${shown}: ${dangling ? "no such file (a link to one that is missing)" : `cannot read: ${readProblem(error)}`}`,
    ]);
  }
}

export function readRuleFile(path: string, shown = displayPath(path)): RuleFileLayer {
  return { file: shown, data: checkRuleFile(parseRuleJson(readText(path, shown), shown), shown) };
}

/** A file, or every *.json file in a folder (recursively, in name order), as one tier; files in `seen` are left out. */
export function readTier(path: string, seen = new Set<string>()): Tier {
  const shown = displayPath(path);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new RuleSetError([`${shown}: no such file or folder`]);
  }
  const firstTime = (file: string): boolean => {
    const real = realPathOf(file);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  if (!isDirectory) return firstTime(path) ? [readRuleFile(path, shown)] : [];
  const files = ruleFilesIn(path).sort();
  if (files.length === 0) throw new RuleSetError([`${shown}: the folder holds no .json rule files`]);
  return collect(files.filter(firstTime).map((file) => () => readRuleFile(file)));
}

/**
 * Every *.json file below a folder. Links to folders are not followed, so a link back up
 * cannot make the walk loop; a link to a file is read like the file.
 */
function ruleFilesIn(dir: string): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new RuleSetError([`${displayPath(dir)}: cannot read the folder: ${readProblem(error)}`]);
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const isRuleFile = entry.name.endsWith(".json") && !entry.name.endsWith(".schema.json");
    if (entry.isDirectory()) found.push(...ruleFilesIn(path));
    else if (isRuleFile && !(entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory()))
      found.push(path);
  }
  return found;
}

/** Runs every reader and reports all their problems together. */
function collect<T>(readers: (() => T)[]): T[] {
  const problems: string[] = [];
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

export function loadShippedFromDisk(dir = shippedDir()): RuleSet {
  const optionsPath = join(dir, "options.json");
  const optionsName = `rules/options.json`;
  const options = checkOptionsFile(parseRuleJson(readText(optionsPath, optionsName), optionsName), optionsName);
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".json") && n !== "options.json")
    .sort();
  const tier = collect(names.map((n) => () => readRuleFile(join(dir, n), `rules/${n}`)));
  return buildRuleSet(emptyRuleSet(options), [tier]);
}

/**
 * Shipped rules, then the configured ones, then those from --rules. A file reached twice (a
 * folder named in the config and again with --rules, or through a link) is read once, where
 * it first appears.
 */
export function layerRuleFiles(shipped: RuleSet, paths: readonly string[], seen = new Set<string>()): RuleSet {
  return buildRuleSet(
    shipped,
    readTiers(paths, seen).filter((tier) => tier.length > 0),
  );
}

/** One tier a path, in order; a file reached before is left out of the later tier, which may be empty. */
export const readTiers = (paths: readonly string[], seen = new Set<string>()): Tier[] =>
  collect(paths.map((p) => () => readTier(p, seen)));
