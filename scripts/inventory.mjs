// Writes a synthetic inventory CSV for the benchmark: `node scripts/inventory.mjs FILE ROWS [distinct]`.
// Rows are drawn from 2,000 workload profiles, as a real estate repeats a few hundred kinds of
// server; in each profile about a tenth of the answers are left empty (unknown). With
// `distinct`, every row draws its own answers instead: the worst case for the cache, a
// different answer set on nearly every row.
import { createWriteStream, readFileSync } from "node:fs";

// The required questions, from the shipped rules (optional ones are left out, as a real
// inventory would not have their columns).
const questions = Object.fromEntries(
  JSON.parse(readFileSync(new URL("../rules/questions.json", import.meta.url), "utf8"))
    .questions.filter((q) => !q.optional)
    .map((q) => [q.id, q.choices.map((c) => c.value)]),
);
const [file, count = "1000000", mode = "profiles"] = process.argv.slice(2);
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
// For distinct rows, a generator whose low bits do not cycle (mulberry32): the one above
// repeats after a few thousand answer sets.
let state = 42;
const distinct = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const profiles = Array.from({ length: 2000 }, () =>
  Object.values(questions)
    .map((values) => (random() < 0.1 ? "" : pick(values)))
    .join(","),
);
const out = createWriteStream(file);
out.write(`name,${Object.keys(questions).join(",")}\n`);
let chunk = "";
for (let i = 0; i < Number(count); i++) {
  // Skewed: a few profiles cover many servers.
  const answers =
    mode === "distinct"
      ? Object.values(questions)
          .map((values) => (distinct() < 0.1 ? "" : values[Math.floor(distinct() * values.length)]))
          .join(",")
      : profiles[Math.floor(profiles.length * random() ** 3)];
  chunk += `srv${i},${answers}\n`;
  if (chunk.length > 1 << 16) {
    if (!out.write(chunk)) await new Promise((r) => out.once("drain", r));
    chunk = "";
  }
}
out.end(chunk);
await new Promise((r) => out.once("finish", r));
