import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../src/engine/certainty.js";
import { advise } from "../src/engine/explain.js";
import { cli, ROOT } from "./helpers/cli.js";
import { compiled } from "./helpers/shipped.js";

// The files admins really have (issue 20, section 1): each fixture in tests/fixtures/assess
// is one inventory as a tool writes it (make.mjs writes them all). What each row must come to
// is worked out here from the answers it spells, through the engine, never from a past run.

const fixture = (name: string): string => join(ROOT, "tests/fixtures/assess", name);
const write = (name: string, content: string | Buffer): string => {
  const file = join(mkdtempSync(join(tmpdir(), "vmvc-assess-files-")), name);
  writeFileSync(file, content);
  return file;
};
interface Row {
  line: number;
  name: string | null;
  recommendation?: string | null;
  error?: string;
  answers?: Record<string, string>;
  excluded?: { option: string; reasons: { rule: string; sourceUrl?: string }[]; if?: Record<string, string> }[];
}
const rows = (stdout: string): Row[] =>
  stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);

/** The three rows of header-variants.csv, as the answers they spell. */
const COMMON = { boundary: "internal", deploy: "docker", "update-cadence": "monthly" };
const EXPECTED = [
  {
    name: "web01",
    answers: {
      ...COMMON,
      workload: "web",
      "host-os": "2022",
      "guest-os": "2022",
      density: "medium",
      scaling: "elastic",
      storage: "none",
      recovery: "fast",
      network: "shared",
    },
  },
  {
    name: "lnx01",
    answers: {
      ...COMMON,
      workload: "service",
      "host-os": "2022",
      "guest-os": "linux",
      density: "medium",
      scaling: "steady",
      storage: "local",
      recovery: "fast",
      network: "shared",
    },
  },
  {
    // Windows Server 2012 R2 as a guest: a VM runs it, no container can ("other"); n/a is unknown.
    name: "old01",
    answers: {
      ...COMMON,
      boundary: UNKNOWN,
      workload: "service",
      "host-os": "2022",
      "guest-os": "other",
      deploy: "scripted",
      density: "low",
      scaling: "steady",
      "update-cadence": "rarely",
      storage: "local",
      recovery: "restart",
      network: "dedicated",
    },
  },
];

function expectTheInventory(run: { code: number | null; stdout: string }, firstLine: number): void {
  expect(run.code).toBe(0);
  const out = rows(run.stdout);
  expect(out.map((r) => [r.line, r.name])).toEqual(EXPECTED.map((e, i) => [firstLine + i, e.name]));
  out.forEach((row, i) => {
    expect(row.answers).toMatchObject(EXPECTED[i]!.answers);
    expect(row.recommendation).toBe(advise(compiled, { ...EXPECTED[i]!.answers, edition: UNKNOWN }).recommendation);
  });
}

