// A problem found in data the user gave (a rule file, a config, an inventory): where it is and
// what is wrong, as data, so that JSON output keeps file and field apart and text prints one line.

import { en, type Messages } from "./i18n/en/index.js";

export type Severity = "error" | "warning";

/** A text in the reader's language, said from the catalogue when it is printed. */
export type Localized = (messages: Messages) => string;

export interface Problem {
  severity: Severity;
  /** Stable and kebab-case ("unknown-question", "schema", "unreadable"): for scripts to match on. */
  code: string;
  /** What is wrong, without the location (in English: JSON and scripts read it). */
  message: string;
  /** The same in the reader's language, for the problems whose text is in the catalogue. */
  say?: Localized;
  /** The file as the user named it. */
  file?: string;
  /** The entry in the file: `rule "x"`, `question "y"`, `source "z"`. */
  entry?: string;
  /** The field within the entry: `when[0].host-os`, `choices`. */
  path?: string;
}

export type Where = Pick<Problem, "file" | "entry" | "path">;

export const problem = (
  where: Where,
  code: string,
  message: string | Localized,
  severity: Severity = "error",
): Problem => ({
  severity,
  code,
  message: typeof message === "string" ? message : message(en),
  ...(typeof message === "string" ? {} : { say: message }),
  ...(where.file !== undefined ? { file: where.file } : {}),
  ...(where.entry !== undefined ? { entry: where.entry } : {}),
  ...(where.path !== undefined ? { path: where.path } : {}),
});

/** `file: entry: path: message`, the one line a problem takes in text. */
export const problemLine = (p: Problem): string => problemLineIn(p, en);

/** The same line in the language of `messages`. */
export const problemLineIn = (p: Problem, messages: Messages): string =>
  [p.file, p.entry, p.path, p.say?.(messages) ?? p.message]
    .filter((part) => part !== undefined && part !== "")
    .join(messages.cli.colon);

/** A problem in JSON, keys in a fixed order. */
export const problemJson = (p: Problem): Problem => ({
  severity: p.severity,
  code: p.code,
  ...(p.file !== undefined ? { file: p.file } : {}),
  ...(p.entry !== undefined ? { entry: p.entry } : {}),
  ...(p.path !== undefined ? { path: p.path } : {}),
  message: p.message,
});
