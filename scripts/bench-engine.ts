// Times the engine over the whole answer space, on one core, in this process.
import { compile } from "../src/engine/compile.js";
import { sweep } from "../src/engine/evaluate.js";
import { loadShippedFromDisk } from "../src/ruleset/load.js";

const rounds = Number(process.argv[2] ?? 5);
const started = performance.now();
const compiled = compile(loadShippedFromDisk(process.argv[3]));
const compileMs = performance.now() - started;
const times: number[] = [];
let combinations = 0;
let checksum = 0;
for (let i = 0; i < rounds; i++) {
  const t = performance.now();
  combinations = sweep(compiled, (_codes, best) => {
    checksum += best;
  });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ combinations, compileMs, times, checksum }) + "\n");