describe("vmvc assess: headers and values as people write them", () => {
  it("matches Server Name, HOST-OS, Guest OS and Update Cadence, and values in any case or spelling", async () => {
    const run = await cli(["assess", fixture("header-variants.csv")]);
    expectTheInventory(run, 2);
    // Only the optional edition is left unanswered, and it is said.
    expect(run.stderr).toMatch(/warning: .*no column answers .*edition \(optional\)/);
    expect(run.stderr).not.toMatch(/ignored/);
  });

  it.each([["guest_os"], ["GuestOS"], ["Guest OS"], ["guest-os"], ["GUEST-OS"]])("reads %s as guest-os", async (h) => {
    const out = rows((await cli(["assess", write("inv.csv", `name,${h}\na,linux\n`)])).stdout);
    expect(out[0]!.answers!["guest-os"]).toBe("linux");
  });

  it.each([["Hostname"], ["Computer Name"], ["DNS Name"], ["Nom"], ["Serveur"], ["Nom du serveur"], ["Server"]])(
    "takes the name from a %s column",
    async (h) => {
      const out = rows((await cli(["assess", write("inv.csv", `${h},workload\nweb01,web\n`)])).stdout);
      expect(out[0]!.name).toBe("web01");
    },
  );

  it.each([["Windows Server 2022 Datacenter"], ["WS2022"], ["Server 2022"], ["ltsc2022"], ["2022"]])(
    "reads the release %s as 2022",
    async (cell) => {
      const out = rows((await cli(["assess", write("inv.csv", `name,guest-os\na,${cell}\n`)])).stdout);
      expect(out[0]!.answers!["guest-os"]).toBe("2022");
    },
  );

  it("takes the edition from a host cell that names it, when no column answers edition", async () => {
    const out = rows(
      (await cli(["assess", write("inv.csv", "name,host-os\na,Windows Server 2022 Datacenter\n")])).stdout,
    );
    expect(out[0]!.answers).toMatchObject({ "host-os": "2022", edition: "datacenter" });
  });

  it("names a 2012 R2 host as one that runs no Windows containers, with what to do", async () => {
    const run = await cli(["assess", write("inv.csv", "name,host-os\na,Windows Server 2012 R2\n")]);
    expect(run.code).toBe(1);
    const [row] = rows(run.stdout);
    expect(row!.error).toMatch(/Windows Server 2012 R2 runs no Windows containers/);
    expect(row!.error).toMatch(/--host-os 2022|VMs/);
    expect(row!.error).not.toMatch(/did you mean/);
  });

  it.each([["n/a"], ["unknown"], ["?"], ["-"], ["N/A"]])("reads %s as unknown", async (cell) => {
    const out = rows((await cli(["assess", write("inv.csv", `name,workload,boundary\na,web,${cell}\n`)])).stdout);
    expect(out[0]!.answers!.boundary).toBe(UNKNOWN);
  });

  it("takes flag values in any case, as cells are", async () => {
    const run = await cli(["assess", write("inv.csv", "name,boundary\na,internal\n"), "--workload", "Web"]);
    expect(run.code).toBe(0);
    expect(rows(run.stdout)[0]!.answers!.workload).toBe("web");
  });

  it("accepts numbers and null in JSON, as ConvertTo-Json writes them, in assess and in --answers", async () => {
    const out = rows(
      (await cli(["assess", write("inv.jsonl", '{"name":"a","host-os":2022,"boundary":null,"workload":"web"}\n')]))
        .stdout,
    );
    expect(out[0]!.answers).toMatchObject({ "host-os": "2022", boundary: UNKNOWN });
    const answers = write("answers.json", JSON.stringify({ ...EXPECTED[0]!.answers, "host-os": 2022, edition: null }));
    const run = await cli(["advise", "--answers", answers, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).answers).toMatchObject({ "host-os": "2022", edition: UNKNOWN });
  });

  it("lists ignored columns and unanswered questions with a did-you-mean, on stderr and in JSON", async () => {
    const run = await cli([
      "assess",
      write("inv.csv", "name,workload,Guest Operating,Colour\na,web,2022,red\n"),
      "--format",
      "json",
    ]);
    expect(run.stderr).toMatch(/ignored: "Guest Operating", "Colour"/);
    expect(run.stderr).toMatch(/no column answers .*guest-os/);
    const data = JSON.parse(run.stdout) as {
      problems: { code: string; message: string }[];
      summary: { ignoredColumns: string[] };
    };
    expect(data.problems.map((w) => w.code)).toContain("ignored-columns");
    expect(data.problems.map((w) => w.code)).toContain("unanswered-question");
    expect(data.summary.ignoredColumns).toEqual(["Guest Operating", "Colour"]);
  });

  it("refuses a file in which no column answers any question, listing what it found and expects", async () => {
    const run = await cli(["assess", write("inv.csv", "Server,Colour,Size\na,red,big\n")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no column answers any question/);
    expect(run.stderr).toMatch(/"Colour", "Size"/);
    expect(run.stderr).toMatch(/workload, boundary, host-os/);
  });

  it.each([
    ["an empty file", "", /is empty/],
    ["a header with no rows", "name,workload\n", /has a header but no rows/],
    ["two headers that fold to one name", "name,guest_os,Guest OS\na,2022,2022\n", /"guest_os" and "Guest OS"/],
  ])("refuses %s (exit 2)", async (_what, content, message) => {
    const run = await cli(["assess", write("inv.csv", content)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe("vmvc assess: Windows encodings and PowerShell's files", () => {
  it("skips Export-Csv's #TYPE line, as Import-Csv does, and counts it in the line numbers", async () => {
    const run = await cli(["assess", fixture("export-csv-type.csv")]);
    expectTheInventory(run, 3);
    expect(run.stderr).toMatch(/#TYPE .* was skipped/);
  });

  it.each([["utf16le-bom.csv"], ["utf16le.csv"], ["utf16be-bom.csv"], ["utf16be.csv"]])(
    "reads %s as the UTF-8 file",
    async (name) => expectTheInventory(await cli(["assess", fixture(name)]), 2),
  );

  it("reads JSON lines in UTF-16 without a BOM as JSON", async () => {
    expectTheInventory(await cli(["assess", fixture("utf16le.jsonl")]), 1);
  });

  it("reads French Excel's Windows-1252 as such, with a warning, and none once --encoding says so", async () => {
    const run = await cli(["assess", fixture("excel-fr-1252.csv")]);
    expect(rows(run.stdout).map((r) => r.name)).toEqual(["Serveur-é01", "Contrôleur"]);
    expect(run.stderr).toMatch(/Windows-1252/);
    const said = await cli(["assess", fixture("excel-fr-1252.csv"), "--encoding", "windows-1252"]);
    expect(rows(said.stdout).map((r) => r.name)).toEqual(["Serveur-é01", "Contrôleur"]);
    expect(said.stderr).not.toMatch(/Windows-1252/);
  });
});

describe("vmvc assess: CSV that is not quite CSV", () => {
  it("reports a row whose quote is left open at its line, and loses none of the rows after it", async () => {
    const run = await cli(["assess", fixture("broken-quoting.csv")]);
    expect(run.code).toBe(1);
    const out = rows(run.stdout);
    // Row b keeps its name, which comes before its open quote.
    expect(out.map((r) => [r.line, r.name, r.error?.slice(0, 7) ?? null])).toEqual([
      [2, "a", null],
      [3, "b", "a quote"],
      [4, "c", null],
      [5, "d", null],
      [6, "e", null],
    ]);
  });

  it("keeps a broken row's name when the cells before its broken quote hold it", async () => {
    // web01 opens a quote that db01's stray quote closes, with text after it; db01 has a quote
    // inside a field; in the last
    // file the name comes after the broken field, so no name can be read.
    const run = await cli(["assess", write("inv.csv", 'name,workload\nweb01,"web\ndb01,data"base\nb,gui\n')]);
    expect(run.code).toBe(1);
    expect(rows(run.stdout).map((r) => [r.line, r.name, r.error?.slice(0, 12) ?? null])).toEqual([
      [2, "web01", "a quote in t"],
      [3, "db01", "a quote in t"],
      [4, "b", null],
    ]);
    const after = await cli(["assess", write("late.csv", 'workload,name\n"web,x\ngui,b\n')]);
    expect(rows(after.stdout).map((r) => [r.line, r.name])).toEqual([
      [2, null],
      [3, "b"],
    ]);
  });

  it("does not merge rows appended with LF onto a CRLF file", async () => {
    const out = rows((await cli(["assess", fixture("mixed-line-endings.csv")])).stdout);
    expect(out.map((r) => [r.line, r.name, r.answers?.workload])).toEqual([
      [2, "a", "web"],
      [3, "b", "gui"],
      [4, "c", "database"],
      [5, "d", "batch"],
    ]);
  });

  it("keeps quoted fields with newlines as one field", async () => {
    const out = rows((await cli(["assess", write("inv.csv", 'name,workload\n"two\nlines",web\nb,gui\n')])).stdout);
    expect(out.map((r) => [r.line, r.name])).toEqual([
      [2, "two\nlines"],
      [4, "b"],
    ]);
  });

  it("keeps the name of a row with too many fields (issue 22)", async () => {
    const run = await cli(["assess", write("inv.csv", "name,workload\nweb01,web,extra\n")]);
    expect(rows(run.stdout)[0]).toMatchObject({ line: 2, name: "web01", error: expect.stringMatching(/3 fields/) });
  });

  it("caps a row at 1 MiB: reported at its line, and the rows after it still assessed", async () => {
    const long = "x".repeat(1_500_000);
    const csv = rows((await cli(["assess", write("inv.csv", `name,workload\n${long},web\nb,gui\n`)])).stdout);
    expect(csv.map((r) => [r.line, r.name ?? "error"])).toEqual([
      [2, "error"],
      [3, "b"],
    ]);
    const jsonl = rows(
      (await cli(["assess", write("inv.jsonl", `{"name":"${long}"}\n{"name":"b","workload":"gui"}\n`)])).stdout,
    );
    expect(jsonl.map((r) => [r.line, r.name ?? "error"])).toEqual([
      [1, "error"],
      [2, "b"],
    ]);
    const array = rows(
      (await cli(["assess", write("inv.json", `[{"name":"${long}"},\n{"name":"b","workload":"gui"}]`)])).stdout,
    );
    expect(array.map((r) => [r.line, r.name ?? "error"])).toEqual([
      [1, "error"],
      [2, "b"],
    ]);
  });

  it("never lets a NUL in a cell share another row's result", async () => {
    // Joined with NUL, "web\0" + "internal" and "web" + "\0internal" made one cache key.
    const out = rows(
      (await cli(["assess", write("inv.csv", "name,workload,boundary\na,web\u0000,internal\nb,web,\u0000internal\n")]))
        .stdout,
    );
    expect(out[0]!.error).toMatch(/^workload:/);
    expect(out[1]!.error).toMatch(/^boundary:/);
  });
});

describe("vmvc assess: RVTools as it is exported", () => {
  it("reads the vInfo sheet of a workbook, whatever its name says, with templates left out", async () => {
    // No extension: the workbook is recognised by its bytes.
    const { readFileSync } = await import("node:fs");
    const run = await cli(["assess", write("export", readFileSync(fixture("rvtools.xlsx"))), "--format", "json"]);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as {
      rows: Row[];
      summary: { skipped: Record<string, number>; groups: { by: string; groups: { name: string; rows: number }[] } };
    };
    expect(data.rows.map((r) => [r.line, r.name, r.answers!["guest-os"]])).toEqual([
      [2, "web01", "2022"],
      // The Tools' answer wins over vSphere's "2016 or later" label, which alone means unknown.
      [4, "app01", "2019"],
      [5, "app02", UNKNOWN],
      [6, "lnx01", "linux"],
      // windows2019srvNext_64Guest is vSphere's id for Windows Server 2022.
      [7, "id01", "2022"],
    ]);
    expect(data.summary.skipped).toEqual({ template: 1 });
    expect(data.summary.groups.by).toBe("cluster");
    expect(data.summary.groups.groups).toEqual([
      expect.objectContaining({ name: "legacy", rows: 3 }),
      expect.objectContaining({ name: "prod", rows: 2 }),
    ]);
  });

  it("names the sheets of a workbook that has no vInfo sheet", async () => {
    const run = await cli(["assess", fixture("no-vinfo.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no vInfo sheet .*"vSummary", "vHost"/);
  });
});

describe("vmvc assess: only what the answers support (issue 20, section 2)", () => {
  it("names a blocker that rests on an unknown answer with its condition, and one that holds always without", async () => {
    const out = rows(
      (await cli(["assess", write("inv.csv", "name,workload,guest-os\nweb01,web,2019\nlnx01,web,linux\n")])).stdout,
    );
    // web01: with the hosts unknown, process isolation is out only for some host releases.
    const web = out[0]!.excluded!.find((e) => e.option === "container");
    if (web) expect(web.if).toHaveProperty("host-os");
    // lnx01: a Linux guest is out of both container kinds whatever the hosts run.
    for (const e of out[1]!.excluded!) {
      expect(e.if).toBeUndefined();
      expect(e.reasons.map((r) => r.rule)).not.toContain("process-isolation-on-2022-host");
      for (const r of e.reasons) expect(r.sourceUrl).toMatch(/^https:/);
    }
  });

  it("gives a Linux guest on 2022 hosts its real blocker in advise, without the host upgrade as a remedy", async () => {
    const linux = { ...EXPECTED[1]!.answers, "host-os": "2022", edition: "standard" };
    const a = advise(compiled, linux);
    const container = a.excluded.find((e) => e.option === "container")!;
    expect(container.reasons.map((r) => r.rule)).toEqual(["non-windows-guest-excludes-process-isolation"]);
    const hyperv = a.excluded.find((e) => e.option === "hyperv-container")!;
    expect(hyperv.reasons.map((r) => r.rule)).toEqual(["non-windows-guest-excludes-hyperv-isolation"]);
  });
});

describe("vmvc assess: a report a manager can act on (issue 20, section 4)", () => {
  const rvtools = join(ROOT, "examples/inventory/rvtools-vInfo.csv");

  it("says in the report what was assumed: the input, the flags applied to every row, the rules, per question where answers came from", async () => {
    const run = await cli(["assess", rvtools, "--host-os", "2022", "--workload", "web", "--format", "markdown"]);
    const report = run.stdout;
    expect(report).toMatch(/## What was assumed/);
    expect(report).toMatch(/Input: .*rvtools-vInfo\.csv/);
    expect(report).toMatch(/--workload web --host-os 2022/);
    expect(report).toMatch(/Rules: the shipped rules/);
    // Every assessed VM took --workload from the flag, none from the file.
    const assessed = Number(/\((\d+) assessed/.exec(report)![1]);
    expect(report).toMatch(new RegExp(`\\| the kind of workload \\(\`workload\`\\) \\| 0 \\| ${assessed} \\| 0 \\|`));
    expect(report).toMatch(/Columns ignored: .*Powerstate/);
  });

  it("gives each workload its deciding reason with a link to the source, and a correct plural", async () => {
    const page = (await cli(["assess", rvtools, "--host-os", "2022", "--format", "html"])).stdout;
    const table = page.slice(page.indexOf("<h2>Workloads</h2>"));
    const rows = table.match(/<tr><td class="n">\d+<\/td>.*?<\/tr>/g) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/<a href="https:\/\/learn\.microsoft\.com\/[^"]+">source<\/a>/);
    expect(page).not.toMatch(/\b1 of the \S+ assessed workloads have\b/);
  });

  it("breaks the workloads down by cluster when the input has one, saying which stay VM-only", async () => {
    const report = (await cli(["assess", fixture("rvtools.xlsx"), "--format", "markdown"])).stdout;
    expect(report).toMatch(/## By cluster/);
    // legacy holds a Linux VM, an unknown 2016-or-later guest and a 2022 guest: not all to containers.
    expect(report).toMatch(/\| legacy \| 3 \|/);
    expect(report).toMatch(/\| prod \| 2 \|/);
  });

  it("shows a nameless row by its line, and no certainty next to nothing", async () => {
    const file = write("inv.csv", "name,workload,host-os,guest-os\n,web,2016,2022\n");
    const report = (await cli(["assess", file, "--format", "markdown"])).stdout;
    // A 2022 guest on a 2016 host: nothing fits (no VM can run it, no container either).
    const row = report.split("\n").find((l) => l.startsWith("| 2 |"))!;
    expect(row).toMatch(/\| 2 \| line 2 \| nothing/);
    expect(row).toMatch(/\|\s*\|$/);
  });

  it("writes CSV that French and German Excel open: semicolons and a BOM, still one row a line", async () => {
    const run = await cli([
      "assess",
      join(ROOT, "examples/inventory/inventory.csv"),
      "--format",
      "csv",
      "--delimiter",
      ";",
      "--bom",
    ]);
    expect(run.stdout.startsWith("\uFEFFline;name;recommendation;")).toBe(true);
    const lines = run.stdout.trim().split("\r\n");
    expect(lines[1]).toMatch(/^2;web-portal;container;/);
    // A cell with a semicolon in it is quoted.
    for (const l of lines.slice(1)) expect(l.split(";").length).toBeGreaterThanOrEqual(12);
  });

  it("fits the terminal summary in 60 columns", async () => {
    const run = await cli(["assess", join(ROOT, "examples/inventory/inventory.csv")], { terminalColumns: 60 });
    const plain = run.stdout.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");
    for (const l of plain.split("\n")) expect([...l].length, l).toBeLessThanOrEqual(60);
    expect(run.stdout).toMatch(/█/);
  });
});
