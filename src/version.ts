import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./package-root.js";
import { ENGLISH, type Locale } from "./i18n/index.js";

export const version = (): string =>
  (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;

/** What the build says of the shipped rules: a fingerprint of their content, and their counts. */
interface RulesInfo {
  sha256: string;
  rules: number;
  questions: number;
}

/**
 * What `vmvc --version` prints: what a bug report needs. The rules have no version of their
 * own; their fingerprint names the exact set, so two reports can be compared.
 */
/** `runtime`: Node's version and the platform, as the shell reads them ("v24.1.0 (linux x64)"). */
export function versionText(runtime: string, locale: Locale = ENGLISH): string {
  const m = locale.messages.cli;
  let rules = m.versionUnbuilt;
  try {
    const info = JSON.parse(readFileSync(join(packageRoot(), "dist/rules-info.json"), "utf8")) as RulesInfo;
    rules = m.versionRules(info.rules, info.questions, info.sha256.slice(0, 12));
  } catch {
    // Not built: the version still prints.
  }
  return `vmvc ${version()}\n${rules}\nnode: ${runtime}`;
}
