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
    // Asked only when no flag or variable names the language, and only on Windows: elsewhere
    // ICU takes its default locale from LC_ALL, LC_MESSAGES and LANG, already read. Intl's
    // first use loads ICU's locale data, 25-75 ms of a 70 ms start.
    systemLocale: () => (process.platform === "win32" ? Intl.DateTimeFormat().resolvedOptions().locale : undefined),
    runtime: `${process.version} (${process.platform} ${process.arch})`,
    readStdin: () => decodeText(readBounded(0)),
    stdinStream: () => process.stdin,
    ask: ({ color, toStdout, locale: chosen }) => {
      locale = chosen;
      // With stdout redirected, questions go to stderr's terminal, as gh does.
      // process.stdout and process.stderr are streams made when first read (node:stream, 5 ms
      // or more): only a question reads them.
      let asking: Ask | undefined;
      return async (step) => {
        prompted = true;
        asking ??= (await import("./prompts.js")).terminalAsk({
          output: toStdout ? process.stdout : process.stderr,
          color,
          locale: chosen,
        });
        return asking(step);
      };
    },
    // node:v8 is loaded only here: loading it loads its heap utilities and node:stream, 5-7 ms
    // at every start.
    preferMemory: () => process.getBuiltinModule("node:v8").setFlagsFromString("--optimize-for-size"),
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
