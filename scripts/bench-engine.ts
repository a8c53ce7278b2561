// Times the engine over the whole answer space, on one core, in this process: rules check (every
// answer set, the assumed questions at every value), the outlook with every answer unknown (the
// assumed questions too), the outlook as a script that leaves the assumed questions out sees it,
// and the plain sweep of those answer sets with nothing swept apart.
import { outlook, UNKNOWN } from "../src/engine/certainty.js";
import { checkRuleSet } from "../src/engine/check.js";
import { compile } from "../src/engine/compile.js";
import { withAssumptions } from "../src/engine/explain.js";
import { sweep } from "../src/engine/evaluate.js";
import { shippedRuleSet } from "../src/ruleset/index.js";

const rounds = Number(process.argv[2] ?? 5);
const started = performance.now();
const compiled = compile(shippedRuleSet());
const compileMs = performance.now() - started;
const times: number[] = [];
const check: number[] = [];
const allUnknown: number[] = [];
const assumedUnknown: number[] = [];
let combinations = 0;
let checked = 0;
let checksum = 0;
const questions = compiled.ruleSet.questions;
const unknown = Object.fromEntries(questions.map((q) => [q.id, UNKNOWN]));
// As a script that passes only the eleven questions (and not even those) sees it.
const unknownButAssumed = withAssumptions(
  questions,
  Object.fromEntries(questions.filter((q) => q.assume === undefined).map((q) => [q.id, UNKNOWN])),
).answers;
const fixed = Int32Array.from(questions, (q) =>
  q.assume === undefined ? -1 : q.choices.findIndex((c) => c.value === q.assume),
);
for (let i = 0; i < rounds; i++) {
  let t = performance.now();
  combinations = sweep(
    compiled,
    (_codes, best) => {
      checksum += best;
    },
    fixed,
  );
  times.push(performance.now() - t);
  t = performance.now();
  checked = checkRuleSet(compiled).combinations;
  check.push(performance.now() - t);
  t = performance.now();
  checksum += outlook(compiled, unknown).certainty.share;
  allUnknown.push(performance.now() - t);
  t = performance.now();
  checksum += outlook(compiled, unknownButAssumed).certainty.share;
  assumedUnknown.push(performance.now() - t);
}
process.stdout.write(
  JSON.stringify({ combinations, checked, compileMs, times, check, allUnknown, assumedUnknown, checksum }) + "\n",
);
