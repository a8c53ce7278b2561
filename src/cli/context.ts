import type { RuleSet } from "../engine/model.js";

/** What a command needs from the outside world, decided once in main.ts. */
export interface Context {
  ruleSet: RuleSet;
  /** --rules paths as typed, for the equivalent command. */
  rulePaths: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  color: boolean;
  width: number;
  stdinIsTTY(): boolean;
  stdoutIsTTY: boolean;
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  readStdin(): string;
  today(): string;
}
