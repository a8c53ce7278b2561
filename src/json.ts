// JSON from files and stdin, with errors that say where.

/**
 * The offset of the first syntax error in `text` (or, with `duplicates`, of the first key an
 * object repeats), found by a small recursive-descent scan. JSON.parse names a position only
 * sometimes, and keeps the last of two equal keys without a word.
 */
function errorOffset(text: string, duplicates = false): number {
  let i = 0;
  const space = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
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
  const value = (): void => {
    space();
    const c = text[i];
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
            fail();
          }
          keys.add(key);
        }
        space();
        if (text[i] !== ":") fail();
        i++;
        value();
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
        value();
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
    value();
    space();
    return i < text.length ? i : -1;
  } catch (offset) {
    // A stack overflow on deep nesting leaves the place unknown.
    return typeof offset === "number" ? offset : -1;
  }
}

/** "line 3, column 7" (both from 1) of a character offset. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

/**
 * Parses `text`. A syntax error names `where` with the line and column, never the text itself:
 * a file may hold anything, escape codes and secrets included. With `uniqueKeys`, a key given
 * twice in one object is an error too, since the first would be dropped in silence.
 */
export function parseJson(text: string, where: string, fail: (message: string) => Error, uniqueKeys = false): unknown {
  try {
    const data = JSON.parse(text) as unknown;
    if (uniqueKeys) {
      const at = errorOffset(text, true);
      if (at >= 0) throw fail(`${where}: a key is given twice in one object, at ${position(text, at)}; the first would be ignored`);
    }
    return data;
  } catch (error) {
    if (!(error instanceof SyntaxError) && !(error instanceof RangeError)) throw error;
    if (error instanceof RangeError) throw fail(`${where}: not valid JSON: nested too deeply`);
    const offset = errorOffset(text);
    const place = offset >= text.length ? "the text ends too early" : offset >= 0 ? position(text, offset) : "a syntax error";
    throw fail(`${where}: not valid JSON: ${place}`);
  }
}
