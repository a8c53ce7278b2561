import type { Question, RuleSet } from "../engine/model.js";
import type { Trust } from "../ruleset/config.js";
import type { Locale } from "../i18n/index.js";

/** One question to put to the user, with where it stands in the run. */
export interface Step {
  question: Question;
  /** 1 for the first question asked. */
  number: number;
  /** Questions that may still be asked, this one included. */
  atMost: number;
  /** The value the prompt starts on. */
  default?: string;
  /** Whether Esc or ← may go back to the question before. */
  canGoBack: boolean;
}

/** What Ask resolves to when the user goes back a question. */
export const GO_BACK = Symbol("go back");

/** Puts one question and resolves to the value chosen ("unknown" for "not sure"), or GO_BACK. */
export type Ask = (step: Step) => Promise<string | typeof GO_BACK>;

/** A file being written: nothing shows at its path until `commit`; `abort` leaves what was there. */
export interface OutputFile {
  write(text: string): void;
  commit(): void;
  abort(): void;
}

/** What a command needs from the outside world, decided once by src/program.ts from the shell's Io. */
export interface Context {
  ruleSet: RuleSet;
  /** The reader's language: its texts (locale.messages) and its numbers (locale.format). */
  locale: Locale;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Whose configured policy files may be applied: the user's own (or root's), or those VMVC_TRUST names. */
  trust: Trust;
  platform: string;
  /** CI is set: never prompt. */
  ci: boolean;
  color: boolean;
  /** Whether stdout's terminal makes OSC 8 links clickable. */
  hyperlinks: boolean;
  width: number;
  stdinIsTTY(): boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  out(text: string): void;
  /** Diagnostics: control characters in them are escaped, since they echo input. */
  err(text: string): void;
  /** A passing status line on stderr's terminal, replaced by the next; "" clears it. Does nothing elsewhere. */
  status(line: string): void;
  readFile(path: string): string;
  readStdin(): string;
  /** A file, or stdin for "-", as a stream of bytes. */
  openInput(path: string): AsyncIterable<Buffer | string>;
  /**
   * A file to write the result to, replaced whole when the run commits it. With `input` (a
   * path, or "-" for stdin), an output that is that very file (same device and inode) is refused.
   */
  openOutput(path: string, input?: string): OutputFile;
  /** A long stream of short-lived rows is coming: size the heap for memory, not speed. */
  preferMemory(): void;
  today(): string;
  /** Puts a question to the user: on the terminal, or in tests to a script. */
  ask: Ask;
}
