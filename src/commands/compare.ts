import { Option, type Command } from "commander";
import type { RuleSet } from "../engine/model.js";
import { UsageError } from "../errors.js";
import { compareCsv, compareJson, compareMarkdown } from "../render/compare-formats.js";
import { didYouMean } from "../suggest.js";
import { OK, type Invocation, type Outcome } from "./command.js";
import type { Context } from "./context.js";
import { chooseFormat, printSchema } from "./formats.js";
import { refuseStrays, rulesOption } from "./options.js";

// `vmvc compare`: the comparison table of the options, in the format asked for.

export const COMPARE_FORMATS = ["table", "markdown", "json", "csv"] as const;

const EXAMPLES = `
Examples:
  $ vmvc compare
  $ vmvc compare --rows isolation,guest-compatibility --format markdown >> README.md
  $ vmvc compare --json | jq '.rows[].id'
`;

export function configure(command: Command, ruleSet: RuleSet): void {
  refuseStrays(command)
    .addOption(new Option("--format <format>", `output format: ${COMPARE_FORMATS.join(", ")} (default: table)`))
    .option("--json", "same as --format json")
    .option("--json-schema", "print the JSON Schema of --json's output (schema/comparison.schema.json) and exit")
    .option("--rows <ids>", `only these rows, comma-separated: ${ruleSet.comparison.map((r) => r.id).join(", ")}`)
    .addOption(rulesOption())
    .addHelpText("after", EXAMPLES);
}

interface CompareFlags {
  json?: boolean;
  format?: string;
  rows?: string;
}

export async function run(ctx: Context, call: Invocation): Promise<Outcome> {
  if (call.flags.jsonSchema) return printSchema(ctx, "comparison");
  const flags = call.flags as CompareFlags;
  const format = chooseFormat({ json: flags.json, format: flags.format }, COMPARE_FORMATS, "table");
  const all = ctx.ruleSet.comparison;
  let rows = all;
  if (flags.rows !== undefined) {
    const ids = all.map((r) => r.id);
    const wanted = flags.rows
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (wanted.length === 0) throw new UsageError(`--rows needs row ids: ${ids.join(", ")}`);
    for (const id of wanted) {
      if (!ids.includes(id))
        throw new UsageError(`--rows "${id}" is not one of ${ids.join(", ")}${didYouMean(id, ids)}`);
    }
    rows = wanted.map((id) => all.find((r) => r.id === id)!);
  }
  if (format === "json") ctx.out(compareJson(ctx.ruleSet, rows, ctx.locale));
  else if (format === "csv") ctx.out(compareCsv(ctx.ruleSet, rows));
  else if (format === "markdown") ctx.out(compareMarkdown(ctx.ruleSet, rows, ctx.locale));
  else {
    const [{ compareTable }, { createStyle }] = await Promise.all([
      import("../render/compare-table.js"),
      import("../render/style.js"),
    ]);
    ctx.out(await compareTable(ctx.ruleSet, rows, createStyle(ctx.color, ctx.hyperlinks), ctx.width, ctx.locale));
  }
  return OK;
}
