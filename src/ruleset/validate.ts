import type { z } from "zod";
import { RuleSetError } from "../errors.js";
import { parseJson } from "../json.js";
import { problem, problemLine, type Problem, type Where } from "../problems.js";
import { didYouMean } from "../suggest.js";
import { quote } from "../escape.js";
import {
  optionsFileSchema,
  ruleFileSchema,
  ruleTextsFileSchema,
  type OptionsFile,
  type RuleFile,
  type RuleTextsFile,
} from "./schema.js";

const ENTRY_LABEL: Record<string, string> = {
  rules: "rule",
  questions: "question",
  sources: "source",
  comparison: "comparison row",
  disable: "disable",
  options: "option",
  tieBreaks: "tie-break",
};

/** File, entry (`rule "some-id"`) and field (`effect.option`) from a zod path into the file's data. */
export function locate(file: string, data: unknown, path: readonly PropertyKey[]): Where {
  const [list, index, ...rest] = path;
  // A texts file keys its entries by id: `rules.some-id.reason`.
  if (typeof list === "string" && typeof index === "string" && ENTRY_LABEL[list] !== undefined) {
    const name = `${ENTRY_LABEL[list]} ${quote(index)}`;
    return { file, entry: name, ...(rest.length > 0 ? { path: formatPath(rest) } : {}) };
  }
  if (typeof list !== "string" || typeof index !== "number") {
    return { file, ...(path.length > 0 ? { path: formatPath(path) } : {}) };
  }
  const entry = (data as Record<string, unknown[]>)[list]?.[index];
  const entryId =
    typeof entry === "string"
      ? entry
      : typeof (entry as { id?: unknown })?.id === "string"
        ? (entry as { id: string }).id
        : undefined;
  const label = ENTRY_LABEL[list] ?? list;
  const name = entryId !== undefined ? `${label} ${quote(entryId)}` : `${label} #${index + 1}`;
  return { file, entry: name, ...(rest.length > 0 ? { path: formatPath(rest) } : {}) };
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else {
      const name = /^[\w$-]{1,60}$/.test(String(key)) ? String(key) : quote(String(key));
      out += out === "" ? name : `.${name}`;
    }
  }
  return out;
}

function describe(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "string") return quote(input);
  return typeof input === "object" ? "an object" : typeof input;
}

function message(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      if (issue.expected === "int") return `expected a whole number, got ${describe(issue.input)}`;
      return `expected ${issue.expected === "object" ? "an object" : issue.expected === "array" ? "a list" : `a ${issue.expected}`}, got ${describe(issue.input)}`;
    case "invalid_value": {
      const allowed = issue.values.map(String);
      if (allowed.length === 1) return issue.message;
      const hint = typeof issue.input === "string" ? didYouMean(issue.input, allowed) : "";
      return `expected one of ${allowed.join(", ")}${hint}`;
    }
    case "unrecognized_keys":
      return issue.keys.map((key) => `unknown field "${key}"`).join(", ");
    default:
      return issue.message;
  }
}

function issuesToProblems(file: string, data: unknown, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems = issues.map((issue) => {
    // An unknown key is reported on the object that holds it; name the key as the field.
    const path =
      issue.code === "unrecognized_keys" && issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path;
    const msg = issue.code === "unrecognized_keys" && issue.keys.length === 1 ? "unknown field" : message(issue);
    return problem(locate(file, data, path), issue.code === "unrecognized_keys" ? "unknown-field" : "schema", msg);
  });
  const lines = new Set<string>();
  return problems.filter((p) => !lines.has(problemLine(p)) && Boolean(lines.add(problemLine(p))));
}

/** A rule or config file's JSON; a syntax error is a RuleSetError that names the file. */
export const parseRuleJson = (text: string, file: string): unknown =>
  parseJson(text, (message, code) => new RuleSetError([problem({ file }, code, message)]), true);

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The path to the first key that could reach an object's prototype, if any. */
function forbiddenKeyPath(data: unknown): PropertyKey[] | undefined {
  const stack: [unknown, PropertyKey[]][] = [[data, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return [...path, key];
      stack.push([(value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key]]);
    }
  }
  return undefined;
}

function check<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const forbidden = forbiddenKeyPath(data);
  if (forbidden)
    throw new RuleSetError([
      problem(locate(file, data, forbidden), "forbidden-key", `the key "${String(forbidden.at(-1))}" is not allowed`),
    ]);
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new RuleSetError(issuesToProblems(file, data, parsed.error.issues));
  return parsed.data;
}

export const checkRuleFile = (data: unknown, file: string): RuleFile => check(ruleFileSchema, data, file);
export const checkOptionsFile = (data: unknown, file: string): OptionsFile => check(optionsFileSchema, data, file);
export const checkRuleTextsFile = (data: unknown, file: string): RuleTextsFile =>
  check(ruleTextsFileSchema, data, file);
