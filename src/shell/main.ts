import { setFlagsFromString } from "node:v8";
import type { Ask } from "../commands/context.js";
import { run } from "../program.js";
import { printable } from "../escape.js";
import { decodeText, readBounded } from "../text.js";
import { hangUp, output, restoreTerminal, TERMINAL_GONE } from "./output.js";
import { isTerminal } from "./terminal.js";
import { ENGLISH, type Locale } from "../i18n/index.js";

// The process: the one place that reads process.*, installs signal handlers and exits.

export async function main(): Promise<never> {
  const stdout = output(1);
  const stderr = output(2);
  const unexpected = (error: unknown): void => {
    if (stdout.isTTY && TERMINAL_GONE.has((error as NodeJS.ErrnoException | null)?.code ?? "")) return hangUp();
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(printable(`vmvc: unexpected failure: ${message}\n`));
    process.exit(2);
  };
  process.on("uncaughtException", unexpected);
  process.on("unhandledRejection", unexpected);
  let stdinIsTTY: boolean | undefined;
  let prompted = false;
  // The run's language, as the command's context passes it to the prompts; English before it.
  let locale: Locale = ENGLISH;
  const code = await run(process.argv.slice(2), {
    stdout,
    stderr,
    stdinIsTTY() {
      if (stdinIsTTY !== undefined) return stdinIsTTY;
      stdinIsTTY = isTerminal(0);
      if (stdinIsTTY) {
        // A prompt may come: end it cleanly, with the cursor back. (Ctrl-C typed at a prompt
        // arrives as a keypress, not a signal; `kill -INT` arrives here.)
        const stop = (message: () => string, exitCode: number) => () => {
          restoreTerminal();
          if (stdout.isTTY) stdout.write("\n");
          if (message()) stderr.write(`${message()}\n`);
          process.exit(exitCode);
        };
        process.on(
          "SIGINT",
          stop(() => locale.messages.prompts.cancelled, 130),
        );
        process.on(
          "SIGTERM",
          stop(() => "", 143),
        );
        // `kill -HUP` with the terminal still open: leave it usable, then die of the signal.
        process.on("SIGHUP", hangUp);
      }
      return stdinIsTTY;
    },
    env: process.env,
    cwd: workingDirectory(),
    uid: process.getuid?.(),
    platform: process.platform,
    systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
    runtime: `${process.version} (${process.platform} ${process.arch})`,
    readStdin: () => decodeText(readBounded(0)),
    stdinStream: () => process.stdin,
    ask: ({ color, toStdout, locale: chosen }) => {
      locale = chosen;
      // With stdout redirected, questions go to stderr's terminal, as gh does.
      const screen = { output: toStdout ? process.stdout : process.stderr, color, locale };
      let asking: Ask | undefined;
      return async (step) => {
        prompted = true;
        asking ??= (await import("./prompts.js")).terminalAsk(screen);
        return asking(step);
      };
    },
    preferMemory: () => setFlagsFromString("--optimize-for-size"),
  });
  await Promise.all([stdout.settle(), stderr.settle()]);
  // A prompt that ended early (its input closed) may have left the cursor hidden.
  if (prompted) restoreTerminal();
  const late = stdout.failure();
  if (late !== undefined) stderr.write(`vmvc: ${locale.messages.prompts.cannotWriteOutput(late)}\n`);
  process.exit(late !== undefined && code === 0 ? 2 : code);
}

/** The working directory, or the root when it has been deleted under us (only --version and the like can run there). */
function workingDirectory(): string {
  try {
    return process.cwd();
  } catch {
    return "/";
  }
}
