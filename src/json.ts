// JSON from files and stdin, with errors that say where.

/** Deeper than this, a file is not a rule file or a config: it is refused before anything walks it. */
export const MAX_JSON_DEPTH = 64;

type Flaw = { at: number; kind: "syntax" | "duplicate-key" | "too-deep" };

/**
 * The first flaw in `text`: a syntax error, nesting deeper than MAX_JSON_DEPTH, or (with
 * `duplicates`) a key an object repeats. A small recursive-descent scan: JSON.parse names a
 * position only sometimes, and keeps the last of two equal keys without a word.
 */
function firstFlaw(text: string, duplicates: boolean): Flaw | undefined {
  let i = 0;
  const space = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const fail = (kind: Flaw["kind"] = "syntax"): never => {
    throw { at: i, kind } satisfies Flaw;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = (): void => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += match![0].length;
  };
  const value = (depth: number): void => {
    space();
    const c = text[i];
    if ((c === "{" || c === "[") && depth >= MAX_JSON_DEPTH) fail("too-deep");
    if (c === "{") {
      i++;
      space();
      if (text[i] === "}") return void i++;
      const keys = new Set<string>();
      for (;;) {
        space();
        const at = i;
        string();
        if (duplicates) {
          const key = JSON.parse(text.slice(at, i)) as string;
          if (keys.has(key)) {
            i = at;
            fail("duplicate-key");
          }
          keys.add(key);
        }
        space();
        if (text[i] !== ":") fail();
        i++;
        value(depth + 1);
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    }
    if (c === "[") {
      i++;
      space();
      if (text[i] === "]") return void i++;
      for (;;) {
        value(depth + 1);
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    return number();
  };
  try {
    value(0);
    space();
    return i < text.length ? { at: i, kind: "syntax" } : undefined;
  } catch (flaw) {
    return flaw as Flaw;
  }
}

/** "line 3, column 7" (both from 1) of a character offset. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

/**
 * Parses `text`. A syntax error gives the line and column, never the text itself:
 * a file may hold anything, escape codes and secrets included. With `uniqueKeys`, a key given
 * twice in one object is an error too, since the first would be dropped in silence.
 */
export function parseJson(
  text: string,
  fail: (message: string, code: "duplicate-key" | "too-deep" | "not-json") => Error,
  uniqueKeys = false,
): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError) && !(error instanceof RangeError)) throw error;
  }
  // Valid JSON is scanned only for what JSON.parse lets through: repeated keys, deep nesting.
  const flaw = data === undefined || uniqueKeys ? firstFlaw(text, uniqueKeys) : undefined;
  if (flaw?.kind === "duplicate-key")
    throw fail(
      `a key is given twice in one object, at ${position(text, flaw.at)}; the first would be ignored`,
      "duplicate-key",
    );
  if (flaw?.kind === "too-deep")
    throw fail(
      `nested more than ${MAX_JSON_DEPTH} levels deep, at ${position(text, flaw.at)}; no vmvc file needs more than a few`,
      "too-deep",
    );
  if (data === undefined) {
    const place =
      flaw === undefined
        ? "a syntax error"
        : flaw.at >= text.length
          ? "the text ends too early"
          : position(text, flaw.at);
    throw fail(`not valid JSON: ${place}`, "not-json");
  }
  return data;
}
