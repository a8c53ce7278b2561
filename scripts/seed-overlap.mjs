// The longest run of words a French text of ours shares with the French seed page, which we
// must restate in our own words (issue 24: no run of 8 words in common). Words are compared
// lowercased, with punctuation (apostrophes included) taken as a break between words.
//   node scripts/seed-overlap.mjs          prints the longest run and the text it is in
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SEED = "/work/shared/sources/seed-containers-vs-vm.fr.txt";
export const LIMIT = 8;

export const words = (text) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");

/** Every string of a texts file that a reader sees: not its keys, links or anchors. */
export function textsOf(value, key = "") {
  if (typeof value === "string") return ["$schema", "lang", "url", "anchor", "$comment"].includes(key) ? [] : [value];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => textsOf(v, k));
}

/** The longest run of words `text` shares with `seedWords`, by dynamic programming over both. */
export function longestSharedRun(text, seedWords) {
  const a = words(text);
  let best = { length: 0, run: "" };
  let previous = new Array(seedWords.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array(seedWords.length + 1).fill(0);
    for (let j = 1; j <= seedWords.length; j++) {
      if (a[i - 1] !== seedWords[j - 1]) continue;
      current[j] = previous[j - 1] + 1;
      if (current[j] > best.length) best = { length: current[j], run: a.slice(i - current[j], i).join(" ") };
    }
    previous = current;
  }
  return best;
}

/** The longest shared run over every French texts file in `dir`, with where it is. */
export function longestInFolder(dir, seedText) {
  const seedWords = words(seedText);
  let best = { length: 0, run: "", file: "", text: "" };
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    for (const text of textsOf(JSON.parse(readFileSync(`${dir}/${name}`, "utf8")))) {
      const found = longestSharedRun(text, seedWords);
      if (found.length > best.length) best = { ...found, file: name, text };
    }
  }
  return best;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL("../rules/fr", import.meta.url));
  const best = longestInFolder(dir, readFileSync(SEED, "utf8"));
  console.log(`longest run shared with the seed: ${best.length} words (limit: fewer than ${LIMIT})`);
  console.log(`  "${best.run}"\n  in rules/fr/${best.file}: ${best.text}`);
  process.exitCode = best.length >= LIMIT ? 1 : 0;
}
