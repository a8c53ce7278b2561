import { spawn, type IPty } from "@lydell/node-pty";
import { BIN, cleanEnv, ROOT } from "./cli.js";

export const KEY = {
  down: "\x1b[B",
  up: "\x1b[A",
  left: "\x1b[D",
  enter: "\r",
  escape: "\x1b",
  ctrlC: "\x03",
} as const;

// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>]/g;

/** Terminal output as text, without escape codes. */
export const plain = (raw: string): string => raw.replace(ESCAPES, "").replace(/\r/g, "");

/** Exit code as a shell reports it: 128 + the signal for a process killed by one. */
const exitCode = ({ exitCode, signal }: { exitCode: number; signal?: number }): number =>
  signal ? 128 + signal : exitCode;

/** The CLI in a real pseudo-terminal, driven by keystrokes. */
export class Terminal {
  readonly pty: IPty;
  raw = "";
  readonly exited: Promise<number>;

  /** `args` go to the CLI, or with `shell`, to bash (for redirections). */
  constructor(
    args: readonly string[],
    options: {
      env?: Record<string, string | undefined>;
      cols?: number;
      rows?: number;
      cwd?: string;
      shell?: boolean;
    } = {},
  ) {
    this.pty = spawn(options.shell ? "bash" : process.execPath, options.shell ? [...args] : [BIN, ...args], {
      name: "xterm-256color",
      cols: options.cols ?? 100,
      rows: options.rows ?? 40,
      cwd: options.cwd ?? ROOT,
      env: cleanEnv({ TERM: "xterm-256color", ...options.env }) as Record<string, string>,
    });
    this.pty.onData((chunk) => (this.raw += chunk));
    this.exited = new Promise((resolve) => this.pty.onExit((e) => resolve(exitCode(e))));
  }

  /** What was written to the terminal, as text without escape codes. */
  get text(): string {
    return plain(this.raw);
  }

  get pid(): number {
    return this.pty.pid;
  }

  async waitFor(pattern: string | RegExp, timeout = 10_000, from = 0): Promise<number> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const text = this.text.slice(from);
      const index = typeof pattern === "string" ? text.indexOf(pattern) : text.search(pattern);
      if (index !== -1) return from + index;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${String(pattern)}; screen so far:\n${this.text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  send(keys: string): void {
    this.pty.write(keys);
  }

  resize(cols: number, rows = 40): void {
    this.pty.resize(cols, rows);
  }

  /** The terminal device itself closes (its master side), whoever else holds it open. */
  close(): void {
    (this.pty as unknown as { destroy(): void }).destroy();
  }

  /** The terminal goes away, as when its window is closed. */
  hangUp(): void {
    this.pty.kill("SIGHUP");
  }
}
