import { select } from "@inquirer/prompts";
import { PassThrough } from "node:stream";
import { emitKeypressEvents } from "node:readline";
import { UNKNOWN } from "../engine/certainty.js";
import { InputClosedError, InterruptError } from "../errors.js";
import { createStyle } from "../render/style.js";
import { hangUp } from "./output.js";
import { displayWidth, wrap } from "../render/wrap.js";
import { GO_BACK, type Ask, type Step } from "../commands/context.js";
import { ENGLISH, type Locale } from "../i18n/index.js";

// The one module that talks to Inquirer, and owns the screen while questions are asked: each
// answered question stays as one line, so going back can take that line away again.

/** "question 3, at most 8 to go" */
export const progress = ({ number, atMost }: Step, locale: Locale = ENGLISH): string =>
  locale.messages.prompts.progress(number, atMost - 1);

/**
 * The choices as Inquirer shows them: the label in the list, its meaning under it, "not sure"
 * last. Meanings are wrapped here, between words, to `width`: Inquirer would cut words.
 */
export function choices({ question }: Step, width = Infinity, locale: Locale = ENGLISH) {
  const fit = (text: string): string => (width === Infinity ? text : wrap(text, width).join("\n"));
  const m = locale.messages.prompts;
  return [
    ...question.choices.map((c) => ({ name: c.label, value: c.value, description: fit(c.meaning) })),
    { name: m.notSure, value: UNKNOWN, description: fit(m.notSureMeaning) },
  ];
}

/** Whether typed digits can only be a jump: no label has a word that starts with a digit. */
const digitsJump = (labels: readonly string[]): boolean => !labels.some((l) => /(^|\s)\d/.test(l));

/**
 * The choice typed text finds: the first whose label starts with it, else the first with a
 * word that does ("swarm" finds "Docker Swarm", "2022" finds "Windows Server 2022"). Digits
 * that no label can match jump to that position instead (1 for the first choice).
 */
export function findChoice(labels: readonly string[], typed: string): number | undefined {
  const text = typed.toLowerCase();
  if (text === "") return undefined;
  const lower = labels.map((l) => l.toLowerCase());
  const whole = lower.findIndex((l) => l.startsWith(text));
  if (whole !== -1) return whole;
  const word = lower.findIndex((l) => l.split(/[\s/()-]+/).some((w) => w.startsWith(text)));
  if (word !== -1) return word;
  if (/^\d+$/.test(text) && digitsJump(labels)) {
    const position = Number(text) - 1;
    return position >= 0 && position < labels.length ? position : undefined;
  }
  return undefined;
}

/** The keys that work, as the hint lines under the choices name them, broken between keys to fit `width`. */
export function keyHints(
  step: Step,
  inquirerKeys: readonly [string, string][],
  width: number,
  locale: Locale = ENGLISH,
): string {
  const m = locale.messages.prompts;
  const labels = [...step.question.choices.map((c) => c.label), m.notSure];
  const keys = [
    ...inquirerKeys.map(([key, action]) => [key, m.keys[action] ?? action]),
    ...(digitsJump(labels) ? [["1-9", m.jump]] : []),
    [m.type, m.search],
    ...(step.canGoBack ? [[m.escape, m.back]] : []),
  ];
  const lines = [""];
  for (const [key, action] of keys) {
    const hint = `${key} ${action}`;
    const line = lines.at(-1)!;
    if (line !== "" && displayWidth(line) + 3 + displayWidth(hint) > width) lines.push(hint);
    else lines[lines.length - 1] = line === "" ? hint : `${line} • ${hint}`;
  }
  return lines.join("\n");
}

export interface Screen {
  output: NodeJS.WriteStream;
  color: boolean;
  /** The language the questions' frame speaks; English without it. */
  locale?: Locale;
}

/** Room on a line, one column short of the terminal's so that a full line never wraps. */
const lineWidth = (screen: Screen): number => Math.max(20, (screen.output.columns || 80) - 1);

/** A question answered, left on screen as one line. */
interface Answered {
  step: Step;
  value: string;
}

/** "✔ What kind of workload is it? Web app or API", cut to one line of the terminal as it is now. */
function answeredLine({ step, value }: Answered, screen: Screen): string {
  const label =
    step.question.choices.find((c) => c.value === value)?.label ?? (screen.locale ?? ENGLISH).messages.prompts.notSure;
  let prompt = step.question.prompt;
  const room = lineWidth(screen) - displayWidth(label) - 3;
  if (displayWidth(prompt) > room) prompt = `${[...prompt].slice(0, Math.max(0, room - 1)).join("")}…`;
  const style = createStyle(screen.color);
  return `${style.good("✔")} ${style.bold(prompt)} ${style.accent(label)}\n`;
}

/** Typed text is one search until the typist pauses this long, as in Inquirer. */
const SEARCH_PAUSE_MS = 700;

/**
 * The keyboard as Inquirer sees it. Inquirer's own select takes every digit as a jump and
 * searches only from a label's start, so typing "2022" would pick the second choice. Typed
 * text is searched here instead, and the cursor moved to the match with the arrow keys
 * Inquirer understands; every other key passes through unchanged. Esc and ← (back) never
 * reach it: they are handled by `ask`.
 */
