import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseHtml } from "parse5";
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../src/engine/certainty.js";
import { advise } from "../src/engine/explain.js";
import { guestFromOsName } from "../src/inventory/columns.js";
import { cli, ROOT, vmvc } from "./helpers/cli.js";
import { compiled, shipped } from "./helpers/shipped.js";
import { tmp } from "./helpers/tmp.js";

const write = (name: string, content: string): string => {
  const file = join(tmp(), name);
  writeFileSync(file, content);
  return file;
};
interface Row {
  line: number;
  name: string | null;
  recommendation?: string | null;
  error?: string;
  answers?: Record<string, string>;
  certainty?: { share: number; dependsOn: { question: string }[] };
  excluded?: { option: string; reasons: { rule: string }[]; if?: Record<string, string> }[];
}
const rows = (stdout: string): Row[] =>
  stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);

const FULL = {
  workload: "web",
  boundary: "internal",
  "host-os": "2022",
  "guest-os": "2022",
  deploy: "docker",
  density: "medium",
  scaling: "elastic",
  "update-cadence": "monthly",
  storage: "none",
  recovery: "fast",
  network: "shared",
  edition: "datacenter",
};
const header = Object.keys(FULL).join(",");
const full = Object.values(FULL).join(",");

describe("vmvc assess: reading inventories", () => {
  it("gives each row the advice advise gives for the same answers, in input order", async () => {
    const file = write(
      "inv.csv",
      `name,${header}\na,${full}\nb,${full.replace("internal", "hostile")}\nc,${full.replace("web,", "gui,")}\n`,
    );
    const run = await cli(["assess", file]);
    expect(run.code).toBe(0);
    const out = rows(run.stdout);
    expect(out.map((r) => [r.line, r.name])).toEqual([
      [2, "a"],
      [3, "b"],
      [4, "c"],
    ]);
    const expected = [FULL, { ...FULL, boundary: "hostile" }, { ...FULL, workload: "gui" }].map(
      (a) => advise(compiled, a).recommendation,
    );
    expect(out.map((r) => r.recommendation)).toEqual(expected);
  });

  it.each([
    ["a UTF-8 BOM and CRLF line endings", `\uFEFFname,${header}\r\na,${full}\r\n`],
    ["semicolons", `name;${header.replace(/,/g, ";")}\na;${full.replace(/,/g, ";")}\n`],
    ["tabs", `name\t${header.replace(/,/g, "\t")}\na\t${full.replace(/,/g, "\t")}\n`],
    ["header cells in any case", `NAME,${header.toUpperCase()}\na,${full}\n`],
    ["a 'Server name' column", `Server name,${header}\na,${full}\n`],
  ])("reads a CSV with %s", async (_what, content) => {
    const out = rows((await cli(["assess", write("inv.csv", content)])).stdout);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ line: 2, name: "a", recommendation: advise(compiled, FULL).recommendation });
  });

  it("keeps a quoted field with a newline in one row, and counts lines as the file does", async () => {
    const out = rows(
      (await cli(["assess", write("inv.csv", `name,${header}\r\n"two\r\nlines",${full}\r\nb,${full}\r\n`)])).stdout,
    );
    expect(out.map((r) => [r.line, r.name])).toEqual([
      [2, "two\r\nlines"],
      [4, "b"],
    ]);
  });

  it("reads JSON lines and a JSON array", async () => {
    const object = JSON.stringify({ Name: "a", ...FULL, "host-os": 2022 });
    const lines = rows((await cli(["assess", write("inv.jsonl", `${object}\n\n${object}\n`)])).stdout);
    expect(lines.map((r) => [r.line, r.name, r.recommendation])).toEqual([
      [1, "a", advise(compiled, FULL).recommendation],
      [3, "a", advise(compiled, FULL).recommendation],
    ]);
    // Each element reports the line it starts on, not its index (issue 22).
    const array = rows((await cli(["assess", write("inv.json", `[\n${object},\n\n  ${object}\n]`)])).stdout);
    expect(array.map((r) => r.line)).toEqual([2, 4]);
  });

  it("keeps rows of JSON lines with different columns apart, even when their values match", async () => {
    const out = rows(
      (await cli(["assess", write("inv.jsonl", '{"network":"shared"}\n{"storage":"shared"}\n')])).stdout,
    );
    expect(out[0]!.answers).toMatchObject({ network: "shared", storage: UNKNOWN });
    expect(out[1]!.answers).toMatchObject({ network: UNKNOWN, storage: "shared" });
  });

  it("takes answer flags as defaults for empty cells and missing columns, and counts the rest as unknown", async () => {
    const file = write("inv.csv", "name,workload,boundary\na,web,\nb,gui,hostile\n");
    const out = rows((await cli(["assess", file, "--boundary", "trusted", "--host-os", "2022"])).stdout);
    expect(out[0]!.answers).toMatchObject({
      workload: "web",
      boundary: "trusted",
      "host-os": "2022",
      "guest-os": UNKNOWN,
    });
    expect(out[1]!.answers).toMatchObject({ workload: "gui", boundary: "hostile" });
    expect(out[0]!.recommendation).toBe(
      advise(compiled, {
        ...Object.fromEntries(shipped.questions.map((q) => [q.id, UNKNOWN])),
        workload: "web",
        boundary: "trusted",
        "host-os": "2022",
      }).recommendation,
    );
  });

  it("counts the answers an assumption supplies as assumed in the summary, not as unknown", async () => {
    // devices, host-type and identity have an assumed value: where neither the row nor a flag
    // answers them they take it. An explicit unknown stays unknown; edition has no assumption.
    const file = write("inv.csv", "name,workload,devices\na,web,\nb,gui,gpu\nc,web,unknown\n");
    const run = await cli(["assess", file, "--format", "json", "--identity", "windows-auth"]);
    const answered = (JSON.parse(run.stdout) as { summary: { answered: Record<string, unknown>[] } }).summary.answered;
    const of = (question: string) => answered.find((a) => a.question === question);
    expect(of("devices")).toEqual({ question: "devices", row: 1, default: 0, assumed: 1, unknown: 1 });
    expect(of("host-type")).toEqual({ question: "host-type", row: 0, default: 0, assumed: 3, unknown: 0 });
    expect(of("identity")).toEqual({ question: "identity", row: 0, default: 3, assumed: 0, unknown: 0 });
    expect(of("edition")).toEqual({ question: "edition", row: 0, default: 0, assumed: 0, unknown: 3 });
    expect(of("workload")).toEqual({ question: "workload", row: 3, default: 0, assumed: 0, unknown: 0 });
    // The warning says what the rows take instead.
    expect(run.stderr).toMatch(/no column answers host-type \(optional\): it takes its assumed value, physical/);
  });

  it("reads stdin with -", async () => {
    const out = rows((await cli(["assess", "-"], { input: `name,${header}\na,${full}\n` })).stdout);
    expect(out[0]!.name).toBe("a");
  });
});

