import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";
import { shipped } from "./helpers/shipped.js";

// compare and rules list as a reader sees them.

/** The numbers of the marks [n] in the order they appear. */
const markOrder = (text: string): number[] => [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));

describe("compare", () => {
  it("numbers Markdown footnotes in the order a reader meets them", async () => {
    const run = await cli(["compare", "--format", "markdown"]);
    const body = run.stdout.slice(0, run.stdout.indexOf("Sources:"));
    const seen: number[] = [];
    for (const n of markOrder(body)) if (!seen.includes(n)) seen.push(n);
    expect(seen).toEqual(seen.map((_, i) => i + 1));
  });

  it("heads its columns with the option labels used everywhere else, in every format", async () => {
    const labels = shipped.options.map((o) => o.label);
    const markdown = (await cli(["compare", "--format", "markdown"])).stdout.split("\n")[0]!;
    expect(markdown).toBe(`| Feature | ${labels.join(" | ")} |`);
    const table = (await cli(["compare", "--width", "200"], { terminalColumns: 200 })).stdout;
    for (const label of labels) expect(table).toContain(label);
  });

  it("ends the terminal table with its sources, titled and linked, as Markdown does", async () => {
    const run = await cli(["compare", "--rows", "deployment", "--width", "120"], {
      terminalColumns: 120,
      env: { NO_COLOR: "1" },
    });
    const sources = run.stdout.slice(run.stdout.lastIndexOf("Sources"));
    const cited = new Set(markOrder(run.stdout.slice(0, run.stdout.lastIndexOf("Sources"))));
    expect(cited.size).toBeGreaterThan(0);
    for (const n of cited) expect(sources).toMatch(new RegExp(`\\[${n}\\] .+\\n +https://`));
  });

  it("carries the source URLs in --json", async () => {
    const data = JSON.parse((await cli(["compare", "--json"])).stdout);
    for (const row of data.rows) expect(row.sourceUrl).toMatch(/^https:\/\//);
    const named = new Set(
      data.rows.flatMap((r: { source: string; cellSources?: Record<string, string[]> }) => [
        r.source,
        ...Object.values(r.cellSources ?? {}).flat(),
      ]),
    );
    expect(new Set(data.sources.map((s: { ref: string }) => s.ref))).toEqual(named);
    for (const s of data.sources) expect(s.url).toMatch(/^https:\/\//);
  });

  it("never splits a flag inside a cell: --isolation=hyperv stays whole", async () => {
    for (const width of [60, 80, 100, 120]) {
      const run = await cli(["compare", "--width", String(width)], { terminalColumns: width });
      expect(run.stdout, `at ${width} columns`).toContain("--isolation=hyperv");
    }
  });
});

describe("rules list at a terminal", () => {
  it("gives each rule a block with its id whole on a line of its own, so it can be copied", async () => {
    const run = await cli(["rules", "list"], { terminalColumns: 60, env: { NO_COLOR: "1" } });
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    for (const rule of shipped.rules) expect(lines, rule.id).toContain(rule.id);
    expect(run.stdout).not.toMatch(/[┌│└]/);
  });

  it("keeps one rule a line, tab-separated, into a pipe", async () => {
    const run = await cli(["rules", "list"]);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(shipped.rules.length);
    expect(lines.map((l) => l.split("\t")[0])).toEqual(shipped.rules.map((r) => r.id));
  });
});
