// How user input is echoed: control characters escaped, long runs cut, strings quoted.

// Characters that move the cursor, recolour or retitle a terminal, or reorder text: C0 and C1
// controls (ESC, CSI) and the bidirectional overrides.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = new RegExp(CONTROL_CHARACTER.source, "g");
const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Text from input made safe to print: every control character written as \uXXXX. */
export const escapeControls = (text: string): string => text.replace(CONTROLS, escaped);

// JSON.stringify escapes C0 controls but leaves DEL, C1 (U+009B is CSI), the bidi overrides
// and the line separators as they are; they are only ever inside strings there.
const JSON_UNESCAPED = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with every control character inside its strings written as \uXXXX: the same data, inert in a terminal. */
export const escapeJson = (json: string): string => json.replace(JSON_UNESCAPED, escaped);

/** A value as JSON that a terminal cannot act on. */
export const jsonValue = (value: unknown, indent?: number): string =>
  escapeJson(JSON.stringify(value, null, indent) ?? "null");

/** A user's string as it can be shown on one line: quoted, escaped and cut short. */
export const quote = (text: string): string =>
  escapeControls(JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text));

const LONG_RUN = /\S{161,}/g;

/**
 * A message that may echo input, as it can go to a terminal: lines kept, controls escaped,
 * and any run of more than 160 characters without a space cut short.
 */
export const printable = (message: string): string =>
  message
    .split("\n")
    .map((line) =>
      escapeControls(line).replace(
        LONG_RUN,
        (run) => `${run.slice(0, 80)}…(${run.length.toLocaleString("en-US")} characters)`,
      ),
    )
    .join("\n");
