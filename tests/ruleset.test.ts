import { problemLine } from "../src/problems.js";
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../src/engine/compile.js";
import { evaluate } from "../src/engine/evaluate.js";
import { isExclusion, pointsOf } from "../src/engine/model.js";
import { loadRuleSet, shippedRuleSet } from "../src/ruleset/index.js";
import { buildRuleSet } from "../src/ruleset/layer.js";
import { readTier } from "../src/ruleset/load.js";
import { RuleSetError } from "../src/errors.js";
import { checkRuleFile } from "../src/ruleset/validate.js";
import { baseAnswers, shipped } from "./helpers/shipped.js";
import { tmp } from "./helpers/tmp.js";

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleSetError) return error.problems.map(problemLine);
    throw error;
  }
  throw new Error("expected a RuleSetError");
}

/** Writes files into a fresh folder and layers that folder over the shipped rules. */
function layer(files: Record<string, unknown>) {
  const dir = tmp();
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return buildRuleSet(shipped, [readTier(dir)]);
}

const goodRule = {
  id: "house-rule",
  when: { workload: "web" },
  effect: { option: "vm", score: 2 },
  reason: "Our web tier runs on VMs.",
  source: "containers-vs-vm#isolation",
};

describe("the shipped rule set", () => {
  it("keeps the public contract: question ids and values from the product brief", () => {
    // Only the promise is written here, not the question table (that lives in rules/): these
    // ids and values are never renamed or removed; more may be added, and added questions are optional.
    const contract = {
      workload: ["web", "service", "batch", "gui", "infrastructure", "database"],
      boundary: ["trusted", "internal", "hostile"],
      "host-os": ["2016", "2019", "2022", "2025"],
      "guest-os": ["2016", "2019", "2022", "2025", "linux", "other"],
      density: ["high", "medium", "low"],
      deploy: ["manual", "scripted", "docker", "kubernetes", "swarm"],
      "update-cadence": ["rarely", "monthly", "continuous"],
      scaling: ["steady", "elastic"],
      storage: ["none", "local", "shared"],
      recovery: ["restart", "fast"],
      network: ["shared", "dedicated"],
    };
    const later = {
      devices: ["none", "gpu", "device"],
      "host-type": ["physical", "nested-vm", "vm"],
      identity: ["none", "windows-auth", "domain-join"],
      edition: ["standard", "datacenter"],
    };
    const actual = new Map(shipped.questions.map((q) => [q.id, q]));
    for (const [id, values] of Object.entries({ ...contract, ...later })) {
      expect(
        actual.get(id)?.choices.map((c) => c.value),
        id,
      ).toEqual(expect.arrayContaining(values));
    }
    for (const q of shipped.questions) if (!Object.hasOwn(contract, q.id)) expect(q.optional, q.id).toBe(true);
    // Left out, the three facts an expert asks first take the value stated in the brief; the edition stays unknown.
    const assumed = Object.fromEntries(
      shipped.questions.filter((q) => q.optional).map((q) => [q.id, q.assume ?? null]),
    );
    expect(assumed).toEqual({ devices: "none", "host-type": "physical", identity: "none", edition: null });
    for (const q of shipped.questions) {
      expect(q.prompt.length).toBeGreaterThan(5);
      expect(q.help.length).toBeGreaterThan(5);
      for (const c of q.choices) expect(c.meaning.length).toBeGreaterThan(2);
    }
  });

  it("draws at least one rule from each of the nine rows of the source table", () => {
    const rows = [
      "isolation",
      "operating-system",
      "guest-compatibility",
      "deployment",
      "updates",
      "persistent-storage",
      "load-balancing",
      "fault-tolerance",
      "networking",
    ];
    for (const row of rows) {
      expect(shipped.rules.filter((r) => r.source === `containers-vs-vm#${row}`).length, row).toBeGreaterThan(0);
    }
  });

  it("gives every rule a unique id, a reason and a source that exists", () => {
    const ids = shipped.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of shipped.rules) {
      const [page, section] = rule.source.split("#");
      expect(
        shipped.sources.find((p) => p.id === page)?.sections.some((s) => s.id === section),
        rule.id,
      ).toBe(true);
      expect(rule.reason.trim()).not.toBe("");
      if (isExclusion(rule.effect))
        expect(rule.remedy, `${rule.id} says how the option could become possible`).toBeTruthy();
    }
  });

  it("references only questions and values that exist", () => {
    for (const rule of shipped.rules) {
      for (const clause of [...rule.when, ...rule.unless]) {
        for (const [question, values] of Object.entries(clause)) {
          const q = shipped.questions.find((x) => x.id === question);
          expect(q, `${rule.id}: ${question}`).toBeDefined();
          for (const v of values)
            expect(
              q!.choices.map((c) => c.value),
              `${rule.id}: ${question}=${v}`,
            ).toContain(v);
        }
      }
    }
  });

  it("prices in every cost of Hyper-V isolation", () => {
    const costs = shipped.rules.filter(
      (r) => r.effect.option === "hyperv-container" && !isExclusion(r.effect) && pointsOf(r.effect) < 0,
    );
    const sources = costs.map((r) => r.source);
    expect(sources).toContain("faq#licensing");
    // Slower start (twice: elastic load, fast recovery) and tools that do not work.
    expect(sources.filter((s) => s === "lift-shift-to-containers#important-concept-of-level-of-isolation").length).toBe(
      3,
    );
    // Density: less than process isolation gains (faq), more than a full VM.
    const atHighDensity = (option: string) =>
      shipped.rules
        .filter(
          (r) =>
            r.effect.option === option &&
            !isExclusion(r.effect) &&
            r.when.length === 1 &&
            Object.keys(r.when[0]!).join() === "density" &&
            r.when[0]!.density!.includes("high"),
        )
        .reduce((n, r) => n + (r.effect as { score: number }).score, 0);
    expect(atHighDensity("container")).toBeGreaterThan(atHighDensity("hyperv-container"));
    expect(atHighDensity("hyperv-container")).toBeGreaterThan(atHighDensity("vm"));
  });

  it("gives every weight a rationale", () => {
    for (const rule of shipped.rules) expect(rule.rationale, rule.id).toMatch(/\S/);
  });

  it("has a comparison row for each source row and each companion fact", () => {
    expect(shipped.comparison.map((r) => r.id)).toEqual([
      "isolation",
      "operating-system",
      "guest-compatibility",
      "deployment",
      "updates",
      "persistent-storage",
      "load-balancing",
      "fault-tolerance",
      "networking",
      "version-compatibility",
      "security-boundary",
      "startup-density",
      "orchestrators",
      "licensing",
    ]);
  });
});

