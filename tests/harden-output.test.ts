import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse } from "parse5";
import { afterAll, describe, expect, it } from "vitest";
import { CONTROL_CHARACTER, escapeControls } from "../src/escape.js";
import { codeSpan, csvCell, markdownText } from "../src/render/cells.js";
import { allFlags, baseAnswers } from "./helpers/shipped.js";
import { cli } from "./helpers/cli.js";

// Issue 22, section 4: output carries nothing from the input but text. The rules are
// CommonMark's (a backslash before ASCII punctuation makes it literal; a code span ends at a run
// of backticks as long as the one that opened it), the CSV injection guidance (a cell, or a part a
// split on , or ; starts, that begins with = + - @ is read as a formula), and the terminal's
// (ESC, CSI as U+009B, OSC and the bidi overrides act when printed).

const dir = mkdtempSync(join(tmpdir(), "vmvc-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Everything a Markdown renderer may act on, by CommonMark 0.31 and GFM.
const SIGNIFICANT = '\\`*_{}[]()<>#+-.!|~&:@$=^"/w';
const CONTROLS = new RegExp(CONTROL_CHARACTER.source, "g");
const ESC = "\u001b";

/** Payloads from the issue and the usual lists: HTML, links, images, emphasis, escapes. */
const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  "[click](javascript:alert(1))",
  "![t](https://attacker.example/p.png)",
  "**bold** _it_ ~~gone~~ `code`",
  "<script>alert(1)</script>",
  "&lt;b&gt; &#x3C;",
  "www.attacker.example admin@attacker.example https://attacker.example",
  "x;=1+1;y",
  "a,@SUM(1+1),b",
  '=HYPERLINK("https://attacker.example")',
  `${ESC}]0;pwned${ESC}\\`,
  `${ESC}]52;c;cGF5bG9hZA==\u0007`,
  `${ESC}[2J${ESC}[31mred`,
  "\u009b31mC1 CSI",
  "\u202egnp.exe\u202c",
  "\u2066isolate\u2069 \u200f",
];

const payload = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ unit: fc.constantFrom(...SIGNIFICANT.split(""), "a", " ", "\n", ESC, "\u009b", "\u202e", ",", ";") }),
  fc.string({ unit: "grapheme" }),
);

