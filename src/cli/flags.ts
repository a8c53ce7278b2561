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
export function camel(id: string): string {
  // A loop, not a regular expression: this runs at every start, where a regex is compiled first.
  let key = "";
  for (let i = 0; i < id.length; i++) {
    const next = id[i + 1];
    if (id[i] === "-" && next !== undefined && ((next >= "a" && next <= "z") || (next >= "0" && next <= "9"))) {
      key += next.toUpperCase();
      i++;
    } else key += id[i];
  }
  return key;
}

const longName = (spec: FlagSpec): string => {
  const space = spec.flags.indexOf(" ");
  return space === -1 ? spec.flags : spec.flags.slice(0, space);
};

const negated = (spec: FlagSpec): boolean => spec.flags.startsWith("--no-");

/** The key commander gives a flag's value: --update-cadence is updateCadence, --no-input is input. */
const flagKey = (spec: FlagSpec): string => camel(longName(spec).slice(negated(spec) ? 5 : 2));

/**
 * The flags of a command line in the usual form: known long flags, each value a separate
 * word that does not start with a dash, and no flag given twice unless it is repeatable.
 * The result is what commander would give; anything else (help, mistakes, `--flag=value`,
 * stray words) returns undefined and is left to commander, with its messages.
 */
export function wellFormedFlags(specs: readonly FlagSpec[], words: readonly string[]): Record<string, unknown> | undefined {
  const flags: Record<string, unknown> = {};
  const byName = new Map<string, { spec: FlagSpec; key: string }>();
  for (const spec of specs) {
    const key = flagKey(spec);
    byName.set(longName(spec), { spec, key });
    if (negated(spec)) flags[key] = true;
    else if (spec.default !== undefined) flags[key] = spec.default;
  }
  const given = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const known = byName.get(words[i]!);
    if (known === undefined) return undefined;
    const { spec, key } = known;
    if (given.has(key) && !spec.repeatable) return undefined;
    given.add(key);
    if (!spec.flags.includes(" ")) {
      flags[key] = !negated(spec);
      continue;
    }
    const value = words[++i];
    if (value === undefined || value.startsWith("-")) return undefined;
    if (spec.choices !== undefined && !spec.choices.includes(value)) return undefined;
    flags[key] = spec.repeatable ? [...((flags[key] as string[] | undefined) ?? []), value] : value;
  }
  return flags;
}
