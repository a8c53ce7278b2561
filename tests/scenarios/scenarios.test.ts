import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/engine/compile.js";
import { advise } from "../../src/engine/explain.js";
import { loadRuleSet } from "../../src/ruleset/index.js";
import { ROOT } from "../helpers/cli.js";

// Cases an expert would sign, with the answer written down from the sources first.

interface Scenario {
  name: string;
  answers: Record<string, string>;
  /** Policy folders layered for this case, relative to the repository. */
  rules?: string[];
  expect: string | null;
  accept: string[];
  why: string;
  /** Whether the recommendation must carry a caution (something to confirm), where it is said. */
  cautioned?: boolean;
}
const data = JSON.parse(readFileSync(new URL("./scenarios.json", import.meta.url), "utf8")) as { defaults: Record<string, string>; scenarios: Scenario[] };

describe("expert scenarios", () => {
  it("has at least 40 cases, each with a reason that cites a source section", async () => {
    expect(data.scenarios.length).toBeGreaterThanOrEqual(40);
    const ruleSet = await loadRuleSet({ rulePaths: [], cwd: ROOT });
    for (const s of data.scenarios) {
      const cited = [...s.why.matchAll(/([a-z0-9-]+)#([a-z0-9-]+)/g)];
      expect(cited.length, s.name).toBeGreaterThan(0);
      for (const [, page, section] of cited) {
        expect(ruleSet.sources.find((p) => p.id === page)?.sections.some((x) => x.id === section), `${s.name}: ${page}#${section}`).toBe(true);
      }
    }
  });

  it.each(data.scenarios.map((s) => [s.name, s] as const))("%s", async (_name, s) => {
    const ruleSet = await loadRuleSet({ rulePaths: s.rules ?? [], cwd: ROOT });
    const advice = advise(compile(ruleSet), { ...data.defaults, ...s.answers });
    expect([s.expect, ...s.accept], s.why).toContain(advice.recommendation);
    if (s.cautioned !== undefined) expect(advice.cautions.length > 0, `cautions: ${s.why}`).toBe(s.cautioned);
    // Every case here is fully answered except, where it is left out, the optional edition.
    if (s.answers.edition !== undefined) expect(advice.certainty.share).toBe(1);
    if (s.expect === null) {
      // Nothing fits: every option is named with what blocks it and how to unblock it.
      expect(advice.excluded.map((e) => e.option).sort()).toEqual(ruleSet.options.map((o) => o.id).sort());
      for (const e of advice.excluded) for (const r of e.reasons) expect(r.remedy, r.rule).toBeTruthy();
    }
  });

  it("matches the expected answer, not only an acceptable one, in at least 90% of the cases", async () => {
    let exact = 0;
    for (const s of data.scenarios) {
      const ruleSet = await loadRuleSet({ rulePaths: s.rules ?? [], cwd: ROOT });
      if (advise(compile(ruleSet), { ...data.defaults, ...s.answers }).recommendation === s.expect) exact++;
    }
    expect(exact / data.scenarios.length).toBeGreaterThanOrEqual(0.9);
  });
});