describe("rule files that are wrong", () => {
  const file = "rules/isolation.json";
  const withRule = (patch: Record<string, unknown>) => ({
    rules: [{ ...goodRule, id: "hostile-needs-boundary", ...patch }],
  });

  it("names the file, the rule and the field for a wrong option", () => {
    const problems = problemsOf(() =>
      buildRuleSet(shipped, [
        [{ file, data: checkRuleFile(withRule({ effect: { option: "vms", exclude: true } }), file) }],
      ]),
    );
    expect(problems).toEqual([
      'rules/isolation.json: rule "hostile-needs-boundary": effect.option: "vms" is not one of vm, container, hyperv-container (did you mean vm?)',
    ]);
  });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      "unknown question",
      { "bad.json": withRule({ when: { workloda: "web" } }) },
      /bad\.json: rule "hostile-needs-boundary": when: unknown question "workloda" \(did you mean workload\?\)/,
    ],
    [
      "unknown value",
      { "bad.json": withRule({ when: { boundary: "hostle" } }) },
      /rule "hostile-needs-boundary": when\.boundary: "hostle" is not one of trusted, internal, hostile \(did you mean hostile\?\)/,
    ],
    [
      "missing source",
      { "bad.json": { rules: [{ id: "no-source", effect: { option: "vm", score: 1 }, reason: "x" }] } },
      /bad\.json: rule "no-source": source: is required/,
    ],
    [
      "source that does not exist",
      { "bad.json": withRule({ source: "containers-vs-vm#isolaton" }) },
      /source: page "containers-vs-vm" has no section "isolaton" \(did you mean isolation\?\)/,
    ],
    ["duplicate id", { "bad.json": { rules: [goodRule, goodRule] } }, /bad\.json: rule "house-rule": duplicate id/],
    [
      "duplicate id across files of one folder",
      { "a.json": { rules: [goodRule] }, "b.json": { rules: [goodRule] } },
      /b\.json: rule "house-rule": duplicate id \(also defined in .*a\.json\)/,
    ],
    ["not JSON", { "bad.json": '{ "rules": [ }' }, /bad\.json: not valid JSON/],
    [
      "a score and an exclusion at once",
      { "bad.json": withRule({ effect: { option: "vm", score: 1, exclude: true } }) },
      /effect: expected one of "score"/,
    ],
    [
      "a fractional score",
      { "bad.json": withRule({ effect: { option: "vm", score: 1.5 } }) },
      /effect\.score: expected a whole number/,
    ],
    [
      "an unknown field",
      { "bad.json": withRule({ weight: 3 }) },
      /rule "hostile-needs-boundary": weight: unknown field/,
    ],
    [
      "rules that are not a list",
      { "bad.json": { rules: { id: "x" } } },
      /bad\.json: rules: expected a list, got an object/,
    ],
    ["an empty reason", { "bad.json": withRule({ reason: "  " }) }, /reason: must not be empty/],
    [
      "a remedy on a score",
      { "bad.json": withRule({ remedy: "do x" }) },
      /remedy: only an exclusion rule can have a remedy/,
    ],
    [
      "disabling a rule that does not exist",
      { "bad.json": { disable: ["hostile-favours-vn"] } },
      /disable "hostile-favours-vn": no such rule \(did you mean hostile-favours-vm\?\)/,
    ],
    [
      "a question id that ends in a dash",
      { "bad.json": { questions: [{ id: "gpu-", prompt: "?", choices: [{ value: "a", label: "A", meaning: "a" }] }] } },
      /question "gpu-": id: expected lower-case letters and digits in words joined by single dashes, not starting with "no-"/,
    ],
    [
      "a question id that reads as a negation",
      {
        "bad.json": { questions: [{ id: "no-gpu", prompt: "?", choices: [{ value: "a", label: "A", meaning: "a" }] }] },
      },
      /question "no-gpu": id: expected .*not starting with "no-"/,
    ],
    [
      "a value id with two dashes in a row",
      {
        "bad.json": { questions: [{ id: "gpu", prompt: "?", choices: [{ value: "a--b", label: "A", meaning: "a" }] }] },
      },
      /choices\[0\]\.value: expected lower-case letters/,
    ],
  ];
  it.each(cases)("rejects %s with a readable message", (_name, files, expected) => {
    const problems = problemsOf(() => layer(files));
    expect(problems.join("\n")).toMatch(expected);
    for (const p of problems) {
      expect(p).not.toMatch(/\n|\s+at |"code":|ZodError/);
    }
  });

  it("reports every problem in a file, not just the first", () => {
    const problems = problemsOf(() =>
      layer({
        "bad.json": {
          rules: [
            { ...goodRule, id: "a", when: { nope: "x" } },
            { ...goodRule, id: "b", source: "nowhere#x" },
          ],
        },
      }),
    );
    expect(problems).toHaveLength(2);
  });

  it("never lets keys like __proto__ pollute objects", () => {
    const text =
      '{"rules":[{"id":"p","when":{"__proto__":{"polluted":true},"workload":"web"},"effect":{"option":"vm","score":1},"reason":"r","source":"containers-vs-vm#isolation"}]}';
    const problems = problemsOf(() => layer({ "proto.json": text }));
    // JSON.parse makes "__proto__" an own key, so no prototype is touched either way: what can go
    // wrong is the key reaching a rule as a question id, and that is what must be refused.
    expect(problems).toEqual([
      expect.stringMatching(/proto\.json: rule "p": when\.__proto__: the key "__proto__" is not allowed/),
    ]);
  });
});

