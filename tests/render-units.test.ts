import { describe, expect, it } from "vitest";
import type { Advice, WhatIf } from "../src/engine/explain.js";
import type { ComparisonRow, Reason } from "../src/engine/model.js";
import { csvCell, markdownCell } from "../src/render/cells.js";
import { compareCsv, compareJson, compareMarkdown, rowSources } from "../src/render/compare-formats.js";
import { compareTable, STACKED_BELOW } from "../src/render/compare-table.js";
import {
  assumption,
  layersLine,
  layersOf,
  overrideWarnings,
  shares,
  weighing,
  whatIfGroups,
  RULES_ORIGIN,
} from "../src/render/report.js";
import { createStyle, plain } from "../src/render/style.js";
import { boxTable } from "../src/render/table.js";
import { block, displayWidth, wrap } from "../src/render/wrap.js";
import { count } from "../src/words.js";
import { ruleSet } from "./helpers/factory.js";
import { ANSI } from "./helpers/cli.js";

// The renderers one at a time, on inputs small enough to work the output out by hand.

describe("wrap", () => {
  it("fills lines up to the width, breaking between words", () => {
    expect(wrap("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrap("one two", 7)).toEqual(["one two"]);
  });

  it("keeps paragraphs, and gives an empty text one empty line", () => {
    expect(wrap("a b\nc", 10)).toEqual(["a b", "c"]);
    expect(wrap("", 10)).toEqual([""]);
  });

  it("never splits a token, even one longer than the line: a flag or an id stays whole to copy", () => {
    expect(wrap("version-compatibility", 10)).toEqual(["version-compatibility"]);
    expect(wrap("see --isolation=hyperv now", 12)).toEqual(["see", "--isolation=hyperv", "now"]);
    expect(wrap("one two three", 7)).toEqual(["one two", "three"]);
  });

  it("counts characters, not UTF-16 units, and never goes below four columns", () => {
    expect(displayWidth("→é")).toBe(2);
    expect(wrap("ab cd", 1)).toEqual(["ab", "cd"]);
  });

  it("indents each line of a block, the first with its own prefix", () => {
    expect(block("one two three", 9, "  ", "- ")).toBe("- one two\n  three");
  });
});

describe("document cells", () => {
  it("keep a Markdown cell on one row and inside its column", () => {
    expect(markdownCell("a|b\nc")).toBe("a\\|b c");
    // Controls are written as \uXXXX, and that backslash and the bracket escaped so they show as typed.
    expect(markdownCell("x\u001b[31m")).toBe("x\\\\u001b\\[31m");
  });

  it("quote CSV cells that need it and defuse formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@x,y")).toBe('"\'@x,y"');
  });
});

describe("style", () => {
  it("colours only when enabled, and links only where the terminal supports it", () => {
    expect(plain.bold("x")).toBe("x");
    expect(createStyle(true).bold("x")).toMatch(ANSI);
    expect(createStyle(true).bad("x")).not.toBe(createStyle(true).good("x"));
    expect(createStyle(true).link("https://e.x")).toBe("https://e.x");
    expect(createStyle(false, true).link("https://e.x")).toBe("\x1b]8;;https://e.x\x1b\\https://e.x\x1b]8;;\x1b\\");
  });
});

describe("box tables", () => {
  it("draw every cell padded to its column, the head in bold", async () => {
    const table = await boxTable(["A", "B"], [["one", "two words"]], [3, 5], plain);
    expect(table).toBe(
      [
        "┌─────┬───────┐",
        "│ A   │ B     │",
        "├─────┼───────┤",
        "│ one │ two   │",
        "│     │ words │",
        "└─────┴───────┘",
        "",
      ].join("\n"),
    );
    const bold = await boxTable(["A"], [["x"]], [1], createStyle(true), () => true);
    expect(bold.match(new RegExp(ANSI.source, "g"))!.length).toBe(4); // on and off, head and cell
  });
});

