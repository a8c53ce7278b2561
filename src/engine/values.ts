import { didYouMean } from "../suggest.js";
import { quote } from "../escape.js";
import { UNKNOWN } from "./certainty.js";
import type { Question } from "./model.js";
import { en, type Messages } from "../i18n/en/index.js";

/** The values a question takes: its choices, and "unknown" for "not sure". */
export const valuesOf = (question: Question): string[] => [...question.choices.map((c) => c.value), UNKNOWN];

/**
 * A value as people give it, as the question's value: case never matters (`--workload Web`),
 * a number is its digits (`ConvertTo-Json` writes 2022), and null means unknown.
 */
export function normalValue(question: Question, value: unknown): unknown {
  if (value === null) return UNKNOWN;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return value;
  const lower = value.trim().toLowerCase();
  return valuesOf(question).includes(lower) ? lower : value;
}

/** What is wrong with a value given for a question, with a near miss suggested; undefined when it is one of its values. */
export function valueProblem(question: Question, value: unknown, messages: Messages = en): string | undefined {
  const m = messages.cli;
  const allowed = valuesOf(question);
  if (typeof value === "string" && allowed.includes(value)) return undefined;
  const shown =
    typeof value === "string"
      ? quote(value)
      : value === null
        ? "null"
        : Array.isArray(value)
          ? m.aList
          : typeof value === "object"
            ? m.anObject
            : m.aType(typeof value);
  const hint = typeof value === "string" ? didYouMean(value, allowed, messages) : "";
  return `${m.notOneOf(shown, allowed.join(", "))}${hint}`;
}
