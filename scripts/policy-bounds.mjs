// node scripts/policy-bounds.mjs [--timeout 60]: the policies of issue 22's table, generated,
// and how one scripted `vmvc advise --json` fares under each (time, peak memory, exit code and
// the first line on stderr). A measurement, not a test: it prints figures.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin/vmvc.js");
const at = process.argv.indexOf("--timeout");
const timeout = (at === -1 ? 60 : Number(process.argv[at + 1])) * 1000;

const answered = {
  workload: "web",
  boundary: "internal",
  "host-os": "2022",
  "guest-os": "2022",
  deploy: "docker",
  density: "medium",
  scaling: "steady",
  "update-cadence": "monthly",
  storage: "none",
  recovery: "fast",
  network: "shared",
};
const source = { id: "bounds", title: "Bounds", url: "https://example.com/", sections: [{ id: "s", title: "S" }] };

/** `count` optional questions of `values` values, each mentioned by one rule. */
function optionalQuestions(count, values) {
  const questions = [];
  const rules = [];
  for (let q = 0; q < count; q++) {
    const id = `extra-${q}`;
    const choices = Array.from({ length: values }, (_, v) => ({ value: `v${v}`, label: `V${v}`, meaning: "a value" }));
    questions.push({ id, prompt: `Extra ${q}?`, optional: true, choices });
    rules.push({
      id: `extra-${q}-rule`,
      when: { [id]: "v0" },
      effect: { option: "vm", score: 1 },
      reason: "A generated rule.",
      source: "bounds#s",
    });
  }
  return { sources: [source], questions, rules };
}

/** `count` rules over the shipped questions, two conditions each. */
function manyRules(count) {
  const values = {
    workload: ["web", "service", "batch", "gui", "infrastructure", "database"],
    density: ["high", "medium", "low"],
    "update-cadence": ["rarely", "monthly", "continuous"],
    storage: ["none", "local", "shared"],
  };
  const ids = Object.keys(values);
  const options = ["vm", "container", "hyperv-container"];
  const rules = Array.from({ length: count }, (_, i) => {
    const a = ids[i % ids.length];
    const b = ids[(i + 1) % ids.length];
    return {
      id: `many-${i}`,
      when: { [a]: values[a][i % values[a].length], [b]: values[b][(i >> 2) % values[b].length] },
      effect: { option: options[i % 3], score: (i % 5) - 2 },
      reason: "A generated rule.",
      source: "bounds#s",
    };
  });
  // Rule files are read up to 4 MiB each: ten files in a folder.
  const files = {};
  for (let f = 0; f < 10; f++)
    files[`rules-${f}.json`] = { rules: rules.slice((f * count) / 10, ((f + 1) * count) / 10) };
  files["rules-0.json"].sources = [source];
  return files;
}

const flagsOf = (answers) => Object.entries(answers).flatMap(([k, v]) => [`--${k}`, v]);
const cases = [
  ["4 optional questions x 30 values, each in one rule", optionalQuestions(4, 30), flagsOf(answered)],
  ["5 x 30", optionalQuestions(5, 30), flagsOf(answered)],
  ["5 x 50", optionalQuestions(5, 50), flagsOf(answered)],
  ["6 x 100", optionalQuestions(6, 100), flagsOf(answered)],
  [
    "30,000 rules, every answer unknown",
    manyRules(30_000),
    flagsOf(Object.fromEntries(Object.keys(answered).map((k) => [k, "unknown"]))),
  ],
];

const dir = mkdtempSync(join(tmpdir(), "vmvc-bounds-"));
writeFileSync(
  join(dir, "rss.cjs"),
  'process.on("exit", () => require("fs").writeSync(3, String(process.resourceUsage().maxRSS)));',
);
console.log(`| policy | size | advise --json | peak memory | exit | stderr |\n| --- | --- | --- | --- | --- | --- |`);
try {
  cases.forEach(([label, policy, flags], i) => {
    // A policy is one file, or a folder of them when it maps file names to contents.
    const many = !("rules" in policy);
    const file = join(dir, many ? `policy-${i}` : `policy-${i}.json`);
    let bytes = 0;
    if (many) {
      mkdirSync(file);
      for (const [name, data] of Object.entries(policy)) {
        const text = JSON.stringify(data);
        bytes += text.length;
        writeFileSync(join(file, name), text);
      }
    } else {
      const text = JSON.stringify(policy);
      bytes = text.length;
      writeFileSync(file, text);
    }
    const started = process.hrtime.bigint();
    const result = spawnSync(
      process.execPath,
      ["--require", join(dir, "rss.cjs"), bin, "advise", ...flags, "--json", "--rules", file],
      {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C.UTF-8" },
        stdio: ["ignore", "pipe", "pipe", "pipe"],
        timeout,
        maxBuffer: 1 << 30,
      },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const timedOut = result.error?.code === "ETIMEDOUT" || result.signal === "SIGTERM";
    const rss = Number(String(result.output[3] ?? "").trim());
    const firstLine = String(result.stderr ?? "")
      .split("\n")[0]
      .slice(0, 160);
    console.log(
      `| ${label} | ${(bytes / 1024).toFixed(0)} KB | ${timedOut ? `over ${timeout / 1000} s (stopped)` : `${seconds.toFixed(2)} s`} | ${rss ? `${(rss / 1024).toFixed(0)} MiB` : "-"} | ${timedOut ? "-" : result.status} | ${firstLine.replace(/\|/g, "\\|")} |`,
    );
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
