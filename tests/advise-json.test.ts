import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Answers, RuleSet } from "../src/engine/model.js";
import { effectValue } from "../src/engine/model.js";
import { cli, ROOT } from "./helpers/cli.js";
import { referenceEvaluate, referenceOutlook, referenceWhatIf, referenceMargin } from "./helpers/reference.js";
import { shipped } from "./helpers/shipped.js";
import { tmp } from "./helpers/tmp.js";

// Every public field of `advise --json` (product.md's list, and the explanations after it),
// each worked out from the rules by the naive reference, never pasted from a run.

const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

async function adviseJson(args: string[], stderr = "") {
  const run = await cli(["advise", "--json", "--shell", "posix", ...args]);
  expect(run.stderr).toBe(stderr);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

const baseline = {
  workload: "service",
  boundary: "internal",
  "host-os": "2025",
  "guest-os": "2022",
  deploy: "kubernetes",
  density: "high",
  scaling: "steady",
  "update-cadence": "rarely",
  storage: "none",
  recovery: "restart",
  network: "shared",
  edition: "datacenter",
};

const flags = (answers: Answers) => Object.entries(answers).flatMap(([q, v]) => [`--${q}`, v]);

/** The source link: the page's URL, with the section's anchor when it has one. */
function sourceUrl(set: RuleSet, ref: string): string {
  const [pageId, sectionId] = ref.split("#");
  const page = set.sources.find((p) => p.id === pageId)!;
  const anchor = page.sections.find((s) => s.id === sectionId)?.anchor;
  return anchor ? `${page.url}#${anchor}` : page.url;
}

/** The advice JSON for `answers` as the rules say it must be. */
function expected(set: RuleSet, answers: Answers) {
  // Left out, an optional question with an assumed value takes it (the brief's assumptions).
  const assumptions = Object.fromEntries(
    set.questions.flatMap((q) => (q.assume !== undefined && !Object.hasOwn(answers, q.id) ? [[q.id, q.assume]] : [])),
  );
  const view = referenceOutlook(set, { ...answers, ...assumptions });
  const shown = referenceEvaluate(set, view.representative);
  const cautions = shown.applied
    .filter((r) => "caution" in r.effect)
    .map((r) => ({
      rule: r.id,
      option: r.effect.option,
      text: r.reason,
      source: r.source,
      sourceUrl: sourceUrl(set, r.source),
    }));
  const label = (id: string) => set.options.find((o) => o.id === id)!.label;
  const reasons = shown.applied
    .filter((r) => !("caution" in r.effect))
    .map((r) => {
      const read = set.questions
        .map((q) => q.id)
        .filter((q) => view.unknown.includes(q) && [...r.when, ...r.unless].some((c) => Object.hasOwn(c, q)));
      return {
        rule: r.id,
        option: r.effect.option,
        effect: effectValue(r.effect),
        text: r.reason,
        source: r.source,
        ...(r.remedy !== undefined ? { remedy: r.remedy } : {}),
        ...(read.length > 0 ? { assumes: Object.fromEntries(read.map((q) => [q, view.representative[q]])) } : {}),
      };
    });
  const matters = new Set(view.dependsOn.map((d) => d.question));
  return {
    // Asked for nothing else, the run speaks English, and the JSON says so.
    lang: "en",
    recommendation: view.recommendation,
    options: shown.ranking.map((id) => ({
      id,
      label: label(id),
      score: shown.scores[id],
      eligible: shown.eligible[id],
    })),
    reasons: reasons.map((r) => ({ ...r, sourceUrl: sourceUrl(set, r.source) })),
    answers,
    certainty: {
      unknown: view.unknown,
      combinations: view.combinations,
      share: view.share,
      dependsOn: view.dependsOn,
      nothingFits: view.nothingFits,
      shares: Object.fromEntries(
        Object.entries(view.outcomes).map(([id, n]) => [id, Math.round((n / view.combinations) * 1e4) / 1e4]),
      ),
    },
    assumed: Object.fromEntries(view.unknown.map((q) => [q, view.representative[q]])),
    assumptions,
    cautions,
    margin: referenceMargin(shown),
    // What-ifs weigh the assumed values as answers; they reopen an assumed question only when
    // no answer is unknown (each would reopen a whole sweep).
    whatIf: referenceWhatIf(set, { ...answers, ...assumptions }).filter(
      (w) => view.unknown.length === 0 || !Object.hasOwn(assumptions, w.question),
    ),
    excluded: shown.ranking
      .filter((id) => !shown.eligible[id])
      .map((id) => ({ option: id, reasons: reasons.filter((r) => r.option === id && r.effect === "excluded") })),
    skipped: set.questions
      .filter((q) => !Object.hasOwn(answers, q.id) && !Object.hasOwn(assumptions, q.id) && !matters.has(q.id))
      .map((q) => q.id),
    // The command that repeats the run: the answers given, in question order.
    command: [
      "vmvc advise",
      ...set.questions.filter((q) => Object.hasOwn(answers, q.id)).map((q) => `--${q.id} ${answers[q.id]}`),
    ].join(" "),
    version,
    rules: {
      layers: [{ path: "rules/", from: `vmvc ${version} (shipped)` }],
      overriddenHardFacts: [],
      addedValues: [],
    },
  };
}

describe("advise --json", () => {
  it("has exactly the public fields, each as the rules make it, with the edition left unknown", async () => {
    // Hostile tenants rule process isolation out; a 2019 image on a 2022 host rules it out again
    // (versions differ) but Hyper-V isolation runs it; the edition is not given.
    const answers = {
      workload: "web",
      boundary: "hostile",
      "host-os": "2022",
      "guest-os": "2019",
      deploy: "docker",
      density: "medium",
      scaling: "elastic",
      "update-cadence": "monthly",
      storage: "local",
      recovery: "fast",
      network: "dedicated",
    };
    const data = await adviseJson(flags(answers));
    const want = expected(shipped, answers);
    expect(Object.keys(data)).toEqual(Object.keys(want));
    for (const key of Object.keys(want)) expect(data[key], key).toEqual(want[key as keyof typeof want]);
    // The scenario is worth having: two options are out, and the edition is open.
    expect((data.excluded as unknown[]).length).toBeGreaterThan(0);
    expect((data.certainty as { combinations: number }).combinations).toBe(2);
  });

  it("says what each value of an unknown answer leads to, and nothing fits where nothing does", async () => {
    // A 2025 image on a host of unknown version: on 2016 or 2019 nothing runs it (no VM guest
    // support, no container of a newer image), so nothing fits there.
    const answers = { ...baseline, "guest-os": "2025", "host-os": "unknown", boundary: "unknown" };
    const data = await adviseJson(flags(answers));
    const want = expected(shipped, answers);
    for (const key of Object.keys(want)) expect(data[key], key).toEqual(want[key as keyof typeof want]);
    expect((data.certainty as { dependsOn: unknown[] }).dependsOn.length).toBeGreaterThan(0);
    expect((data.certainty as { nothingFits: number }).nothingFits).toBeGreaterThan(0);
  });

  it("records the policy layered over the shipped rules: its layer, the hard facts it overrode, the values it added", async () => {
    const dir = tmp();
    const disabled = "process-isolation-on-2022-host";
    writeFileSync(
      join(dir, "policy.json"),
      JSON.stringify({
        questions: [{ id: "boundary", choices: [{ value: "partner", label: "Partner", meaning: "a partner's team" }] }],
        disable: [{ id: disabled, override: "hard-fact" }],
      }),
    );
    // A hard fact overridden is said on stderr too, where a script's caller looks.
    const file = join(dir, "policy.json");
    const data = await adviseJson(
      ["--rules", dir, ...flags(baseline)],
      `warning: ${file} overrides the hard fact "${disabled}"; the advice may recommend what the sources say cannot work.\n`,
    );
    const rules = data.rules as {
      layers: unknown[];
      overriddenHardFacts: { rule: string; file: string }[];
      addedValues: { question: string; value: string; file: string; ruledOut: string[] }[];
    };
    expect(rules.layers).toEqual([
      { path: "rules/", from: `vmvc ${version} (shipped)` },
      { path: dir, from: "--rules", files: 1 },
    ]);
    expect(rules.overriddenHardFacts).toEqual([{ rule: disabled, file }]);
    // Without "as", every option a shipped hard fact governs through the boundary is ruled out for it.
    const governed = shipped.options
      .map((o) => o.id)
      .filter((id) =>
        shipped.rules.some(
          (r) =>
            "exclude" in r.effect &&
            r.effect.option === id &&
            [...r.when, ...r.unless].some((c) => Object.hasOwn(c, "boundary")),
        ),
      );
    expect(governed.length).toBeGreaterThan(0);
    expect(rules.addedValues).toEqual([{ question: "boundary", value: "partner", file, ruledOut: governed }]);
    expect(data.command).toBe(`vmvc advise --rules ${dir} ${flags(baseline).join(" ")}`);
  });
});
