import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { RuleSetError } from "../errors.js";
import { parseJson } from "../json.js";
import { problem } from "../problems.js";
import { decodeText, readBounded, readProblem } from "../text.js";

// Finding a team's policy files. Kept free of zod: it runs on every start.

const SHAPE = 'expected { "rules": ["<file or folder>", …] }';

/** Rule paths named by the nearest vmvc.config.json, or package.json "vmvc" key, from `cwd` upward. */
export function configuredRulePaths(cwd: string): { full: string; shown: string }[] {
  const config = configuredPolicy(cwd);
  return (config?.paths ?? []).map((full, i) => ({ full, shown: config!.named[i]! }));
}

/** The config that names a policy, and the paths it names (resolved), if there is one. */
export function configuredPolicy(cwd: string): { file: string; named: string[]; paths: string[] } | undefined {
  // From the working directory upward, as eslint and prettier look for theirs.
  for (let dir = cwd; ; dir = dirname(dir)) {
    const found = configIn(dir, cwd);
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

function configIn(dir: string, cwd: string): { file: string; named: string[]; paths: string[] } | undefined {
  for (const file of ["vmvc.config.json", "package.json"]) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const name = relative(cwd, path) || file;
    let text: string;
    try {
      text = decodeText(readBounded(path));
    } catch (error) {
      // A config that is there but cannot be used must not be skipped in silence.
      throw new RuleSetError([problem({ file: name }, "unreadable", `cannot read: ${readProblem(error)}`)]);
    }
    // Most package.json files say nothing of vmvc; they need no parsing.
    if (file === "package.json" && !text.includes('"vmvc"')) continue;
    const data = parseJson(text, (message, code) => new RuleSetError([problem({ file: name }, code, message)]), true);
    const where = file === "package.json" ? { file: name, entry: '"vmvc"' } : { file: name };
    const section = file === "package.json" ? (data as { vmvc?: unknown } | null)?.vmvc : data;
    if (section === undefined) continue;
    const rules = (section as { rules?: unknown } | null)?.rules;
    if (!Array.isArray(rules) || rules.length === 0 || !rules.every((p) => typeof p === "string" && p !== "")) {
      throw new RuleSetError([problem(where, "config-shape", SHAPE)]);
    }
    const paths = (rules as string[]).map((p) => resolve(dirname(path), p));
    const missing = (rules as string[]).filter((_, i) => !existsSync(paths[i]!));
    if (missing.length > 0)
      throw new RuleSetError(
        missing.map((p) =>
          problem(
            { ...where, path: "rules" },
            "missing-path",
            `${JSON.stringify(p)} does not exist (relative paths start from ${dirname(path)})`,
          ),
        ),
      );
    return { file: file === "package.json" ? `${name} "vmvc"` : name, named: rules as string[], paths };
  }
  return undefined;
}
