import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "./helpers/cli.js";
import { allFlags } from "./helpers/shipped.js";
import { tmp } from "./helpers/tmp.js";

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

  // An inventory with every kind of row assess writes: fully answered, partly unknown (an
  // option out only in some cases), and invalid (exit code 1, the row still in the output).
  const mixed = (): string => {
    const file = join(tmp(), "mixed.csv");
    writeFileSync(
      file,
      "name,workload,boundary,host-os,guest-os,deploy\nok,web,internal,2022,2022,docker\nbad,nonsense,internal,2022,2022,docker\nopen,web,,2022,,docker\ndesktop,gui,,,,\n",
    );
    return file;
  };
  const assessInputs: [string, () => string[]][] = [
    ["the example inventory", () => ["examples/inventory/inventory.csv"]],
    ["an RVTools export, grouped by cluster", () => ["examples/inventory/rvtools-vInfo.csv"]],
    ["valid, partly unknown and invalid rows, a flag's default", () => [mixed(), "--host-os", "2022"]],
    ["under a policy", () => ["examples/inventory/inventory.csv", "--rules", "examples/policy", "--owner", "customer"]],
  ];
  const assessment = () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    ajv.addSchema(schema("assessment"));
    const id = "https://github.com/vmvc/vmvc/schema/assessment.schema.json";
    return { document: ajv.getSchema(id)!, row: ajv.getSchema(`${id}#/$defs/row`)! };
  };
  const assess = async (argv: string[]) => {
    const run = await cli(["assess", ...argv]);
    expect([0, 1], run.stderr).toContain(run.code);
    return run.stdout;
  };

  it.each(assessInputs)("assess --format json, %s, fits schema/assessment.schema.json", async (_, args) => {
    const { document } = assessment();
    const output = JSON.parse(await assess([...args(), "--format", "json"])) as { rows: unknown[] };
    expect(output.rows.length).toBeGreaterThan(0);
    expect(document(output), JSON.stringify(document.errors)).toBe(true);
  });

  it.each(assessInputs)("every line of assess --format ndjson, %s, fits its $defs/row", async (_, args) => {
    const { row } = assessment();
    const lines = (await assess([...args(), "--format", "ndjson"])).trimEnd().split("\n");
    for (const line of lines) expect(row(JSON.parse(line)), `${line}\n${JSON.stringify(row.errors)}`).toBe(true);
  });

  it("the assessment schema tells a row from what is not one", () => {
    const { row } = assessment();
    expect(row({ line: 2, name: "x", error: "workload: bad" })).toBe(true);
    // Neither advice nor an error; an error with advice fields; a line that is not a line number.
    expect(row({ line: 2, name: "x" })).toBe(false);
    expect(row({ line: 2, name: "x", error: "bad", recommendation: "vm" })).toBe(false);
    expect(row({ line: 0, name: "x", error: "bad" })).toBe(false);
  });

  it("is the schema that rejects what it should: a recommendation that is not a string or null", () => {
    expect(validator("advice")({ recommendation: 3 })).toBe(false);
  });

  it("prints each with --json-schema, as shipped", async () => {
    expect(await json(["advise", "--json-schema"])).toEqual(schema("advice"));
    expect(await json(["compare", "--json-schema"])).toEqual(schema("comparison"));
    expect(await json(["assess", "--json-schema"])).toEqual(schema("assessment"));
  });
});
