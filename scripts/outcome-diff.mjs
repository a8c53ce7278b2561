// How a change to the shipped rules moves the advice: `node scripts/outcome-diff.mjs <old rules/>`
// (for instance `git archive main rules | tar -x -C /tmp/old`, then /tmp/old/rules). It sweeps
// the old rules' answer space and evaluates each answer set under both rule sets, with every
// question the old rules lack at its assumed value (an optional question without one stays
// unanswered), and prints the shares of each option and the answer sets whose advice changed.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const oldDir = process.argv[2];
if (!oldDir) {
  console.error("usage: node scripts/outcome-diff.mjs <old rules folder> [new rules folder]");
  process.exit(2);
}
const newDir = process.argv[3] ?? join(root, "rules");
const entry = `
import { compile } from "./src/engine/compile.js";
import { createScratch, recommendIndex, sweep } from "./src/engine/evaluate.js";
import { loadShippedFromDisk } from "./src/ruleset/load.js";
const [oldDir, newDir] = process.argv.slice(2);
const before = compile(loadShippedFromDisk(oldDir));
const after = compile(loadShippedFromDisk(newDir));
const ids = (c) => [...c.ruleSet.options.map((o) => o.id), "none"];
const name = (c, i) => (i === -1 ? "none" : c.ruleSet.options[i].id);
// Old codes into new: same question, same value; a new question at its assumed value.
const maps = after.questionIds.map((id, q) => {
  const old = before.questionIds.indexOf(id);
  const assume = after.ruleSet.questions[q].assume;
  const fixed = assume === undefined ? after.sizes[q] : after.valueIndex[q].get(assume);
  if (old === -1) return { old: -1, fixed };
  return { old, values: before.ruleSet.questions[old].choices.map((c) => after.valueIndex[q].get(c.value) ?? after.sizes[q]) };
});
const codes = new Int32Array(after.questionIds.length);
const scratch = createScratch(after);
const counts = { before: Object.fromEntries(ids(before).map((id) => [id, 0])), after: Object.fromEntries(ids(after).map((id) => [id, 0])) };
const moves = {};
let changed = 0;
const examples = {};
const total = sweep(before, (oldCodes, best) => {
  maps.forEach((m, q) => (codes[q] = m.old === -1 ? m.fixed : m.values[oldCodes[m.old]]));
  const now = recommendIndex(after, codes, scratch);
  const from = name(before, best);
  const to = name(after, now);
  counts.before[from]++;
  counts.after[to]++;
  if (from !== to) {
    changed++;
    const key = from + " -> " + to;
    moves[key] = (moves[key] ?? 0) + 1;
    if (!examples[key]) examples[key] = Object.fromEntries(before.questionIds.map((id, q) => [id, before.ruleSet.questions[q].choices[oldCodes[q]].value]));
  }
});
const share = (n) => Math.round((n / total) * 1000) / 10;
const pct = (o) => Object.fromEntries(Object.entries(o).map(([k, n]) => [k, { count: n, percent: share(n) }]));
process.stdout.write(JSON.stringify({ answerSets: total, before: pct(counts.before), after: pct(counts.after), changed, changedPercent: share(changed), moves, examples }, null, 2) + "\\n");
`;
const out = join(root, "node_modules/.cache/vmvc-diff/diff.mjs");
mkdirSync(dirname(out), { recursive: true });
await build({
  stdin: { contents: entry, resolveDir: root, loader: "ts" },
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: out,
  logLevel: "warning",
});
const run = spawnSync(process.execPath, [out, resolve(oldDir), resolve(newDir)], { stdio: "inherit", cwd: root });
process.exit(run.status ?? 1);
