import { describe, expect, it } from "vitest";
import { baseAnswers, shipped } from "./helpers/shipped.js";
import type { Answers } from "../src/engine/model.js";
import { KEY, Terminal } from "./helpers/pty.js";

// Interactive advise in French, in a real pseudo-terminal. What is checked is the shell's own
// French: the progress, "Je ne sais pas" and its meaning, the key hints, the answered line and
// the Ctrl-C message. The questions' own words are rule texts and the recommendation's headings
// the renderer's: French where those parts have it, so they are not what this test waits on.

const NNBSP = "\u202f";

/** Every answer but the tenants' and the workload’s, so those two are what may be asked. */
function flagsBut(skip: readonly string[]): string[] {
  const answers = {
    ...baseAnswers,
    deploy: "docker",
    density: "medium",
    devices: "none",
    "host-type": "physical",
    identity: "none",
  } as Answers;
  return shipped.questions
    .filter((q) => !skip.includes(q.id) && (!q.optional || q.assume !== undefined))
    .flatMap((q) => [`--${q.id}`, answers[q.id]!]);
}

describe("interactive advise --lang fr in a real terminal", () => {
  it("asks in French and reaches a recommendation", async () => {
    const term = new Terminal(["advise", "--lang", "fr", ...flagsBut(["boundary"])], { cols: 120 });
    // The frame of the question: progress, the "not sure" choice and its meaning, the keys.
    await term.waitFor(/question 1, (la dernière|au plus)/);
    await term.waitFor("Je ne sais pas");
    await term.waitFor("vmvc examine toutes les réponses possibles");
    await term.waitFor(/↑↓ parcourir • ⏎ choisir .*lettres rechercher/);
    expect(term.text).not.toMatch(/I’m not sure|navigate|at most \d+ to go|the last one/);
    // The question starts on « Je ne sais pas » (no sensible default): Enter takes it.
    term.send(KEY.enter);
    expect(await term.exited).toBe(0);
    // The answer stays on screen as one line, in French.
    expect(term.text).toMatch(/✔ .* Je ne sais pas/);
    // A recommendation was made, and the equivalent command keeps ids and values.
    expect(term.text.replace(/\s*\\\n\s*/g, " ")).toContain("--boundary unknown");
  });

  it("offers going back in French from the second question", async () => {
    const term = new Terminal(["advise", "--lang", "fr", ...flagsBut(["boundary", "workload"])], { cols: 120 });
    // The count and its noun held together by a no-break space, which wrapping keeps.
    await term.waitFor(/question 1, au plus 1\u00a0restante/);
    const first = await term.waitFor("Je ne sais pas");
    term.send(KEY.enter);
    // The first answer left as a line, then the second question with « revenir ».
    await term.waitFor(/question 2/, 10_000, first);
    await term.waitFor("échap/← revenir", 10_000, first);
    term.send(KEY.ctrlC);
    expect(await term.exited).toBe(130);
    expect(term.text).toContain(`Interrompu${NNBSP}: aucune recommandation n’a été émise.`);
    expect(term.text).not.toContain("Cancelled");
  });
});
