import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "./helpers/cli.js";
import { allFlags } from "./helpers/shipped.js";

// The JSON outputs' schemas, shipped in schema/, checked against real outputs so they stay true.

const schema = (name: string): object => JSON.parse(readFileSync(join(ROOT, "schema", `${name}.schema.json`), "utf8"));
const validator = (name: string) =>
  new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema(name));

const json = async (argv: string[]): Promise<unknown> => {
  const run = await cli(argv);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

describe("the JSON Schemas of the outputs", () => {
  it.each([
    ["every answer given", [...allFlags(), "--json"]],
    [
      "answers unknown",
      // Every answer but the workload unknown: the outlook over every combination.
      [...allFlags().map((f, i) => (i % 2 === 1 && i > 1 ? "unknown" : f)), "--json"],
    ],
    ["settled early", ["--workload", "gui", "--boundary", "internal", "--host-os", "2022", "--json"]],
    ["under a policy", ["--rules", "examples/policy", ...allFlags(), "--owner", "customer", "--json"]],
  ])("advise --json, %s, fits schema/advice.schema.json", async (_, flags) => {
    const check = validator("advice");
    const output = await json(["advise", ...flags]);
    expect(check(output), JSON.stringify(check.errors)).toBe(true);
  });

  it.each([[[]], [["--rows", "isolation,licensing"]], [["--rules", "examples/policy"]]])(
    "compare --json %j fits schema/comparison.schema.json",
    async (flags) => {
      const check = validator("comparison");
      const output = await json(["compare", "--json", ...flags]);
      expect(check(output), JSON.stringify(check.errors)).toBe(true);
    },
  );

  it("is the schema that rejects what it should: a recommendation that is not a string or null", () => {
    expect(validator("advice")({ recommendation: 3 })).toBe(false);
  });

  it("prints each with --json-schema, as shipped", async () => {
    expect(await json(["advise", "--json-schema"])).toEqual(schema("advice"));
    expect(await json(["compare", "--json-schema"])).toEqual(schema("comparison"));
  });
});
