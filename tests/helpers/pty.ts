import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { BIN, cleanEnv, ROOT } from "./cli.js";

export const KEY = { down: "\x1b[B", up: "\x1b[A", enter: "\r", ctrlC: "\x03" } as const;

// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]/g;

/** The CLI in a real terminal, driven by keystrokes. */
export class Terminal {
  readonly process: ChildProcessWithoutNullStreams;
  raw = "";
  private diagnostics = "";
  readonly exited: Promise<number>;
  private readonly started = Date.now();

  constructor(args: readonly string[], options: { env?: Record<string, string | undefined>; cols?: number; rows?: number; cwd?: string } = {}) {
    this.process = spawn(
      "python3",
      [`${ROOT}tests/helpers/pty_driver.py`, String(options.cols ?? 100), String(options.rows ?? 40), "--", process.execPath, BIN, ...args],
      { env: cleanEnv({ TERM: "xterm-256color", ...options.env }), cwd: options.cwd ?? ROOT },
    );
    this.process.stdout.on("data", (chunk: Buffer) => (this.raw += chunk.toString("utf8")));
    this.process.stderr.on("data", (chunk: Buffer) => (this.diagnostics += chunk.toString("utf8")));
    this.exited = new Promise((resolve) => {
      this.process.on("close", () => {
        const match = /@@EXIT (\d+)/.exec(this.diagnostics);
        resolve(match ? Number(match[1]) : -1);
      });
    });
  }

  /** What is on screen, as text without escape codes. */
  get text(): string {
    return this.raw.replace(ESCAPES, "").replace(/\r/g, "");
  }

  get pid(): number {
    return Number(/@@PID (\d+)/.exec(this.diagnostics)?.[1]);
  }

  async waitFor(pattern: string | RegExp, timeout = 10_000, from = 0): Promise<number> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const text = this.text.slice(from);
      const index = typeof pattern === "string" ? text.indexOf(pattern) : text.search(pattern);
      if (index !== -1) return from + index;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; screen so far:\n${this.text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  elapsed(): number {
    return Date.now() - this.started;
  }

  send(keys: string): void {
    this.process.stdin.write(keys);
  }

  hangUp(): void {
    this.process.stdin.end();
  }
}