describe("layering policy files over the shipped rules", () => {
  it("adds rules and replaces a preference by id", () => {
    const replaced = shipped.rules.find((r) => r.id === "hyperv-tooling-gaps")!;
    const changedRule = {
      id: replaced.id,
      when: { density: "high" },
      effect: { option: "hyperv-container", score: -5 },
      reason: replaced.reason,
      source: replaced.source,
    };
    const ruleSet = layer({ "policy.json": { rules: [goodRule, changedRule] } });
    expect(ruleSet.rules.find((r) => r.id === "house-rule")).toBeDefined();
    const changed = ruleSet.rules.find((r) => r.id === "hyperv-tooling-gaps")!;
    expect(changed.effect).toEqual({ option: "hyperv-container", score: -5 });
    expect(changed.file).toMatch(/policy\.json$/);
    expect(ruleSet.rules).toHaveLength(shipped.rules.length + 1);
  });

  it("replaces only the fields an override restates", () => {
    const original = shipped.rules.find((r) => r.id === "databases-prefer-vms")!;
    const ruleSet = layer({
      "weight.json": { rules: [{ id: "databases-prefer-vms", effect: { option: "vm", score: 5 } }] },
    });
    const changed = ruleSet.rules.find((r) => r.id === "databases-prefer-vms")!;
    expect(changed).toMatchObject({
      effect: { option: "vm", score: 5 },
      reason: original.reason,
      source: original.source,
      when: original.when,
    });
    expect(changed.file).toMatch(/weight\.json$/);
    // A new rule must be whole.
    expect(
      problemsOf(() => layer({ "new.json": { rules: [{ id: "brand-new", effect: { option: "vm", score: 1 } }] } })),
    ).toEqual([
      expect.stringMatching(/new\.json: rule "brand-new": reason: is required$/),
      expect.stringMatching(/new\.json: rule "brand-new": source: is required$/),
    ]);
  });

  it("disables a preference", () => {
    const ruleSet = layer({ "policy.json": { disable: ["hyperv-tooling-gaps"] } });
    expect(ruleSet.rules.some((r) => r.id === "hyperv-tooling-gaps")).toBe(false);
  });

  it("refuses to disable a hard fact without the explicit override", () => {
    const problems = problemsOf(() => layer({ "policy.json": { disable: ["hostile-excludes-process-isolation"] } }));
    expect(problems.join("\n")).toMatch(
      /disable "hostile-excludes-process-isolation": this rule is a hard fact \(it excludes container\); to disable it anyway, write \{ "id": "hostile-excludes-process-isolation", "override": "hard-fact" \}/,
    );
    const ruleSet = layer({
      "policy.json": { disable: [{ id: "hostile-excludes-process-isolation", override: "hard-fact" }] },
    });
    expect(ruleSet.rules.some((r) => r.id === "hostile-excludes-process-isolation")).toBe(false);
  });

  it("refuses to replace a hard fact without the explicit override", () => {
    const weakened = {
      ...goodRule,
      id: "kubernetes-excludes-hyperv-isolation",
      effect: { option: "hyperv-container", score: -1 },
    };
    expect(problemsOf(() => layer({ "p.json": { rules: [weakened] } })).join("\n")).toMatch(
      /replaces a hard fact .*add "override": "hard-fact"/,
    );
    const ruleSet = layer({ "p.json": { rules: [{ ...weakened, override: "hard-fact" }] } });
    expect(ruleSet.rules.find((r) => r.id === weakened.id)!.effect).toEqual({ option: "hyperv-container", score: -1 });
  });

  it("applies shipped rules, then the config, then --rules", async () => {
    const dir = tmp();
    const rule = (score: number) => ({ rules: [{ ...goodRule, effect: { option: "vm", score } }] });
    mkdirSync(join(dir, "policy"));
    writeFileSync(join(dir, "policy", "base.json"), JSON.stringify(rule(5)));
    writeFileSync(join(dir, "override.json"), JSON.stringify(rule(9)));
    writeFileSync(join(dir, "vmvc.config.json"), JSON.stringify({ rules: ["policy"] }));
    const fromConfig = await loadRuleSet({ rulePaths: [], cwd: dir });
    expect(fromConfig.rules.find((r) => r.id === "house-rule")!.effect).toEqual({ option: "vm", score: 5 });
    const withFlag = await loadRuleSet({ rulePaths: ["override.json"], cwd: dir });
    expect(withFlag.rules.find((r) => r.id === "house-rule")!.effect).toEqual({ option: "vm", score: 9 });
  });

  it("reads the policy from package.json when there is no vmvc.config.json", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "house.json"), JSON.stringify({ rules: [goodRule] }));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", vmvc: { rules: ["house.json"] } }));
    const ruleSet = await loadRuleSet({ rulePaths: [], cwd: dir });
    expect(ruleSet.rules.some((r) => r.id === "house-rule")).toBe(true);
  });

  it("reads package.json only for its own key, and names it when it cannot be read", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "x", description: "uses vmvc", scripts: { vmvc: "vmvc" } }),
    );
    expect(await loadRuleSet({ rulePaths: [], cwd: dir })).toBe(shippedRuleSet());
    writeFileSync(join(dir, "package.json"), "{ not json");
    expect(await loadRuleSet({ rulePaths: [], cwd: dir })).toBe(shippedRuleSet());
    // It mentions vmvc, so it may hold a policy: skipping it would drop that policy in silence.
    writeFileSync(join(dir, "package.json"), '{ "vmvc": { "rules": [ }');
    await expect(loadRuleSet({ rulePaths: [], cwd: dir })).rejects.toThrow(
      "package.json: not valid JSON: line 1, column 24",
    );
  });

  it("accepts custom questions and values, and evaluates rules on them", () => {
    const ruleSet = layer({
      "policy.json": {
        questions: [
          {
            id: "data-classification",
            prompt: "How sensitive is the data?",
            help: "Our policy",
            choices: [
              { value: "public", label: "Public", meaning: "anyone may see it" },
              { value: "restricted", label: "Restricted", meaning: "customer data" },
            ],
          },
          { id: "workload", choices: [{ value: "ml", label: "ML training", meaning: "GPU jobs" }] },
        ],
        sources: [
          {
            id: "house-policy",
            title: "Our hosting policy",
            url: "https://intranet.example/policy",
            sections: [{ id: "customer-data", title: "Customer data" }],
          },
        ],
        rules: [
          {
            id: "restricted-data-in-vms",
            when: { "data-classification": "restricted" },
            effect: { option: "container", exclude: true },
            reason: "Customer data stays out of shared kernels.",
            remedy: "Reclassify the data.",
            source: "house-policy#customer-data",
          },
        ],
      },
    });
    expect(ruleSet.questions.map((q) => q.id)).toContain("data-classification");
    expect(ruleSet.questions.find((q) => q.id === "workload")!.choices.map((c) => c.value)).toContain("ml");
    const c = compile(ruleSet);
    const open = evaluate(c, { ...baseAnswers, "data-classification": "public" });
    const closed = evaluate(c, { ...baseAnswers, "data-classification": "restricted" });
    expect(open.recommendation).toBe("container");
    expect(closed.options.find((o) => o.id === "container")!.eligible).toBe(false);
    expect(closed.reasons.find((r) => r.rule === "restricted-data-in-vms")!.source).toBe("house-policy#customer-data");
  });
});

