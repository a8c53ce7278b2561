import type { Question, RuleSet } from "../engine/model.js";

/** One question to put to the user, with where it stands in the run. */
export interface Step {
  question: Question;
  /** 1 for the first question asked. */
  number: number;
  /** Questions that may still be asked, this one included. */
  atMost: number;
}

/** Puts one question and resolves to the value chosen ("unknown" for "not sure"). */
export type Ask = (step: Step) => Promise<string>;

/** What a command needs from the outside world, decided once in main.ts. */
export interface Context {
  ruleSet: RuleSet;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  color: boolean;
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
  today(): string;
  /** Tests answer here; otherwise the prompts module asks on the terminal. */
  ask?: Ask;
}
