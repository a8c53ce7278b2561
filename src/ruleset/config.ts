import { lstatSync, statSync, type Stats } from "node:fs";
import { delimiter, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { RuleSetError } from "../errors.js";
import { parseJson } from "../json.js";
import { problem, type Problem } from "../problems.js";
import { decodeText, isRegularFile, readBounded, readProblem } from "../text.js";

// Finding a team's policy files. Kept free of zod: it runs on every start.

/** The setting that trusts a config (or a folder of them) someone else owns, as git's safe.directory does. */
export const TRUST_VARIABLE = "VMVC_TRUST";

/**
 * Whose files a config may come from. A config is found by walking up from the working
 * directory, so in a shared folder such as /tmp anyone could have put one there.
 */
export interface Trust {
  /** The user running vmvc; undefined where there are no user ids (Windows): nothing is checked. */
  uid?: number;
  /** VMVC_TRUST: absolute paths trusted whoever owns them (and what is under them), split like PATH; "*" trusts all. */
  trusted?: string;
}

/** Whether VMVC_TRUST names `path`, or a folder above it. */
function trustedByName(path: string, trusted: string | undefined): boolean {
  for (const entry of (trusted ?? "").split(delimiter)) {
    if (entry === "") continue;
    if (entry === "*") return true;
    // Absolute paths only, as git's safe.directory: a relative one would trust wherever vmvc runs.
    if (!isAbsolute(entry)) continue;
    const root = resolve(entry);
    if (path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)) return true;
  }
  return false;
}

/** Why a file or folder someone else controls is not to be applied, or undefined when it may be. */
export function distrust(path: string, trust: Trust): string | undefined {
  if (trust.uid === undefined || trustedByName(path, trust.trusted)) return undefined;
  // The link and what it leads to: either, in another user's hands, could be swapped.
  const seen: Stats[] = [];
  const link = lstatSync(path, { throwIfNoEntry: false });
  if (link) seen.push(link);
  const target = link?.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : undefined;
  if (target) seen.push(target);
  for (const stats of seen) {
    // root's files are installed, not planted.
    if (stats.uid !== trust.uid && stats.uid !== 0)
      return `it belongs to another user (uid ${stats.uid}), who could have put it there`;
    // A link's own mode is always rwx for all; what counts is where it leads.
    if (!stats.isSymbolicLink() && (stats.mode & 0o002) !== 0) return "any user can write to it";
  }
  return undefined;
}

/** The warning for a config that is not applied: what it is, why, and how to trust it on purpose. */
export function untrustedProblem(shown: string, full: string, why: string, config: string = full): Problem {
  const where = dirname(config);
  return problem(
    { file: shown },
    "untrusted",
    `not applied: ${why}. To use it, name its rules with --rules, or trust it with ${TRUST_VARIABLE}=${where}`,
    "warning",
  );
}

export interface ConfiguredPolicy {
  /** The config as shown in messages, and where it is. */
  file: string;
  path: string;
  /** The rule paths it names, as written, and resolved. */
  named: string[];
  paths: string[];
  /** Set when the config, or a path it names, is not the user's to trust: nothing of it applies. */
  refused?: Problem;
}

/** The nearest vmvc.config.json, or package.json "vmvc" key, from `cwd` upward, and the paths it names (resolved). */
export function configuredPolicy(cwd: string, trust: Trust = {}): ConfiguredPolicy | undefined {
  // From the working directory upward, as eslint and prettier look for theirs.
  for (let dir = cwd; ; dir = dirname(dir)) {
    const found = configIn(dir, cwd, trust);
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The text of a config: a regular file, read bounded like a rule file; a FIFO or a device would hang or flood us. */
function readConfig(path: string, name: string): string {
  try {
    if (!isRegularFile(path))
      throw new RuleSetError([problem({ file: name }, "not-a-file", (m) => m.problems.notAFile)]);
    return decodeText(readBounded(path));
  } catch (error) {
    if (error instanceof RuleSetError) throw error;
    // A config that is there but cannot be used must not be skipped in silence.
    throw new RuleSetError([problem({ file: name }, "unreadable", (m) => m.cli.cannotReadWhy(readProblem(error, m)))]);
  }
}

function configIn(dir: string, cwd: string, trust: Trust): ConfiguredPolicy | undefined {
  for (const file of ["vmvc.config.json", "package.json"]) {
    const path = join(dir, file);
    const stats = lstatSync(path, { throwIfNoEntry: false });
    if (!stats) continue;
    const name = relative(cwd, path) || file;
    const shown = file === "package.json" ? `${name} "vmvc"` : name;
    const distrusted = distrust(path, trust);
    const refuse = (why: string): ConfiguredPolicy => ({
      file: shown,
      path,
      named: [],
      paths: [],
      refused: untrustedProblem(shown, path, why),
    });
    // Someone else's vmvc.config.json is refused unread: it could be a FIFO that never ends.
    if (distrusted !== undefined && file === "vmvc.config.json") return refuse(distrusted);
    // Someone else's package.json is theirs; it counts only if it names a policy.
    if (distrusted !== undefined && !statSync(path, { throwIfNoEntry: false })?.isFile()) continue;
    const text = readConfig(path, name);
    // Most package.json files say nothing of vmvc; they need no parsing.
    if (file === "package.json" && !text.includes('"vmvc"')) continue;
    // One that names vmvc only as a package (its name, a bin, a dependency) needs no scan for
    // duplicate keys either: 6 ms at every start in this repository.
    if (file === "package.json" && !hasVmvcKey(text)) continue;
    const data = parseJson(text, (message, code) => new RuleSetError([problem({ file: name }, code, message)]), true);
    const where = file === "package.json" ? { file: name, entry: '"vmvc"' } : { file: name };
    const section = file === "package.json" ? (data as { vmvc?: unknown } | null)?.vmvc : data;
    if (section === undefined) continue;
    if (distrusted !== undefined) return refuse(distrusted);
    const rules = (section as { rules?: unknown } | null)?.rules;
    if (!Array.isArray(rules) || rules.length === 0 || !rules.every((p) => typeof p === "string" && p !== "")) {
      throw new RuleSetError([problem(where, "config-shape", (m) => m.problems.configShape)]);
    }
    const paths = (rules as string[]).map((p) => resolve(dirname(path), p));
    const missing = (rules as string[]).filter((_, i) => !statSync(paths[i]!, { throwIfNoEntry: false }));
    if (missing.length > 0)
      throw new RuleSetError(
        missing.map((p) =>
          problem({ ...where, path: "rules" }, "missing-path", (m) =>
            m.problems.missingConfigPath(JSON.stringify(p), dirname(path)),
          ),
        ),
      );
    // A rule path the config names is trusted no more than the config itself.
    for (const [i, full] of paths.entries()) {
      const why = distrust(full, trust);
      if (why !== undefined)
        return {
          file: shown,
          path,
          named: [],
          paths: [],
          refused: untrustedProblem(rules[i] as string, full, why, path),
        };
    }
    return { file: shown, path, named: rules as string[], paths };
  }
  return undefined;
}

/** Whether a package.json has a top-level "vmvc" key; a file JSON.parse refuses is left to parseJson to explain. */
function hasVmvcKey(text: string): boolean {
  try {
    return (JSON.parse(text) as { vmvc?: unknown } | null)?.vmvc !== undefined;
  } catch {
    return true;
  }
}
