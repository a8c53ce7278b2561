// How user input is echoed: control characters escaped, long runs cut, strings quoted.

// Characters that move the cursor, recolour or retitle a terminal, or reorder text: C0 and C1
// controls (ESC, CSI) and the bidirectional overrides.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = new RegExp(CONTROL_CHARACTER.source, "g");
const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Text from input made safe to print: every control character written as \uXXXX. */
export const escapeControls = (text: string): string => text.replace(CONTROLS, escaped);

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