describe("comparison formats", () => {
  const set = ruleSet([]);
  set.sources[0]!.sections.push({ id: "other", title: "Other", anchor: "other-anchor" });
  const row: ComparisonRow = {
    id: "speed",
    feature: "Start | time",
    source: "test#section",
    values: { a: "fast", b: "slow, very", c: "=fast" },
    cellSources: { b: ["test#other"] },
    file: "test.json",
  };
  set.comparison = [row];

  it("lists a row's sources once each, its own first", () => {
    expect(rowSources(row)).toEqual(["test#section", "test#other"]);
    expect(rowSources({ ...row, cellSources: { a: ["test#section"] } })).toEqual(["test#section"]);
  });

  it("writes JSON with the options and the rows as data", () => {
    expect(JSON.parse(compareJson(set, [row]))).toMatchObject({
      options: [
        { id: "a", label: "Option A" },
        { id: "b", label: "Option B" },
        { id: "c", label: "Option C" },
      ],
      rows: [
        {
          id: "speed",
          feature: "Start | time",
          source: "test#section",
          values: row.values,
          cellSources: row.cellSources,
        },
      ],
    });
  });

  it("writes CSV with CRLF line ends, one column per option and the sources last", () => {
    expect(compareCsv(set, [row])).toBe(
      'id,feature,a,b,c,sources\r\nspeed,Start | time,fast,"slow, very",\'=fast,test#section test#other\r\n',
    );
  });

  it("writes Markdown with numbered source marks per cell and the sources listed after", () => {
    expect(compareMarkdown(set, [row])).toBe(
      [
        // The column heads are the option labels used everywhere else.
        "| Feature | Option A | Option B | Option C |",
        "| --- | --- | --- | --- |",
        // "=" at the start of a cell would underline a heading in a renderer: escaped.
        "| Start \\| time | fast [1] | slow, very [2] | \\=fast [1] |",
        "",
        "Sources:",
        "",
        "1. [Test: Section](https://example.com/test)",
        "2. [Test: Other](https://example.com/test#other-anchor)",
        "",
      ].join("\n"),
    );
  });

  it("fits the terminal table to the width, and stacks the rows below sixty columns", async () => {
    for (const width of [60, 80, 120]) {
      const lines = (await compareTable(set, [row], plain, width)).trimEnd().split("\n");
      for (const l of lines) expect(displayWidth(l), `${width}: ${l}`).toBeLessThanOrEqual(width);
      expect(lines[0]).toMatch(/^┌/);
    }
    const stacked = await compareTable(set, [row], plain, STACKED_BELOW - 1);
    expect(stacked).not.toContain("┌");
    expect(stacked.split("\n").slice(0, 3)).toEqual(["Start | time", "  Option A:", "    fast [1]"]);
  });
});

describe("report helpers", () => {
  const set = ruleSet([]);
  const reason = (
    rule: string,
    option: string,
    effect: number | "excluded",
    assumes?: Record<string, string>,
  ): Reason => ({
    rule,
    option,
    effect,
    text: `${rule}.`,
    source: "test#section",
    ...(assumes ? { assumes } : {}),
  });

  it("rounds each outcome's share to four places", () => {
    const certainty = {
      unknown: ["size"],
      combinations: 3,
      share: 2 / 3,
      dependsOn: [],
      nothingFits: 0,
      outcomes: { a: 2, b: 1, c: 0, none: 0 },
    };
    expect(shares(certainty)).toEqual({ a: 0.6667, b: 0.3333, c: 0, none: 0 });
  });

  it("says which unknown answers a reason assumes", () => {
    expect(assumption(reason("r", "a", 1))).toBe("");
    expect(assumption(reason("r", "a", 1, { size: "small", trust: "low" }))).toBe(" (if --size small, --trust low)");
  });

  it("weighs one option's reasons by sign, strongest first", () => {
    const advice = {
      reasons: [
        reason("p1", "a", 1),
        reason("p3", "a", 3),
        reason("m2", "a", -2),
        reason("out", "a", "excluded"),
        reason("b2", "b", 2),
      ],
    } as Advice;
    expect(weighing(advice, "a", 1).map((r) => r.rule)).toEqual(["p3", "p1"]);
    expect(weighing(advice, "a", -1).map((r) => r.rule)).toEqual(["m2"]);
  });

  it("groups what-ifs by question and outcome, the ones won on points first", () => {
    const w = (question: string, answer: string, recommendation: string, forced: boolean): WhatIf => ({
      question,
      from: "x",
      answer,
      recommendation,
      margin: 1,
      forced,
      dependsOn: [],
    });
    const groups = whatIfGroups({
      whatIf: [w("size", "large", "b", true), w("trust", "low", "c", false), w("trust", "mid", "c", false)],
    } as Advice);
    expect(groups.map((g) => [g.question, g.answers, g.forced])).toEqual([
      ["trust", ["low", "mid"], false],
      ["size", ["large"], true],
    ]);
  });

  it("names the rules in force and warns of each hard fact a policy overrode", () => {
    expect(layersLine(set, "1.2.3")).toBe(`Rules in force: vmvc 1.2.3's shipped rules (${RULES_ORIGIN}).`);
    expect(layersOf(set, "1.2.3")).toEqual([{ path: "rules/", from: "vmvc 1.2.3 (shipped)" }]);
    set.policy = {
      layers: [
        { path: "policy/", from: "vmvc.config.json", files: 3 },
        { path: "one.json", from: "--rules", files: 1 },
      ],
      overriddenHardFacts: [{ rule: "b-out", file: "policy/x.json" }],
      addedValues: [],
    };
    expect(layersLine(set, "1.2.3")).toBe(
      `Rules in force: vmvc 1.2.3's shipped rules (${RULES_ORIGIN}), then policy/ (3 files, from vmvc.config.json), then one.json (1 file, from --rules).`,
    );
    expect(overrideWarnings(set)).toEqual([
      'Warning: policy/x.json overrides the hard fact "b-out"; the advice may recommend what the sources say cannot work.',
    ]);
  });
});

describe("count", () => {
  // English groups digits by three with commas, from the right; the sign stays in front.
  it("groups whole numbers by thousands", () => {
    expect([0, 7, 999, 1000, 12345, 933120, 25194240, -1234].map(count)).toEqual([
      "0",
      "7",
      "999",
      "1,000",
      "12,345",
      "933,120",
      "25,194,240",
      "-1,234",
    ]);
  });
  it("keeps a fraction as English writes it", () => {
    expect(count(1234.5)).toBe("1,234.5");
  });
});
