import { spawnSync } from "node:child_process";
import { run } from "../../src/program.js";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = `${ROOT}bin/vmvc.js`;

/** A clean environment: nothing from the developer's shell decides colour, width or CI. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C.UTF-8" };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a real process, stdin from `input` (empty by default: not a TTY). */
export function vmvc(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string | undefined>; cwd?: string; timeout?: number } = {},
): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? "",
    env: cleanEnv(options.env),
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    timeout: options.timeout ?? 15_000,
    maxBuffer: 1 << 28,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a shell pipeline; reports the exit status of every stage. */
export function pipeline(command: string, env: Record<string, string | undefined> = {}): Run & { statuses: number[] } {
  const result = spawnSync("bash", ["-c", `${command}; echo "statuses:\${PIPESTATUS[*]}" >&2`], {
    cwd: ROOT,
    env: cleanEnv({ ...env, VMVC: `${process.execPath} ${BIN}` }),
    encoding: "utf8",
    timeout: 15_000,
  });
  const match = /statuses:([\d ]+)\s*$/.exec(result.stderr);
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr.replace(/statuses:[\d ]+\s*$/, ""),
    statuses: (match?.[1] ?? "").trim().split(" ").map(Number),
  };
}

export const ANSI = new RegExp(String.fromCharCode(27) + "\\[");
export const STACK = /\n\s+at |Error: .*\n.*node:internal|\.ts:\d+:\d+/;

/** Runs the CLI in this process, without a terminal, capturing what it prints. */
export async function cli(
  argv: readonly string[],
  options: {
    input?: string;
    env?: Record<string, string | undefined>;
    cwd?: string;
    terminalColumns?: number;
    /** The system's locale as Intl would report it ("fr-FR"); none by default. */
    systemLocale?: string;
  } = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    // With terminalColumns, stdout stands for a terminal that wide (stdin is still no terminal).
    stdout: {
      write: (t: string) => (stdout += t),
      isTTY: options.terminalColumns !== undefined,
      columns: options.terminalColumns,
    },
    stderr: { write: (t: string) => (stderr += t) },
    stdinIsTTY: () => false,
    platform: process.platform,
    runtime: `${process.version} (${process.platform} ${process.arch})`,
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
    readStdin: () => options.input ?? "",
    ...(options.systemLocale !== undefined ? { systemLocale: options.systemLocale } : {}),
  });
  return { code, signal: null, stdout, stderr };
}