describe("question defaults", () => {
  it("start the host on the newest release and the guest on the host's version", () => {
    const byId = (id: string) => shipped.questions.find((q) => q.id === id)!;
    expect(byId("host-os").default).toBe(byId("host-os").choices.at(-1)!.value);
    expect(byId("guest-os").defaultFrom).toBe("host-os");
  });

  it("must name one of the question's values, and another question", () => {
    const problems = problemsOf(() =>
      layer({
        "policy.json": {
          questions: [
            {
              id: "owner",
              prompt: "Whose?",
              default: "theirs",
              defaultFrom: "owner",
              choices: [{ value: "ours", label: "Ours", meaning: "ours" }],
            },
          ],
        },
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/question "owner": default: "theirs" is not one of ours/),
      expect.stringMatching(/question "owner": defaultFrom: "owner" is not another question/),
    ]);
  });
});

describe("the options file", () => {
  it("must name each option once, in the options and in the tie-break order", async () => {
    const { checkOptionsFile } = await import("../src/ruleset/validate.js");
    const options = shipped.options.map(({ id, label, short }) => ({ id, label, short }));
    const tieBreakReason = "Ties go to the first.";
    expect(() =>
      checkOptionsFile({ options, tieBreak: ["vm", "vm", "container"], tieBreakReason }, "rules/options.json"),
    ).toThrow(/rules\/options\.json: tieBreak: must list each option id once/);
    expect(() =>
      checkOptionsFile(
        { options: [options[0], options[0], options[1]], tieBreak: shipped.tieBreak, tieBreakReason },
        "rules/options.json",
      ),
    ).toThrow(/options: must list each/);
    expect(
      checkOptionsFile({ options, tieBreak: shipped.tieBreak, tieBreakReason }, "rules/options.json").tieBreak,
    ).toEqual(shipped.tieBreak);
  });
});

