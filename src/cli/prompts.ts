import { select } from "@inquirer/prompts";
import type { Question } from "../engine/model.js";
import { InterruptError } from "../errors.js";

// The one module that talks to Inquirer. Loaded only when a question will really be asked.

/** Input ended before the answer came (stdin closed without the terminal going away). */
export class InputClosedError extends Error {}

export async function ask(question: Question): Promise<string> {
  const width = Math.max(...question.choices.map((c) => c.label.length));
  // Inquirer waits forever if stdin ends mid-prompt; turn the end of input into an abort.
  const controller = new AbortController();
  const onEnd = (): void => controller.abort();
  process.stdin.once("end", onEnd);
  try {
    return await select(
      {
        message: question.prompt,
        choices: question.choices.map((c) => ({ name: `${c.label.padEnd(width)}  ${c.meaning}`, value: c.value, short: c.label })),
        pageSize: 12,
      },
      { signal: controller.signal },
    );
  } catch (error) {
    const name = (error as Error).name;
    if (name === "ExitPromptError") throw new InterruptError("Cancelled: no recommendation was made.");
    if (name === "AbortPromptError") throw new InputClosedError("input closed");
    throw error;
  } finally {
    process.stdin.off("end", onEnd);
  }
}