describe("vmvc assess: RVTools vInfo exports", () => {
  const file = join(ROOT, "examples/inventory/rvtools-vInfo.csv");

  it("names workloads by VM, reads the guest from the OS columns, and leaves out templates and SRM placeholders", async () => {
    const run = await cli(["assess", file, "--format", "json"]);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as { rows: Row[]; summary: { rows: number; skipped: Record<string, number> } };
    expect(data.rows.map((r) => [r.line, r.name, r.answers!["guest-os"]])).toEqual([
      [2, "web01", "2022"],
      [3, "web02", "2022"], // the Tools column is empty: the configuration file's OS is used
      [4, "sql01", "2019"],
      [6, null, "2016"], // a VM without a name is still assessed
      [7, "app-old", "other"], // Windows Server 2012 R2: no container option knows it
      [9, "ubuntu-proxy", "linux"],
    ]);
    expect(data.summary.skipped).toEqual({ template: 1, "SRM placeholder": 1 });
    expect(data.summary.rows).toBe(6);
  });

  it("reads the semicolon variant written by European desktops the same way", async () => {
    const plain = JSON.parse((await cli(["assess", file, "--format", "json"])).stdout);
    const semicolon = JSON.parse(
      (await cli(["assess", join(ROOT, "examples/inventory/rvtools-vInfo-semicolon.csv"), "--format", "json"])).stdout,
    );
    // The same rows and counts; only the file named differs.
    const same = (data: { rows: unknown; summary: object }) => ({
      rows: data.rows,
      summary: { ...data.summary, input: "" },
    });
    expect(same(semicolon)).toEqual(same(plain));
  });

  it.each([
    ["Microsoft Windows Server 2019 (64-bit)", "2019"],
    ["Microsoft Windows Server 2025 Datacenter", "2025"],
    ["Red Hat Enterprise Linux 9 (64-bit)", "linux"],
    ["Ubuntu Linux (64-bit)", "linux"],
    ["Microsoft Windows Server 2008 R2 (64-bit)", "other"],
    ["FreeBSD 13 (64-bit)", "other"],
    ["", undefined],
  ])("reads %j as %j", (os, guest) => {
    expect(guestFromOsName(os)).toBe(guest);
  });
});

