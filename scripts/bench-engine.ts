// Times the engine over the whole answer space, on one core, in this process.
import { outlook, UNKNOWN } from "../src/engine/certainty.js";
import { compile } from "../src/engine/compile.js";
import { sweep } from "../src/engine/evaluate.js";
import { shippedRuleSet } from "../src/ruleset/index.js";

const rounds = Number(process.argv[2] ?? 5);
const started = performance.now();
const compiled = compile(shippedRuleSet());
const compileMs = performance.now() - started;
const times: number[] = [];
const allUnknown: number[] = [];
let combinations = 0;
let checksum = 0;
const unknown = Object.fromEntries(compiled.questionIds.map((id) => [id, UNKNOWN]));
for (let i = 0; i < rounds; i++) {
  let t = performance.now();
  combinations = sweep(compiled, (_codes, best) => {
    checksum += best;
  });
  times.push(performance.now() - t);
  t = performance.now();
  checksum += outlook(compiled, unknown).certainty.share;
  allUnknown.push(performance.now() - t);
}
process.stdout.write(JSON.stringify({ combinations, compileMs, times, allUnknown, checksum }) + "\n");