describe("rule and config files from the real world", () => {
  const dir = tmp;
  const policy = {
    rules: [
      {
        id: "house-rule",
        when: { workload: "web" },
        effect: { option: "vm", score: 2 },
        reason: "Ours.",
        source: "containers-vs-vm#isolation",
      },
    ],
  };

  it("rejects a key given twice, which JSON.parse would let the second win, with its line", () => {
    const d = dir();
    writeFileSync(join(d, "twice.json"), '{\n  "rules": [],\n  "rules": []\n}\n');
    expect(problemsOf(() => readTier(join(d, "twice.json")))).toEqual([
      expect.stringMatching(/twice\.json: a key is given twice in one object, at line 3, column 3/),
    ]);
  });

  it.each([
    [
      "UTF-8 with a BOM (Set-Content -Encoding UTF8)",
      (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]),
    ],
    [
      "UTF-16 LE with a BOM (Windows PowerShell's > and Out-File)",
      (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]),
    ],
    [
      "UTF-16 BE with a BOM",
      (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, "utf16le").swap16()]),
    ],
  ])("reads a rule file written as %s", (_name, encode) => {
    const d = dir();
    writeFileSync(join(d, "policy.json"), encode(JSON.stringify(policy)));
    expect(buildRuleSet(shipped, [readTier(d)]).rules.some((r) => r.id === "house-rule")).toBe(true);
  });

  it("does not follow links to folders, so a link back up cannot loop", () => {
    const d = dir();
    writeFileSync(join(d, "policy.json"), JSON.stringify(policy));
    symlinkSync(d, join(d, "self"));
    symlinkSync(d, join(d, "again"));
    expect(readTier(d).map((l) => l.file.split("/").pop())).toEqual(["policy.json"]);
  });

  it("reads a folder named like a rule file as a folder, and refuses a link to a device", () => {
    const d = dir();
    mkdirSync(join(d, "x.json"));
    writeFileSync(join(d, "x.json", "policy.json"), JSON.stringify(policy));
    expect(readTier(d)).toHaveLength(1);
    symlinkSync("/dev/zero", join(d, "zero.json"));
    expect(problemsOf(() => readTier(d)).join("\n")).toMatch(/zero\.json: not a regular file/);
  });

  it("refuses a FIFO in a rules folder at once, and names a link to a missing file", () => {
    // Opening a FIFO waits for a writer: a loader that opens it blocking hangs every command.
    const d = dir();
    writeFileSync(join(d, "policy.json"), JSON.stringify(policy));
    execFileSync("mkfifo", [join(d, "pipe.json")]);
    symlinkSync(join(d, "gone.json"), join(d, "dangling.json"));
    const problems = problemsOf(() => readTier(d)).join("\n");
    expect(problems).toMatch(/pipe\.json: not a regular file/);
    expect(problems).toMatch(/dangling\.json: no such file \(a link to one that is missing\)/);
  });

  it("reads a file named twice once", async () => {
    const d = dir();
    writeFileSync(join(d, "policy.json"), JSON.stringify(policy));
    writeFileSync(join(d, "vmvc.config.json"), JSON.stringify({ rules: ["policy.json"] }));
    const ruleSet = await loadRuleSet({ rulePaths: ["policy.json", join(d, "policy.json")], cwd: d });
    expect(ruleSet.rules.filter((r) => r.id === "house-rule")).toHaveLength(1);
  });
});