describe("vmvc assess: bad rows", () => {
  it.each([
    [
      "an invalid value",
      `a,${full.replace("internal", "intrenal")}`,
      /boundary: "intrenal" is not one of trusted, internal, hostile, unknown \(did you mean internal\?\)/,
    ],
    ["too many fields", `a,${full},extra`, /14 fields, but the header has 13/],
    ["an unclosed quote", `a,"${full}`, /quote opened here is never closed/],
  ])("reports %s with its line, and goes on", async (_what, bad, reason) => {
    const file = write("inv.csv", `name,${header}\nok1,${full}\n${bad}\n${bad.includes('"') ? "" : `ok2,${full}\n`}`);
    const run = await cli(["assess", file]);
    expect(run.code).toBe(1);
    const out = rows(run.stdout);
    expect(out[0]).toMatchObject({ line: 2, name: "ok1" });
    expect(out[1]!.line).toBe(3);
    expect(out[1]!.error).toMatch(reason);
    expect(run.stderr).toMatch(/1 row was invalid/);
  });

  it("reports a line that is not JSON in JSON lines", async () => {
    const object = JSON.stringify({ name: "a", ...FULL });
    const out = rows((await cli(["assess", write("inv.jsonl", `${object}\n{"name":\n${object}\n`)])).stdout);
    expect(out.map((r) => [r.line, r.error ?? r.recommendation])).toEqual([
      [1, "container"],
      [2, "not valid JSON"],
      [3, "container"],
    ]);
  });

  it("assesses 9,999 rows of 10,000 when one in the middle is broken, and names its line", () => {
    const lines = [`name,${header}`];
    for (let i = 0; i < 10_000; i++)
      lines.push(i === 5_000 ? `broken,${full.replace("docker", "dokcer")}` : `w${i},${full}`);
    const run = vmvc(["assess", write("big.csv", lines.join("\n") + "\n"), "--format", "json"], { timeout: 60_000 });
    expect(run.code).toBe(1);
    const data = JSON.parse(run.stdout) as { rows: Row[]; summary: { assessed: number; invalid: number } };
    expect(data.rows).toHaveLength(10_000);
    expect(data.summary).toMatchObject({ assessed: 9_999, invalid: 1 });
    const broken = data.rows.filter((r) => r.error);
    expect(broken.map((r) => [r.line, r.name])).toEqual([[5_002, "broken"]]);
  });
});

