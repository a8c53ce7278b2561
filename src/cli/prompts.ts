import { select } from "@inquirer/prompts";
import { UNKNOWN } from "../engine/certainty.js";
import { InputClosedError, InterruptError } from "../errors.js";
import type { Step } from "./context.js";

// The one module that talks to Inquirer. Loaded only when a question will really be asked.

/** "question 3, at most 8 to go" */
export function progress({ number, atMost }: Step): string {
  const left = atMost - 1;
  return left === 0 ? `question ${number}, the last one` : `question ${number}, at most ${left} to go`;
}

/** The choices as Inquirer shows them: the label in the list, its meaning under it, "not sure" last. */
export function choices({ question }: Step) {
  return [
    ...question.choices.map((c) => ({ name: c.label, value: c.value, description: c.meaning })),
    { name: "I'm not sure", value: UNKNOWN, description: "vmvc weighs every possible answer and says how much the advice depends on this one" },
  ];
}

/** Asks on stdout's terminal, or on stderr's when stdout is redirected. */
export async function ask(step: Step, screen: "stdout" | "stderr" = "stdout"): Promise<string> {
  const { question } = step;
  // Inquirer waits forever if stdin ends mid-prompt; turn the end of input into an abort.
  const controller = new AbortController();
  const onEnd = (): void => controller.abort();
  process.stdin.once("end", onEnd);
  try {
    return await select(
      {
        message: `${question.prompt} (${progress(step)})`,
        choices: choices(step),
        pageSize: 12,
        theme: {
          style: {
            // Once answered, the line keeps the question without its progress note.
            message: (text: string, status: string) => (status === "done" ? question.prompt : text),
            // The question's help, then the keys that work.
            keysHelpTip: (keys: [string, string][]) =>
              `${question.help ? `${question.help}\n` : ""}${[...keys, ["1-9", "jump"], ["type", "search"]].map(([key, action]) => `${key} ${action}`).join(" • ")}`,
          },
        },
      },
      { signal: controller.signal, output: screen === "stderr" ? process.stderr : process.stdout },
    );
  } catch (error) {
    const name = (error as Error).name;
    if (name === "ExitPromptError") throw new InterruptError("Cancelled: no recommendation was made.");
    if (name === "AbortPromptError") throw new InputClosedError();
    throw error;
  } finally {
    process.stdin.off("end", onEnd);
  }
}
