// npm run bench [-- --quick]: start-up time, peak memory and engine speed, each against
// `node -e 0` measured in the same run. A benchmark, not a test: it prints figures and
// fails only if something cannot run at all.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const quick = process.argv.includes("--quick");
// Single runs on a shared machine vary by ±10%; 101 pairs keep the median's own wobble near ±1%.
const runs = quick ? 5 : 101;
const node = process.execPath;
const bin = join(root, "bin/vmvc.js");
const flags = ["--workload", "web", "--boundary", "internal", "--host-os", "2022", "--guest-os", "2019", "--deploy", "docker",
  "--density", "medium", "--scaling", "elastic", "--update-cadence", "monthly", "--storage", "none", "--recovery", "fast", "--network", "shared"];
const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C.UTF-8" };

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

function wall(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(node, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Peak resident memory of a run, in KiB, reported by the process itself on exit. */
function peakMemory(args) {
  const result = spawnSync(node, ["--require", join(root, "scripts/report-rss.cjs"), ...args], {
    env, stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  return Number(String(result.output[3]).trim());
}

// A reference point: commander alone, bundled, printing a version.
const dir = mkdtempSync(join(tmpdir(), "vmvc-bench-"));
await build({ entryPoints: [join(root, "scripts/bench-commander.ts")], bundle: true, platform: "node", format: "cjs", minify: true, outfile: join(dir, "commander.cjs"), logLevel: "warning" });

const cases = [
  ["advise, all 11 flags, --json", [bin, "advise", ...flags, "--json"], 1.25],
  ["--version", [bin, "--version"], 1.2],
  ["compare --json", [bin, "compare", "--json"], 1.2],
  ["advise, all 11 flags, text", [bin, "advise", ...flags], null],
  ["compare, table", [bin, "compare"], null],
  ["reference: commander alone, --version", [join(dir, "commander.cjs"), "--version"], null],
];
const baseline = ["-e", "0"];

// Warm the file cache, then run every case next to a baseline in each round, so a change in the
// machine's speed hits the pair alike; which of the two goes first alternates.
for (const [, args] of cases) wall(args);
wall(baseline);
const baseTimes = [];
const samples = cases.map(() => ({ times: [], ratios: [] }));
for (let i = 0; i < runs; i++) {
  cases.forEach(([, args], c) => {
    let base;
    let time;
    if (i % 2 === 0) {
      base = wall(baseline);
      time = wall(args);
    } else {
      time = wall(args);
      base = wall(baseline);
    }
    baseTimes.push(base);
    samples[c].times.push(time);
    samples[c].ratios.push(time / base);
  });
}
const rows = cases.map(([label, , target], c) => ({ label, ms: median(samples[c].times), ratio: median(samples[c].ratios), spread: quartiles(samples[c].ratios), target }));

// The first question on a real terminal, against node printing one word on the same terminal.
function firstOutput(args, marker) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn("python3", [join(root, "tests/helpers/pty_driver.py"), "100", "40", "--", node, ...args], { env: { ...env, TERM: "xterm-256color" } });
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
      if (text.includes(marker)) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        child.kill("SIGTERM");
        child.stdin.end();
        resolve(ms);
      }
    });
    child.on("error", reject);
    setTimeout(() => reject(new Error(`no "${marker}" within 10 s`)), 10_000).unref();
  });
}
const promptRatios = [];
const promptTimes = [];
for (let i = 0; i < (quick ? 3 : 21); i++) {
  const base = await firstOutput(["-e", "process.stdout.write('ready')"], "ready");
  const first = await firstOutput([bin, "advise"], "What kind of workload");
  promptTimes.push(first);
  promptRatios.push(first / base);
}
rows.push({ label: "interactive: first question shown", ms: median(promptTimes), ratio: median(promptRatios), spread: quartiles(promptRatios), target: 1.5 });

const memoryRuns = quick ? 3 : 11;
const baseMemory = median(Array.from({ length: memoryRuns }, () => peakMemory(baseline)));
const adviseMemory = median(Array.from({ length: memoryRuns }, () => peakMemory([bin, "advise", ...flags, "--json"])));

// The engine over the whole answer space, bundled from the sources and run on its own.
await build({ entryPoints: [join(root, "scripts/bench-engine.ts")], bundle: true, platform: "node", format: "esm", outfile: join(dir, "engine.mjs"), logLevel: "warning" });
const engine = spawnSync(node, [join(dir, "engine.mjs"), quick ? "2" : "7", join(root, "rules/")], { encoding: "utf8" });
rmSync(dir, { recursive: true, force: true });
if (engine.status !== 0) throw new Error(`engine sweep failed: ${engine.stderr}`);
const sweep = JSON.parse(engine.stdout);
const sweepMs = median(sweep.times);

const pad = (text, width) => String(text).padEnd(width);
const line = (cells) => `| ${cells.map((c, i) => pad(c, [38, 12, 11, 11, 8, 6][i])).join(" | ")} |`;
const verdict = (ok) => (ok ? "ok" : "MISSED");
const out = [];
out.push(`vmvc benchmark (${quick ? "quick" : "full"}: ${runs} paired runs per command), Node ${process.version}`);
out.push(`Baseline: node -e 0, median ${median(baseTimes).toFixed(1)} ms; peak memory ${(baseMemory / 1024).toFixed(1)} MiB`, "");
out.push(line(["measure", "median", "vs node", "middle half", "target", ""]));
out.push(line(["---", "---", "---", "---", "---", "---"]));
for (const r of rows) {
  out.push(line([r.label, `${r.ms.toFixed(1)} ms`, `${r.ratio.toFixed(3)}x`, r.spread, r.target ? `${r.target}x` : "", r.target ? verdict(r.ratio <= r.target) : ""]));
}
const memoryRatio = adviseMemory / baseMemory;
out.push(line(["peak memory, advise --json", `${(adviseMemory / 1024).toFixed(1)} MiB`, `${memoryRatio.toFixed(3)}x`, "", "1.3x", verdict(memoryRatio <= 1.3)]));
out.push(line([`engine sweep, ${sweep.combinations.toLocaleString("en-US")} answer sets`, `${sweepMs.toFixed(0)} ms`, `${Math.round(sweep.combinations / (sweepMs / 1000)).toLocaleString("en-US")}/s`, "", "< 1 s", verdict(sweepMs < 1000)]));
out.push("", `Rule set compiled in ${sweep.compileMs.toFixed(1)} ms (load, validate, compile); sweep times (ms): ${sweep.times.map((t) => t.toFixed(0)).join(", ")}.`);
console.log(out.join("\n"));
