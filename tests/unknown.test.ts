import { describe, expect, it } from "vitest";
import { render } from "@inquirer/testing";
import { select } from "@inquirer/prompts";
import type { Step } from "../src/commands/context.js";
import { choices, progress } from "../src/shell/prompts.js";
import { run } from "../src/program.js";
import { UNKNOWN } from "../src/engine/certainty.js";
import { evaluate } from "../src/engine/evaluate.js";
import { cli, ROOT } from "./helpers/cli.js";
import { allFlags, baseAnswers, compiled, shipped } from "./helpers/shipped.js";

/** Every answer given, the edition too, with the boundary unknown. */
const withBoundaryUnknown = (answers: Record<string, string>) => [
  ...allFlags({ edition: "datacenter", ...answers, boundary: UNKNOWN }),
];

async function adviseJson(args: string[]) {
  const run = await cli(["advise", ...args, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("advise with unknown answers", () => {
  it("names the boundary, with what each value leads to, when the boundary changes the advice", async () => {
    const answers = { ...baseAnswers, deploy: "docker", density: "medium" };
    // Worked out first with the engine, one boundary value at a time.
    const byValue = Object.fromEntries(
      ["trusted", "internal", "hostile"].map((b) => [
        b,
        evaluate(compiled, { ...answers, boundary: b }).recommendation,
      ]),
    );
    expect(new Set(Object.values(byValue)).size).toBeGreaterThan(1);
    const data = await adviseJson(withBoundaryUnknown(answers));
    expect(data.answers.boundary).toBe(UNKNOWN);
    expect(data.certainty.unknown).toEqual(["boundary"]);
    expect(data.certainty.combinations).toBe(3);
    expect(data.certainty.dependsOn).toEqual([{ question: "boundary", byValue }]);
    const count = Object.values(byValue).filter((r) => r === data.recommendation).length;
    expect(data.certainty.share).toBeCloseTo(count / 3, 10);
  });

  it("is sure of a VM for a desktop app whatever the boundary", async () => {
    const data = await adviseJson(withBoundaryUnknown({ ...baseAnswers, workload: "gui" }));
    expect(data.recommendation).toBe("vm");
    expect(data.certainty.share).toBe(1);
    expect(data.certainty.dependsOn).toEqual([]);
    const text = await cli(["advise", ...withBoundaryUnknown({ ...baseAnswers, workload: "gui" })]);
    expect(text.stdout).toContain("Virtual machine (Hyper-V), whatever the tenants on the hosts.");
  });

  it("leads the text with what the advice depends on", async () => {
    const answers = { ...baseAnswers, deploy: "docker", density: "medium" };
    const run = await cli(["advise", ...withBoundaryUnknown(answers)], { env: { COLUMNS: "200" } });
    const line = run.stdout.split("\n").find((l) => l.includes("Depends on the tenants on the hosts:"));
    expect(line).toBeDefined();
    for (const b of ["trusted", "internal", "hostile"]) expect(line).toContain(b);
  });

  it("weighs every completion when every answer is unknown, with the shares rules check prints", async () => {
    const all = shipped.questions.flatMap((q) => [`--${q.id}`, UNKNOWN]);
    const data = await adviseJson(all);
    expect(data.certainty.combinations).toBe(shipped.questions.reduce((n, q) => n * q.choices.length, 1));
    const check = JSON.parse((await cli(["rules", "check", "--json"])).stdout);
    for (const [id, n] of Object.entries(check.recommended as Record<string, number>)) {
      expect(data.certainty.shares[id]).toBeCloseTo(n / check.combinations, 4);
    }
  });

  it("lists unknown answers as open points in the decision record", async () => {
    const run = await cli([
      "advise",
      ...withBoundaryUnknown({ ...baseAnswers, deploy: "docker", density: "medium" }),
      "--format",
      "markdown",
    ]);
    expect(run.stdout).toContain("## To confirm");
    expect(run.stdout).toMatch(
      /- Who else runs on the same hosts\? \(`--boundary`\): this answer alone can change the decision\./,
    );
  });
});

/** Runs advise in process with a stand-in for the terminal that answers from `answers` and records each step. */
async function interactive(argv: string[], answers: Record<string, string>) {
  const steps: Step[] = [];
  let stdout = "";
  const code = await run(["advise", ...argv], {
    stdout: { write: (t: string) => (stdout += t), isTTY: true, columns: 100 },
    stderr: { write: () => true },
    stdinIsTTY: () => true,
    env: { NO_COLOR: "1" },
    cwd: ROOT,
    readStdin: () => "",
    ask: () => async (step) => {
      steps.push(step);
      const answer = answers[step.question.id];
      if (answer === undefined) throw new Error(`asked ${step.question.id}, which the test did not expect`);
      return answer;
    },
  });
  return { code, stdout, steps };
}

describe("the interactive flow", () => {
  it("stops as soon as the answers settle the outcome, and says so", async () => {
    const { code, stdout, steps } = await interactive([], { workload: "gui", "host-os": "2022" });
    expect(code).toBe(0);
    // host-os describes the environment and is always asked; after it nothing else can matter.
    expect(steps.map((s) => s.question.id)).toEqual(["workload", "host-os"]);
    expect(stdout).toContain("That settles it");
    expect(stdout).toContain("Recommendation: Virtual machine (Hyper-V)");
  });

  it("numbers the questions and never promises more than it asks", async () => {
    const answers = { ...baseAnswers } as Record<string, string>;
    const { steps } = await interactive([], answers);
    steps.forEach((step, i) => {
      expect(step.number).toBe(i + 1);
      expect(step.atMost).toBeGreaterThanOrEqual(steps.length - i);
    });
    expect(progress(steps[0]!)).toBe(`question 1, at most ${steps[0]!.atMost - 1} to go`);
  });

  it("asks a question that alone decides the outcome before the others", async () => {
    const answers = { ...baseAnswers, deploy: "docker", density: "medium" } as Record<string, string>;
    const given = Object.entries(answers)
      .filter(([q]) => !["boundary", "network", "storage"].includes(q))
      .flatMap(([q, v]) => [`--${q}`, v]);
    const { steps } = await interactive(given, answers);
    const asked = steps.map((s) => s.question.id);
    expect(asked[0]).toBe("boundary");
  });

  it("takes I'm not sure as an answer and carries it into the equivalent command", async () => {
    // The optional questions are asked too where they matter; here each gets its usual answer.
    const answers = {
      ...baseAnswers,
      boundary: UNKNOWN,
      devices: "none",
      "host-type": "physical",
      identity: "none",
    } as Record<string, string>;
    const { stdout } = await interactive(
      allFlags(baseAnswers).filter((_, i, a) => a[i] !== "--boundary" && a[i - 1] !== "--boundary"),
      answers,
    );
    expect(stdout.replace(/\s*\\\n\s*/g, " ")).toContain("--boundary unknown");
  });
});

describe("the prompt", () => {
  it("lists the labels, shows the highlighted choice's meaning, and offers I'm not sure last", async () => {
    const question = shipped.questions.find((q) => q.id === "boundary")!;
    const step = { question, number: 2, atMost: 9, canGoBack: true };
    const { answer, events, getScreen } = await render(select, { message: question.prompt, choices: choices(step) });
    const screen = getScreen();
    for (const c of question.choices) expect(screen).toContain(c.label);
    expect(screen).toContain(question.choices[0]!.meaning);
    expect(screen).toContain("I'm not sure");
    events.keypress("up"); // wraps round to the last choice
    events.keypress("enter");
    expect(await answer).toBe(UNKNOWN);
  });
});
