import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/cli/commands.js";
import type { Context } from "../src/cli/context.js";
import { wellFormedFlags, type FlagSpec } from "../src/cli/flags.js";
import { buildProgram, type Invocation } from "../src/cli/program.js";
import { shipped } from "./helpers/shipped.js";

// Command lines in the usual form skip commander (see wellFormedFlags). Whatever they accept,
// commander must parse to the very same flags; whatever they decline, commander handles.

const ctx = { ruleSet: shipped } as Context;

function viaCommander(argv: string[]): { flags: Record<string, unknown> } | { error: string } {
  let parsed: Invocation | undefined;
  const program = buildProgram({ out: () => {}, err: () => {}, version: "0.0.0", commands: COMMANDS, onParsed: (i) => (parsed = i) }, { name: argv[0]!, ctx });
  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    return { error: (error as Error).message };
  }
  return parsed ? { flags: parsed.flags } : { error: "nothing to run" };
}

const longName = (spec: FlagSpec) => spec.flags.split(" ")[0]!;
const takesValue = (spec: FlagSpec) => spec.flags.includes(" ");
const plainWord = fc.stringMatching(/^[a-z0-9][a-z0-9.,/_]{0,10}$/);

for (const command of COMMANDS) {
  const specs = command.flags(shipped);
  const validValue = (spec: FlagSpec): fc.Arbitrary<string> => {
    const question = shipped.questions.find((q) => `--${q.id}` === longName(spec));
    if (question) return fc.constantFrom(...question.choices.map((c) => c.value));
    return spec.choices ? fc.constantFrom(...spec.choices) : plainWord;
  };

  describe(`vmvc ${command.name}: the parser for well-formed command lines`, () => {
    it("accepts any well-formed command line and agrees with commander", () => {
      const line = fc
        .subarray(specs)
        .chain((chosen) =>
          fc.tuple(
            ...chosen.map((spec) =>
              takesValue(spec)
                ? fc.array(validValue(spec), { minLength: 1, maxLength: spec.repeatable ? 3 : 1 }).map((values) => values.flatMap((v) => [longName(spec), v]))
                : fc.constant([longName(spec)]),
            ),
          ),
        )
        .chain((groups) => fc.shuffledSubarray(groups, { minLength: groups.length, maxLength: groups.length }))
        .map((groups) => groups.flat());
      fc.assert(
        fc.property(line, (words) => {
          const fast = wellFormedFlags(specs, words);
          expect(fast).toBeDefined();
          expect(viaCommander([command.name, ...words])).toEqual({ flags: fast });
        }),
        { numRuns: 300 },
      );
    });

    it("leaves everything else to commander, and never disagrees with it", () => {
      const word = fc.oneof(
        fc.constantFrom(...specs.map(longName)),
        fc.constantFrom(...specs.filter(takesValue)).chain(validValue),
        plainWord,
        fc.constantFrom("-", "--", "-h", "--help", "-V", "--version", "--no-color", "--json=1", "--format=json", "--rules=x", "--bogus", "-x", "", "a b"),
      );
      let accepted = 0;
      fc.assert(
        fc.property(fc.array(word, { maxLength: 8 }), (words) => {
          const fast = wellFormedFlags(specs, words);
          if (fast === undefined) return;
          accepted++;
          expect(viaCommander([command.name, ...words])).toEqual({ flags: fast });
        }),
        { numRuns: 1000 },
      );
      // Not vacuous: a fair share of the random lines were taken on the fast path.
      expect(accepted).toBeGreaterThan(20);
    });
  });
}

describe("the well-formed parser declines what it does not understand", () => {
  const advise = COMMANDS.find((c) => c.name === "advise")!.flags(shipped);
  it.each([
    [["--help"]],
    [["--workload"]],
    [["--workload", "--json"]],
    [["--format", "yaml"]],
    [["--format=json"]],
    [["--json", "--json"]],
    [["--workload", "web", "--workload", "db"]],
    [["stray"]],
    [["--", "--json"]],
    [["--answers", "-"]],
  ])("%j", (words) => {
    expect(wellFormedFlags(advise, words)).toBeUndefined();
  });

  it("gives commander's defaults and lists", () => {
    expect(wellFormedFlags(advise, [])).toEqual({ input: true });
    expect(wellFormedFlags(advise, ["--no-input", "--rules", "a", "--rules", "b", "--update-cadence", "monthly"])).toEqual({
      input: false,
      rules: ["a", "b"],
      updateCadence: "monthly",
    });
    expect(wellFormedFlags(COMMANDS.find((c) => c.name === "compare")!.flags(shipped), ["--json"])).toEqual({ format: "table", json: true });
  });
});
