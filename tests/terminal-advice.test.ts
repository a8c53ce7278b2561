import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";
import { advise } from "../src/engine/explain.js";
import { compiled, shipped } from "./helpers/shipped.js";

// advise's text as a reader takes it in: nothing that can be misread.

const ANSWERS = {
  workload: "web",
  boundary: "internal",
  "host-os": "2022",
  "guest-os": "2019",
  deploy: "docker",
  density: "medium",
  scaling: "elastic",
  "update-cadence": "monthly",
  storage: "none",
  recovery: "fast",
  network: "shared",
};
const flags = Object.entries(ANSWERS).flatMap(([q, v]) => [`--${q}`, v]);

describe("points", () => {
  it("never shows a ruled-out option with a score, and gives each eligible one its gains and losses", async () => {
    const advice = advise(compiled, ANSWERS);
    // The premise: an option is ruled out here, and its raw score beats the recommendation's.
    const out = advice.options.filter((o) => !o.eligible);
    expect(out.length).toBeGreaterThan(0);
    const run = await cli(["advise", ...flags, "--width", "200"]);
    const points = run.stdout.slice(run.stdout.indexOf("\nPoints"), run.stdout.indexOf("\nSources"));
    for (const o of out) {
      const label = shipped.options.find((x) => x.id === o.id)!.label;
      const line = points.split("\n").find((l) => l.includes(label))!;
      expect(line, label).toMatch(/^ {2}Ruled out, so not scored: /);
    }
    for (const o of advice.options.filter((x) => x.eligible)) {
      const line = points.split("\n").find((l) => l.endsWith(o.label) || l.includes(`${o.label} (`))!;
      const [, total, plus, minus] = /^\s+(-?\d+) \(\+(\d+) \u2212(\d+)\)/.exec(line)!;
      expect(Number(total)).toBe(o.score);
      expect(Number(plus) - Number(minus)).toBe(o.score);
    }
  });

  it("says which case the points are for when an answer was left open", async () => {
    const advice = advise(compiled, ANSWERS);
    expect(advice.skipped).toContain("edition");
    const run = await cli(["advise", ...flags, "--width", "200"]);
    const taken = shipped.questions
      .find((q) => q.id === "edition")!
      .choices.find((c) => c.value === advice.assumed.edition)!;
    expect(run.stdout).toContain(`taking --edition as ${taken.label}`);
  });

  it("uses no idiom: no 'on points', no 'close behind'", async () => {
    const run = await cli(["advise", ...flags, "--width", "200"]);
    expect(run.stdout).not.toMatch(/on points|close behind|single different answer/);
  });
});