describe("values a policy adds to a shipped question", () => {
  const addTo = (question: string, choice: Record<string, string>) =>
    layer({
      "policy.json": {
        questions: [{ id: question, choices: [{ label: "Added", meaning: "a value the policy adds", ...choice }] }],
      },
    });
  const eligible = (ruleSet: ReturnType<typeof layer>, answers: Record<string, string>) =>
    evaluate(compile(ruleSet), answers)
      .options.filter((o) => o.eligible)
      .map((o) => o.id)
      .sort();

  it("fail closed: every option a shipped hard fact governs through that question is ruled out for it", () => {
    // Reasoning, from the hard facts as the sources state them: a hard fact reads a question when
    // its conditions name it. Any option such a fact can rule out must be ruled out for a value
    // the fact does not know, whatever the other answers, since nothing says the fact passes.
    for (const question of shipped.questions) {
      const governed = new Set(
        shipped.rules
          .filter((r) => isExclusion(r.effect) && [...r.when, ...r.unless].some((c) => Object.hasOwn(c, question.id)))
          .map((r) => r.effect.option),
      );
      const ruleSet = addTo(question.id, { value: "added-value" });
      for (const hostOs of ["2016", "2022", "2025"]) {
        const left = eligible(ruleSet, { ...baseAnswers, "host-os": hostOs, [question.id]: "added-value" });
        for (const option of governed) expect(left, `${question.id}: ${option}`).not.toContain(option);
      }
    }
  });

  it("rules out all three for a guest OS no hard fact knows, and says how to fix it", () => {
    // The guest's version decides process isolation (must match the host), Hyper-V isolation
    // (no newer than the host) and VMs (a 2025 guest needs a 2022 host): none can pass "ubuntu".
    const ruleSet = addTo("guest-os", { value: "ubuntu" });
    for (const hostOs of ["2016", "2019", "2022", "2025"])
      expect(eligible(ruleSet, { ...baseAnswers, "host-os": hostOs, "guest-os": "ubuntu" })).toEqual([]);
    const result = evaluate(compile(ruleSet), { ...baseAnswers, "guest-os": "ubuntu" });
    expect(result.reasons.find((r) => r.rule === "unknown-guest-os-ubuntu-rules-out-vm")?.remedy).toMatch(/"as"/);
    // Answers the policy did not touch are unchanged.
    expect(evaluate(compile(ruleSet), baseAnswers).recommendation).toBe(
      evaluate(compile(shipped), baseAnswers).recommendation,
    );
  });

  it('with "as", inherit the rules of the value named', () => {
    // A 2025 host runs process-isolated 2022 and 2025 images and Hyper-V-isolated images up to
    // 2025 (version-compatibility); a host added "as" 2025 must do the same.
    // Docker rather than Kubernetes, which has no Hyper-V isolation.
    const ruleSet = addTo("host-os", { value: "next", as: "2025" });
    const answers = { ...baseAnswers, deploy: "docker", "host-os": "next" };
    expect(eligible(ruleSet, { ...answers, "guest-os": "2025" })).toEqual(["container", "hyperv-container", "vm"]);
    expect(eligible(ruleSet, { ...answers, "guest-os": "2019" })).toEqual(["hyperv-container", "vm"]);
    // Linux needs a VM, added "as" linux or not.
    const linuxLike = addTo("guest-os", { value: "ubuntu", as: "linux" });
    expect(eligible(linuxLike, { ...baseAnswers, "guest-os": "ubuntu" })).toEqual(["vm"]);
  });

  it('reject an "as" that names no existing value, or that sits on a new question', () => {
    expect(problemsOf(() => addTo("host-os", { value: "next", as: "2052" }))).toEqual([
      expect.stringMatching(
        /policy\.json: question "host-os": choices: value "next": as: "2052" is not one of 2016, 2019, 2022, 2025 \(did you mean/,
      ),
    ]);
    expect(
      problemsOf(() =>
        layer({
          "policy.json": {
            questions: [
              { id: "owner", prompt: "Whose?", choices: [{ value: "ours", label: "Ours", meaning: "ours", as: "x" }] },
            ],
          },
        }),
      ),
    ).toEqual([
      expect.stringMatching(/question "owner": choices: value "ours": as: only a value added to an existing question/),
    ]);
  });

  it('are reported by rules check when they have no "as"', async () => {
    const { checkRuleSet } = await import("../src/engine/check.js");
    const report = checkRuleSet(compile(addTo("boundary", { value: "partner" })));
    const finding = report.findings.find((f) => f.kind === "unknown-value");
    // Only process isolation has a hard fact on the boundary (hostile tenants).
    expect(finding?.message).toMatch(/value "partner" of --boundary .* rules out container;/);
    expect(
      checkRuleSet(compile(addTo("boundary", { value: "partner", as: "hostile" }))).findings.some(
        (f) => f.kind === "unknown-value",
      ),
    ).toBe(false);
  });
});