function keyboard(
  labels: readonly string[],
  start: number,
  onBack: (() => void) | undefined,
): { input: NodeJS.ReadStream; close(): void } {
  const stdin = process.stdin;
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (mode: boolean) => (stdin.isTTY && !stdin.destroyed ? stdin.setRawMode(mode) : stdin),
  }) as unknown as NodeJS.ReadStream;
  let active = start;
  let typed = "";
  let typedAt = 0;
  const move = (to: number): void => {
    const steps = to - active;
    if (steps !== 0) input.write((steps < 0 ? "\x1b[A" : "\x1b[B").repeat(Math.abs(steps)));
    active = to;
  };
  const onKey = (
    text: string | undefined,
    key?: { name?: string; sequence?: string; ctrl?: boolean; meta?: boolean },
  ) => {
    const name = key?.name;
    if (name === "escape" || name === "left") {
      onBack?.();
      return;
    }
    // Inquirer's list wraps round at both ends.
    if (name === "up") active = (active - 1 + labels.length) % labels.length;
    else if (name === "down") active = (active + 1) % labels.length;
    const printable = text !== undefined && text.length > 0 && !key?.ctrl && !key?.meta && /^\P{Cc}+$/u.test(text);
    if (printable && name !== "space") {
      const now = Date.now();
      typed = now - typedAt > SEARCH_PAUSE_MS ? text : typed + text;
      typedAt = now;
      const found = findChoice(labels, typed);
      if (found !== undefined) move(found);
      return;
    }
    typed = "";
    input.write(key?.sequence ?? text ?? "");
  };
  emitKeypressEvents(stdin);
  stdin.on("keypress", onKey);
  stdin.resume();
  return {
    input,
    close() {
      stdin.off("keypress", onKey);
      input.end();
      stdin.pause();
    },
  };
}

/** Questions put on `screen`, one run's worth: it keeps the lines of the answers given so far. */
export function terminalAsk(screen: Screen): Ask {
  const answered: Answered[] = [];
  return (step) => ask(step, screen, answered);
}

/**
 * Asks one question on `screen`: the value chosen, or GO_BACK for Esc or ←. A resize redraws
 * the answers so far and asks again, so the terminal's reflow leaves no stale copy behind.
 */
async function ask(step: Step, screen: Screen, answered: Answered[]): Promise<string | typeof GO_BACK> {
  const { question } = step;
  const { output } = screen;
  const locale = screen.locale ?? ENGLISH;
  const width = (): number => lineWidth(screen);
  for (;;) {
    const controller = new AbortController();
    // Inquirer waits forever if stdin ends mid-prompt; turn the end of input into an abort. A
    // terminal in raw mode never ends (Ctrl-D is a key): it ended because it is gone, and
    // exiting normally would make Node restore its settings and abort on the dead device.
    const onEnd = (): void => (process.stdin.isTTY ? hangUp() : controller.abort("end"));
    const onResize = (): void => controller.abort("resize");
    const listed = choices(step, width(), locale);
    const start = Math.max(
      0,
      listed.findIndex((c) => c.value === step.default),
    );
    const keys = keyboard(
      listed.map((c) => c.name),
      start,
      step.canGoBack ? () => controller.abort("back") : undefined,
    );
    process.stdin.once("end", onEnd);
    // Its terminal gone (EIO): the input has ended too.
    process.stdin.once("error", onEnd);
    output.on("resize", onResize);
    try {
      const value = await select(
        {
          // "? " comes before it.
          message: wrap(`${question.prompt} (${progress(step, locale)})`, width() - 2).join("\n"),
          choices: listed,
          ...(step.default !== undefined ? { default: step.default } : {}),
          pageSize: 12,
          theme: {
            style: {
              // The question's help, then the keys that work.
              keysHelpTip: (keys: [string, string][]) =>
                [...(question.help ? wrap(question.help, width()) : []), keyHints(step, keys, width(), locale)].join(
                  "\n",
                ),
            },
          },
        },
        { signal: controller.signal, input: keys.input, output, clearPromptOnDone: true },
      );
      answered.push({ step, value });
      output.write(answeredLine(answered.at(-1)!, screen));
      return value;
    } catch (error) {
      const name = (error as Error).name;
      if (name === "ExitPromptError") throw new InterruptError(locale.messages.prompts.cancelled);
      if (name !== "AbortPromptError") throw error;
      const reason: unknown = controller.signal.reason;
      if (reason === "back") {
        // The question before is asked again: its line goes.
        if (answered.pop() !== undefined) output.write("\x1b[1A\x1b[2K");
        return GO_BACK;
      }
      if (reason !== "resize") throw new InputClosedError();
      // The screen is erased from its top down (ESC[J), not as a whole (ESC[2J): PuTTY, VTE and
      // Windows Terminal push a whole-screen erase into the scrollback, and with it the rows of
      // the reflowed question that Inquirer's erase, counted at the old width, had missed.
      output.write(`\x1b[H\x1b[J${answered.map((a) => answeredLine(a, screen)).join("")}`);
    } finally {
      process.stdin.off("end", onEnd);
      process.stdin.off("error", onEnd);
      keys.close();
      output.off("resize", onResize);
    }
  }
}
