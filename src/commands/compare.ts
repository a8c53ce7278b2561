import { Option, type Command } from "commander";
import type { RuleSet } from "../engine/model.js";
import { UsageError } from "../errors.js";
import { compareCsv, compareJson, compareMarkdown } from "../render/compare-formats.js";
import { didYouMean } from "../suggest.js";
import { OK, type Invocation, type Outcome } from "./command.js";
import type { Context } from "./context.js";
import { chooseFormat, printSchema } from "./formats.js";
import { refuseStrays, rulesOption } from "./options.js";
import { ENGLISH, type Locale } from "../i18n/index.js";

// `vmvc compare`: the comparison table of the options, in the format asked for.

export const COMPARE_FORMATS = ["table", "markdown", "json", "csv"] as const;

export function configure(command: Command, ruleSet: RuleSet, locale: Locale = ENGLISH): void {
  const m = locale.messages.cli;
  refuseStrays(command)
    .addOption(new Option("--format <format>", m.compareFlags.format(COMPARE_FORMATS.join(", "))))
    .option("--json", m.compareFlags.json)
    .option("--json-schema", m.compareFlags.jsonSchema)
    .option("--rows <ids>", m.compareFlags.rows(ruleSet.comparison.map((r) => r.id).join(", ")))
    .addOption(rulesOption(locale))
    .addHelpText("after", m.compareExamples);
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
    if (wanted.length === 0) throw new UsageError((m) => m.cli.rowsNeeded(ids.join(", ")));
    for (const id of wanted) {
      if (!ids.includes(id)) throw new UsageError((m) => m.cli.badRow(id, ids.join(", "), didYouMean(id, ids, m)));
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
