import { describe, expect, it } from "vitest";
import { outlook } from "../src/engine/certainty.js";
import { evaluate } from "../src/engine/evaluate.js";
import { MAX_OPTIONS } from "../src/ruleset/schema.js";
import { checkOptionsFile } from "../src/ruleset/validate.js";
import { compiledSet, rule } from "./helpers/factory.js";

// The engine keeps the options an answer set rules out as bits of a 32-bit number and, over
// every completion, one byte each: the options file may list at most 8 options.

const optionsFile = (count: number) => {
  const ids = Array.from({ length: count }, (_, i) => `option-${i + 1}`);
  return {
    options: ids.map((id) => ({ id, label: id, short: id })),
    tieBreak: ids,
    tieBreakReason: "Ties go to the first.",
  };
};

describe("the number of options", () => {
  it("is at most 8, with a message that says why", () => {
    expect(MAX_OPTIONS).toBe(8);
    expect(checkOptionsFile(optionsFile(8), "rules/options.json").options).toHaveLength(8);
    expect(() => checkOptionsFile(optionsFile(9), "rules/options.json")).toThrow(
      /rules\/options\.json: options: must list at most 8 options: the engine keeps which options are ruled out in one byte per answer set/,
    );
    expect(() => checkOptionsFile(optionsFile(1), "rules/options.json")).toThrow(/must list at least two options/);
  });

  it("reaches 8 in the engine: the eighth can be ruled out, win, and be counted over every completion", () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const c = compiledSet(
      [rule("h-large", { size: "large" }, ["h", 5]), rule("h-out-low", { trust: "low" }, ["h", "exclude"])],
      {
        options: ids,
      },
    );
    expect(evaluate(c, { size: "large", trust: "high" }).recommendation).toBe("h");
    expect(evaluate(c, { size: "large", trust: "low" }).options.at(-1)).toEqual({
      id: "h",
      label: "Option H",
      score: 5,
      eligible: false,
    });
    const view = outlook(c, { size: "large" });
    expect(view.certainty.outcomes).toMatchObject({ h: 1, a: 1 });
    expect(Array.from(view.eligible)).toEqual([2, 2, 2, 2, 2, 2, 2, 1]);
  });
});
