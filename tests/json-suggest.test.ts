import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, parseJson } from "../src/json.js";
import { escapeControls, printable, quote } from "../src/escape.js";
import { closest, didYouMean } from "../src/suggest.js";

// Reading JSON with errors that say where, and naming input back: near misses, quoting, escaping.

// The caller says where: here the message is prefixed with the file, and the code kept.
const fail = (message: string, code: string) => new Error(`f.json: ${message} [${code}]`);
const errorOf = (text: string, uniqueKeys = false): string => {
  try {
    parseJson(text, fail, uniqueKeys);
  } catch (error) {
    return (error as Error).message;
  }
  return "(parsed)";
};

describe("parseJson", () => {
  it("returns what JSON.parse does for valid text, null included", () => {
    expect(parseJson('{"a":[1,true,null,"x"]}', fail)).toEqual({ a: [1, true, null, "x"] });
    expect(parseJson("null", fail)).toBeNull();
    expect(parseJson(' "\\u00e9\\n" ', fail)).toBe("é\n");
  });

  it("names the line and column of a syntax error, counted from 1, never the text", () => {
    expect(errorOf('{\n  "a": 1,\n  "b" 2\n}')).toBe("f.json: not valid JSON: line 3, column 7 [not-json]");
    expect(errorOf('{"secret-token": tru}')).toBe("f.json: not valid JSON: line 1, column 18 [not-json]");
    expect(errorOf('{"a": [1, 2')).toBe("f.json: not valid JSON: the text ends too early [not-json]");
    expect(errorOf("[1] 2")).toBe("f.json: not valid JSON: line 1, column 5 [not-json]");
    expect(errorOf('"bad \\x escape"')).toBe("f.json: not valid JSON: line 1, column 7 [not-json]");
  });

  it("refuses a key given twice in one object only when asked, with where", () => {
    expect(errorOf('{"a": 1,\n "a": 2}', true)).toBe(
      "f.json: a key is given twice in one object, at line 2, column 2; the first would be ignored [duplicate-key]",
    );
    expect(errorOf('{"a": 1, "a": 2}')).toBe("(parsed)");
    // The same key in two objects is fine.
    expect(errorOf('[{"a": 1}, {"a": 2}]', true)).toBe("(parsed)");
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels, and takes ${MAX_JSON_DEPTH}`, () => {
    const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
    expect(errorOf(nested(MAX_JSON_DEPTH), true)).toBe("(parsed)");
    expect(errorOf(nested(MAX_JSON_DEPTH + 1), true)).toBe(
      `f.json: nested more than ${MAX_JSON_DEPTH} levels deep, at line 1, column ${MAX_JSON_DEPTH + 1}; no vmvc file needs more than a few [too-deep]`,
    );
  });
});

describe("did you mean", () => {
  const formats = ["table", "markdown", "json", "csv"];

  it("suggests a plausible typo: an edit, a swap, a prefix or an abbreviation", () => {
    expect(closest("tabel", formats)).toBe("table");
    expect(closest("jsno", formats)).toBe("json");
    expect(closest("mark", formats)).toBe("markdown");
    expect(closest("md", formats)).toBe("markdown");
    expect(closest("TABLE", formats)).toBe("table");
  });

  it("suggests nothing for input far from every candidate, empty or very long", () => {
    expect(closest("xml", formats)).toBeUndefined();
    expect(closest("", formats)).toBeUndefined();
    expect(closest("t".repeat(65), formats)).toBeUndefined();
    expect(closest("abc", [])).toBeUndefined();
  });

  it("words the suggestion for a message, or says nothing", () => {
    expect(didYouMean("tabel", formats)).toBe(" (did you mean table?)");
    expect(didYouMean("xml", formats)).toBe("");
  });
});

describe("quoting and escaping input", () => {
  it("writes every control character as \\uXXXX, bidi overrides included", () => {
    expect(escapeControls("a\u001b[2Jb\u202ec\u0007")).toBe("a\\u001b[2Jb\\u202ec\\u0007");
    expect(escapeControls("plain é")).toBe("plain é");
  });

  it("quotes a string on one line, cut after 60 characters", () => {
    expect(quote("host\nos")).toBe('"host\\nos"');
    expect(quote("y".repeat(61))).toBe(`"${"y".repeat(60)}…"`);
    expect(quote("y".repeat(60))).toBe(`"${"y".repeat(60)}"`);
  });

  it("keeps a message's lines, escapes controls, and cuts runs of more than 160 characters", () => {
    expect(printable("one\ntwo\u001b")).toBe("one\ntwo\\u001b");
    const run = "z".repeat(161);
    expect(printable(`see ${run}`)).toBe(`see ${"z".repeat(80)}…(161 characters)`);
    expect(printable("z".repeat(160))).toBe("z".repeat(160));
  });
});