describe("vmvc assess: outputs", () => {
  const inventory = join(ROOT, "examples/inventory/inventory.csv");

  it("keeps the summary equal to the rows", async () => {
    const data = JSON.parse((await cli(["assess", inventory, "--format", "json"])).stdout) as {
      rows: Row[];
      summary: {
        rows: number;
        assessed: number;
        outcomes: Record<string, number>;
        blockers: { rule: string; rows: number }[];
        toConfirm: { question: string; rows: number }[];
      };
    };
    const { rows: list, summary } = data;
    expect(summary.rows).toBe(list.length);
    for (const [id, n] of Object.entries(summary.outcomes))
      expect(list.filter((r) => (r.recommendation ?? "none") === id && !r.error).length, id).toBe(n);
    for (const b of summary.blockers)
      expect(
        list.filter((r) => r.excluded?.some((e) => e.if === undefined && e.reasons.some((x) => x.rule === b.rule)))
          .length,
        b.rule,
      ).toBe(b.rows);
    for (const t of summary.toConfirm)
      expect(list.filter((r) => r.certainty?.dependsOn.some((d) => d.question === t.question)).length).toBe(t.rows);
  });

  it("writes CSV for spreadsheets, with cells that cannot be read as formulas", async () => {
    const file = write("inv.csv", `name,${header}\n"=HYPERLINK(""http://x"")",${full}\n+cmd,${full}\n`);
    const run = await cli(["assess", file, "--format", "csv"]);
    const lines = run.stdout.trim().split("\r\n");
    expect(lines[0]).toBe(
      `line,name,recommendation,margin,share,depends_on,nothing_fits,excluded,reasons,why,source,cautions,assumed,${shipped.questions.map((q) => q.id).join(",")},error,rules`,
    );
    expect(lines[1]).toMatch(/^2,"'=HYPERLINK\(""http:\/\/x""\)",/);
    expect(lines[2]).toMatch(/^3,'\+cmd,/);
  });

  it("writes a self-contained HTML report with a chart, readable without scripts", async () => {
    const dir = tmp();
    const run = await cli(["assess", inventory, "--output", join(dir, "report.html")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Wrote 10 rows to /);
    const page = readFileSync(join(dir, "report.html"), "utf8");
    const document = parseHtml(page);
    const elements: { tag: string; attrs: Record<string, string> }[] = [];
    const walk = (node: unknown): void => {
      const n = node as {
        tagName?: string;
        attrs?: { name: string; value: string }[];
        childNodes?: unknown[];
        content?: unknown;
      };
      if (n.tagName)
        elements.push({ tag: n.tagName, attrs: Object.fromEntries((n.attrs ?? []).map((a) => [a.name, a.value])) });
      for (const child of n.childNodes ?? []) walk(child);
    };
    walk(document);
    const tags = elements.map((e) => e.tag);
    expect(tags).toContain("svg");
    expect(tags).toContain("table");
    expect(tags).not.toContain("script");
    expect(tags).not.toContain("link");
    // Nothing is fetched: no external src, no stylesheet link; links to the sources are plain <a>.
    for (const e of elements) {
      if (e.attrs.src) expect(e.attrs.src).not.toMatch(/^(https?:)?\/\//);
      if (e.attrs.href && e.tag !== "a") expect(e.attrs.href).not.toMatch(/^(https?:)?\/\//);
      if (e.tag === "a") expect(e.attrs.href).toMatch(/^https:\/\/[^"<>]+$/);
    }
    expect(elements.filter((e) => e.tag === "a").length).toBeGreaterThan(0);
    expect(page).toContain("web-portal");
  });

  it("writes a Markdown report with counts, blockers and the workloads", async () => {
    const run = await cli(["assess", inventory, "--format", "markdown"]);
    for (const heading of ["# Hosting assessment", "## Recommendations", "## Commonest blockers", "## Workloads"])
      expect(run.stdout).toContain(heading);
    expect(run.stdout).toMatch(/\| Virtual machine \(Hyper-V\) \| 4 \| 40\.0% \|/);
  });

  it("keeps a Markdown row whole when a name holds a pipe, a line break or an escape", async () => {
    // A pipe would start a new cell and a line break a new row; ESC would reach whoever cats the file.
    const file = write("odd.csv", `name,${header}\n"a|b\nc\u001b[2J",${Object.values(FULL).join(",")}\n`);
    const run = await cli(["assess", file, "--format", "markdown"]);
    const row = run.stdout.split("\n").filter((l) => l.startsWith("| 2 |"));
    expect(row).toHaveLength(1);
    // Markdown-significant characters are backslash-escaped too: the backslash of \u001b, the bracket.
    expect(row[0]).toMatch(/^\| 2 \| a\\\|b c\\\\u001b\\\[2J \| /);
  });

  it("prints a short summary at a terminal instead of every row", async () => {
    const run = await cli(["assess", inventory], { terminalColumns: 100, env: { NO_COLOR: "1" } });
    expect(run.stdout).toMatch(/^Assessed 10 of 10 workloads\./);
    expect(run.stdout).toContain("Commonest blockers");
    expect(run.stdout).not.toContain('"line"');
    expect(run.stdout).toContain("--format ndjson, csv or json");
  });

  it("refuses an output format it cannot tell", async () => {
    const run = await cli(["assess", inventory, "--output", "results.txt"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot tell the format from its extension/);
  });
});

describe("vmvc assess: size", () => {
  it("streams 100,000 rows correctly", { timeout: 120_000 }, () => {
    const lines = [`name,${header}`];
    const variants = [
      full,
      full.replace("internal", "hostile"),
      full.replace("2022,2022", "2022,2019"),
      full.replace("web,", "database,"),
    ];
    for (let i = 0; i < 100_000; i++) lines.push(`w${i},${variants[i % 4]}`);
    const run = vmvc(["assess", write("huge.csv", lines.join("\n") + "\n"), "--format", "csv"], { timeout: 120_000 });
    expect(run.code).toBe(0);
    const out = run.stdout.trimEnd().split("\r\n");
    expect(out).toHaveLength(100_001);
    const expected = variants.map(
      (v) =>
        advise(compiled, Object.fromEntries(Object.keys(FULL).map((k, i) => [k, v.split(",")[i]!]))).recommendation,
    );
    for (const i of [0, 1, 2, 3, 49_999, 99_999]) expect(out[i + 1]!.split(",")[2], `row ${i}`).toBe(expected[i % 4]);
  });
});
