import { OK, type Outcome } from "./command.js";
import type { Context } from "./context.js";
import { extname } from "node:path";
import { UsageError } from "../errors.js";
import { quote } from "../escape.js";
import { didYouMean } from "../suggest.js";

// Which format a command writes: --json, --format, else the --output file's extension.

const BY_EXTENSION: Record<string, string> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".json": "json",
  ".txt": "text",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
  ".csv": "csv",
  ".html": "html",
  ".htm": "html",
};

export interface FormatFlags {
  json?: boolean;
  format?: string;
  output?: string;
}

export function chooseFormat<F extends string>(flags: FormatFlags, formats: readonly F[], fallback: F): F {
  const allowed: readonly string[] = formats;
  if (flags.json && flags.format !== undefined && flags.format !== "json")
    throw new UsageError((m) => m.cli.twoFormats(quote(flags.format!)));
  if (flags.json) return "json" as F;
  if (flags.format !== undefined) {
    const format = flags.format.toLowerCase(); // any case, as in PowerShell
    if (!allowed.includes(format))
      throw new UsageError((m) =>
        m.cli.badFormat(quote(flags.format!), formats.join(", "), didYouMean(flags.format!, formats, m)),
      );
    return format as F;
  }
  if (flags.output !== undefined) {
    const format = BY_EXTENSION[extname(flags.output).toLowerCase()];
    if (format === undefined || !allowed.includes(format)) {
      const extensions = Object.keys(BY_EXTENSION).filter((e) => allowed.includes(BY_EXTENSION[e]!));
      throw new UsageError((m) => m.cli.unknownExtension(quote(flags.output!), extensions.join(", ")));
    }
    return format as F;
  }
  return fallback;
}

/** Prints a JSON output's schema, shipped in schema/ beside the rule file's. */
export async function printSchema(ctx: Context, name: "advice" | "assessment" | "comparison"): Promise<Outcome> {
  const [{ readFileSync }, { join }, { packageRoot }] = await Promise.all([
    import("node:fs"),
    import("node:path"),
    import("../package-root.js"),
  ]);
  ctx.out(readFileSync(join(packageRoot(), "schema", `${name}.schema.json`), "utf8"));
  return OK;
}
