import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { RuleSet } from "../engine/model.js";
import { RuleSetError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import { buildRuleSet, emptyRuleSet, type RuleFileLayer, type Tier } from "./layer.js";
import { checkOptionsFile, checkRuleFile, parseRuleJson } from "./validate.js";

// Reading rule files from disk. Everything here is I/O around the pure layer/validate modules.

const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** The rules folder in the sources, which the build validates into dist/shipped-rules.json. */
export const shippedDir = (): string => join(packageRoot(), "rules");

/** A path as the user should see it: relative to the working directory when that is shorter. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel !== "" && !rel.startsWith("..") && rel.length < path.length ? rel : path;
}

function readText(path: string, shown: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new RuleSetError([`${shown}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  if (size > MAX_FILE_BYTES) throw new RuleSetError([`${shown}: file is too large (${size} bytes; the limit is ${MAX_FILE_BYTES})`]);
  return readFileSync(path, "utf8");
}

export function readRuleFile(path: string, shown = displayPath(path)): RuleFileLayer {
  return { file: shown, data: checkRuleFile(parseRuleJson(readText(path, shown), shown), shown) };
}

/** A file, or every *.json file in a folder (recursively, in name order), as one tier. */
export function readTier(path: string): Tier {
  const shown = displayPath(path);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new RuleSetError([`${shown}: no such file or folder`]);
  }
  if (!isDirectory) return [readRuleFile(path, shown)];
  const files = (readdirSync(path, { recursive: true }) as string[])
    .filter((name) => name.endsWith(".json") && !name.endsWith(".schema.json"))
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) throw new RuleSetError([`${shown}: the folder holds no .json rule files`]);
  return collect(files.map((file) => () => readRuleFile(file)));
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

export function loadShippedFromDisk(dir = shippedDir()): RuleSet {
  const optionsPath = join(dir, "options.json");
  const optionsName = `rules/options.json`;
  const options = checkOptionsFile(parseRuleJson(readText(optionsPath, optionsName), optionsName), optionsName);
  const names = readdirSync(dir).filter((n) => n.endsWith(".json") && n !== "options.json").sort();
  const tier = collect(names.map((n) => () => readRuleFile(join(dir, n), `rules/${n}`)));
  return buildRuleSet(emptyRuleSet(options), [tier]);
}

/** Shipped rules, then the configured ones, then those from --rules. */
export function layerRuleFiles(shipped: RuleSet, paths: readonly string[]): RuleSet {
  return buildRuleSet(shipped, collect(paths.map((p) => () => readTier(p))));
}
