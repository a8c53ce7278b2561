import { select } from "@inquirer/prompts";
import { UNKNOWN } from "../engine/certainty.js";
import { InputClosedError, InterruptError } from "../errors.js";
import { createStyle } from "../render/style.js";
import { displayWidth, wrap } from "../render/wrap.js";
import { GO_BACK, type Ask, type Step } from "../commands/context.js";

// The one module that talks to Inquirer, and owns the screen while questions are asked: each
// answered question stays as one line, so going back can take that line away again.

/** "question 3, at most 8 to go" */
export function progress({ number, atMost }: Step): string {
  const left = atMost - 1;
  return left === 0 ? `question ${number}, the last one` : `question ${number}, at most ${left} to go`;
}

const NOT_SURE = "I'm not sure";

/**
 * The choices as Inquirer shows them: the label in the list, its meaning under it, "not sure"
 * last. Meanings are wrapped here, between words, to `width`: Inquirer would cut words.
 */
export function choices({ question }: Step, width = Infinity) {
  const fit = (text: string): string => (width === Infinity ? text : wrap(text, width).join("\n"));
  return [
    ...question.choices.map((c) => ({ name: c.label, value: c.value, description: fit(c.meaning) })),
    {
      name: NOT_SURE,
      value: UNKNOWN,
      description: fit("vmvc weighs every possible answer and says how much the advice depends on this one"),
    },
  ];
}

/** The keys that work, as the hint lines under the choices name them, broken between keys to fit `width`. */
export function keyHints(step: Step, inquirerKeys: readonly [string, string][], width: number): string {
  const keys = [...inquirerKeys, ["1-9", "jump"], ["type", "search"], ...(step.canGoBack ? [["esc/←", "back"]] : [])];
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
  const label = step.question.choices.find((c) => c.value === value)?.label ?? NOT_SURE;
  let prompt = step.question.prompt;
  const room = lineWidth(screen) - displayWidth(label) - 3;
  if (displayWidth(prompt) > room) prompt = `${[...prompt].slice(0, Math.max(0, room - 1)).join("")}…`;
  const style = createStyle(screen.color);
  return `${style.good("✔")} ${style.bold(prompt)} ${style.accent(label)}\n`;
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
  const width = (): number => lineWidth(screen);
  for (;;) {
    const controller = new AbortController();
    // Inquirer waits forever if stdin ends mid-prompt; turn the end of input into an abort.
    const onEnd = (): void => controller.abort("end");
    const onKey = (_: unknown, key?: { name?: string }): void => {
      if (step.canGoBack && (key?.name === "escape" || key?.name === "left")) controller.abort("back");
    };
    const onResize = (): void => controller.abort("resize");
    process.stdin.once("end", onEnd);
    process.stdin.on("keypress", onKey);
    output.on("resize", onResize);
    try {
      const value = await select(
        {
          // "? " comes before it.
          message: wrap(`${question.prompt} (${progress(step)})`, width() - 2).join("\n"),
          choices: choices(step, width()),
          ...(step.default !== undefined ? { default: step.default } : {}),
          pageSize: 12,
          theme: {
            style: {
              // The question's help, then the keys that work.
              keysHelpTip: (keys: [string, string][]) =>
                [...(question.help ? wrap(question.help, width()) : []), keyHints(step, keys, width())].join("\n"),
            },
          },
        },
        { signal: controller.signal, output, clearPromptOnDone: true },
      );
      answered.push({ step, value });
      output.write(answeredLine(answered.at(-1)!, screen));
      return value;
    } catch (error) {
      const name = (error as Error).name;
      if (name === "ExitPromptError") throw new InterruptError("Cancelled: no recommendation was made.");
      if (name !== "AbortPromptError") throw error;
      const reason: unknown = controller.signal.reason;
      if (reason === "back") {
        // The question before is asked again: its line goes.
        if (answered.pop() !== undefined) output.write("\x1b[1A\x1b[2K");
        return GO_BACK;
      }
      if (reason !== "resize") throw new InputClosedError();
      output.write(`\x1b[H\x1b[2J${answered.map((a) => answeredLine(a, screen)).join("")}`);
    } finally {
      process.stdin.off("end", onEnd);
      process.stdin.off("keypress", onKey);
      output.off("resize", onResize);
    }
  }
}
