// Flags as data: commander is configured from these (program.ts), and the usual, well-formed
// command lines are parsed from them without loading commander at all.

export interface FlagSpec {
  /** In commander's syntax: "--json", "--no-input", "--format <format>". */
  flags: string;
  description: string;
  choices?: readonly string[];
  default?: string;
  /** Each use adds to a list, as --rules does. */
  repeatable?: boolean;
}

export const RULES_FLAG: FlagSpec = {
  flags: "--rules <path>",
  description: "layer a rule file or folder over the shipped rules (repeatable)",
  repeatable: true,
};

/** commander stores --update-cadence as updateCadence. */
export const camel = (id: string): string => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const longName = (spec: FlagSpec): string => spec.flags.split(" ")[0]!;

/** The key commander gives a flag's value: --update-cadence is updateCadence, --no-input is input. */
export const flagKey = (spec: FlagSpec): string => camel(longName(spec).replace(/^--(no-)?/, ""));

/**
 * The flags of a command line in the usual form: known long flags, each value a separate
 * word that does not start with a dash, and no flag given twice unless it is repeatable.
 * The result is what commander would give; anything else (help, mistakes, `--flag=value`,
 * stray words) returns undefined and is left to commander, with its messages.
 */
export function wellFormedFlags(specs: readonly FlagSpec[], words: readonly string[]): Record<string, unknown> | undefined {
  const byName = new Map(specs.map((spec) => [longName(spec), spec]));
  const flags: Record<string, unknown> = {};
  for (const spec of specs) {
    if (spec.flags.startsWith("--no-")) flags[flagKey(spec)] = true;
    else if (spec.default !== undefined) flags[flagKey(spec)] = spec.default;
  }
  const given = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const spec = byName.get(words[i]!);
    if (spec === undefined) return undefined;
    const key = flagKey(spec);
    if (given.has(key) && !spec.repeatable) return undefined;
    given.add(key);
    if (!spec.flags.includes(" ")) {
      flags[key] = !spec.flags.startsWith("--no-");
      continue;
    }
    const value = words[++i];
    if (value === undefined || value.startsWith("-")) return undefined;
    if (spec.choices !== undefined && !spec.choices.includes(value)) return undefined;
    flags[key] = spec.repeatable ? [...((flags[key] as string[] | undefined) ?? []), value] : value;
  }
  return flags;
}