/** Undo CommonMark backslash escapes: what a renderer shows. */
const rendered = (markdown: string): string => markdown.replace(/\\([!-/:-@[-`{-~])/g, "$1");

describe("Markdown text from input", () => {
  it("renders as exactly the text (line breaks as spaces, controls written out), with no markup left", () => {
    fc.assert(
      fc.property(payload, (text) => {
        const out = markdownText(text);
        expect(rendered(out)).toBe(escapeControls(text.replace(/\r\n|\r|\n/g, " ")));
        // What acts anywhere is escaped: preceded by an odd run of backslashes.
        const escapedAt = (i: number): boolean => /\\*$/.exec(out.slice(0, i))![0].length % 2 === 1;
        for (const match of out.matchAll(/[`*_[\]<>!&|~$@]/g)) expect(escapedAt(match.index), out).toBe(true);
        // Autolinks need "://" or "www." whole; block markers count only at the start.
        for (const match of out.matchAll(/:\/\/|\bwww\./gi))
          expect(escapedAt(match.index + match[0].indexOf(match[0].startsWith(":") ? ":" : ".")), out).toBe(true);
        const start = /^\s*([#+\-=.>]|\d+[.)])/.exec(out);
        if (start) expect(start[0], out).toMatch(/\\[#+\-=.>]$|\d\\[.)]$/);
        expect(out).not.toMatch(CONTROLS);
        expect(out).not.toContain("\n");
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a code span whole whatever backticks the text holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("`", "a", " ", "|") }), (text) => {
        const span = codeSpan(text);
        const fence = /^`+/.exec(span)![0];
        expect(span.endsWith(fence)).toBe(true);
        const inner = span.slice(fence.length, span.length - fence.length);
        // No run inside is as long as the fence, so nothing can close it early.
        for (const run of inner.match(/`+/g) ?? []) expect(run.length).not.toBe(fence.length);
        // CommonMark strips one space each side when both are there; what is left is the text.
        const shown = /^ .* $/.test(inner) && inner.trim() !== "" ? inner.slice(1, -1) : inner;
        expect(shown).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("CSV cells from input", () => {
  it("never start a formula, in the cell or in any part a split on , or ; would start", () => {
    fc.assert(
      fc.property(payload, (text) => {
        const cell = csvCell(text);
        for (const part of cell.split(/[,;]/)) expect(part.replace(/^"?\s*/, "")).not.toMatch(/^[=+\-@]/);
        expect(cell).not.toMatch(CONTROLS);
      }),
      { numRuns: 500 },
    );
    expect(csvCell("x;=1+1;y")).toBe(`"x;'=1+1;y"`);
  });
});

/** An inventory whose names are the payloads, every other answer given. */
function inventory(names: readonly string[]): string {
  const file = join(dir, "inventory.csv");
  const quoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const header = ["name", ...Object.keys(baseAnswers)].join(",");
  const rows = names.map((n) => [quoted(n), ...Object.values(baseAnswers)].join(","));
  writeFileSync(file, `${header}\n${rows.join("\n")}\n`);
  return file;
}

describe("assess, every format, names that carry markup and escape sequences", () => {
  const names = PAYLOADS;
  const file = inventory(names);
  // Line ends are the format's own; nothing else may act on a terminal.
  const actsOnTerminal = (text: string): boolean => CONTROLS.test(text.replace(/\r?\n/g, ""));

  for (const format of ["ndjson", "json", "csv", "markdown", "html"]) {
    it(`${format}: carries no control character`, async () => {
      const r = await cli(["assess", file, "--format", format]);
      expect(r.code).toBe(0);
      CONTROLS.lastIndex = 0;
      expect(actsOnTerminal(r.stdout)).toBe(false);
    });
  }

  it("json and ndjson: keep every name exactly, as JSON escapes", async () => {
    const ndjson = await cli(["assess", file, "--format", "ndjson"]);
    const lines = ndjson.stdout.trim().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { name: string }).name)).toEqual(names);
    const json = await cli(["assess", file, "--format", "json"]);
    expect((JSON.parse(json.stdout) as { rows: { name: string }[] }).rows.map((r) => r.name)).toEqual(names);
  });

  it("markdown: no name becomes HTML, a link, an image or emphasis", async () => {
    const r = await cli(["assess", file, "--format", "markdown"]);
    // An unescaped < would open raw HTML; the others are links, images and emphasis as written.
    expect(r.stdout).not.toMatch(/(?<!\\)<(img|script)/);
    // A link needs an unescaped "](", an image an unescaped "![", emphasis an unescaped "**".
    // (The report's own source links are in the sections above the workloads.)
    const workloads = r.stdout.split("## Workloads")[1]!;
    expect(workloads).not.toMatch(/(?<!\\)\]\(/);
    expect(workloads).not.toMatch(/(?<!\\)!(?<!\\)\[/);
    expect(workloads).not.toMatch(/(?<!\\)\*(?<!\\)\*/);
    expect(r.stdout).toContain("\\<img src=x onerror=alert(1)\\>");
  });

  it("html: every name is text in its cell", async () => {
    const r = await cli(["assess", file, "--format", "html"]);
    const cells: string[] = [];
    const walk = (node: { nodeName: string; childNodes?: unknown[]; value?: string }): void => {
      if (node.nodeName === "img" || node.nodeName === "script") throw new Error(`a name became <${node.nodeName}>`);
      for (const child of (node.childNodes ?? []) as (typeof node)[]) walk(child);
      if (node.nodeName === "#text" && node.value) cells.push(node.value);
    };
    walk(parse(r.stdout) as unknown as { nodeName: string });
    expect(cells).toContain("<img src=x onerror=alert(1)>");
  });

  it("csv: the issue's x;=1+1;y is guarded where Excel in French or German splits it", async () => {
    const r = await cli(["assess", file, "--format", "csv"]);
    expect(r.stdout).toContain(`"x;'=1+1;y"`);
    expect(r.stdout).not.toMatch(/[,;]=1\+1/);
  });
});

describe("the decision record", () => {
  it("keeps a --rules path with backticks inside its code span, and escapes the config's words", async () => {
    const policyDir = mkdtempSync(join(dir, "po`li``cy-"));
    writeFileSync(join(policyDir, "p.json"), JSON.stringify({ rules: [] }));
    const shown = join(policyDir, "p.json");
    const r = await cli(["advise", ...allFlags(), "--format", "markdown", "--rules", shown]);
    expect(r.code).toBe(0);
    const decided = r.stdout.split("\n").find((l) => l.startsWith("- Decided with:"))!;
    // The fence is longer than the longest run of backticks in the path.
    expect(decided).toContain(`\`\`\`${shown}\`\`\``);
    const reproduce = r.stdout.split("\n").find((l) => l.startsWith("Reproduce with"))!;
    expect(reproduce).toMatch(/^Reproduce with ```[^`].*[^`]```\.$/);
  });
});

describe("the rules in force and an overridden hard fact, in every format", () => {
  const policyFile = join(dir, "override.json");
  writeFileSync(
    policyFile,
    JSON.stringify({ disable: [{ id: "hostile-excludes-process-isolation", override: "hard-fact" }] }),
  );
  const hostile = [...allFlags({ ...baseAnswers, boundary: "hostile" }), "--rules", policyFile];
  const warning = 'overrides the hard fact "hostile-excludes-process-isolation"';

  it("advise: JSON heads with it; Markdown and text say it before anything else", async () => {
    const json = await cli(["advise", ...hostile, "--json"]);
    const data = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(data)[0]).toBe("warnings");
    expect(String((data.warnings as string[])[0])).toContain(warning);
    expect(json.stderr).toContain(warning);
    const md = await cli(["advise", ...hostile, "--format", "markdown"]);
    const beforeContext = md.stdout.split("## Context")[0]!;
    expect(beforeContext).toContain("hostile-excludes-process-isolation");
  });

  it("assess: JSON, CSV, Markdown and HTML name the rules in force and head with the override", async () => {
    const file = inventory(["web-01"]);
    const json = JSON.parse((await cli(["assess", file, "--format", "json", "--rules", policyFile])).stdout) as {
      warnings: string[];
      rules: { layers: { path: string }[] };
    };
    expect(Object.keys(json).slice(0, 2)).toEqual(["warnings", "rules"]);
    expect(json.rules.layers.map((l) => l.path)).toEqual(["rules/", policyFile]);
    expect(json.warnings[0]).toContain(warning);

    const csv = (await cli(["assess", file, "--format", "csv", "--rules", policyFile])).stdout.split("\r\n");
    expect(csv[0]!.endsWith(",rules")).toBe(true);
    expect(csv[1]).toContain("Rules in force");
    expect(csv[1]).toContain(warning.replace(/"/g, '""'));

    const md = (await cli(["assess", file, "--format", "markdown", "--rules", policyFile])).stdout;
    const head = md.split("## Recommendations")[0]!;
    expect(head).toContain("Rules in force");
    expect(head).toContain("hostile-excludes-process-isolation");

    const html = (await cli(["assess", file, "--format", "html", "--rules", policyFile])).stdout;
    const top = html.split("<h2>")[0]!;
    expect(top).toContain("Rules in force");
    expect(top).toContain("overrides the hard fact &quot;hostile-excludes-process-isolation&quot;");
  });
});
