import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleFileJsonSchema } from "../src/ruleset/json-schema.js";
import { cli, ROOT, STACK } from "./helpers/cli.js";
import { shipped } from "./helpers/shipped.js";
import { tmp } from "./helpers/tmp.js";

const write = (dir: string, name: string, data: unknown) => {
  writeFileSync(join(dir, name), typeof data === "string" ? data : JSON.stringify(data, null, 2));
  return join(dir, name);
};
const scenario = [
  "--workload",
  "web",
  "--boundary",
  "hostile",
  "--host-os",
  "2022",
  "--guest-os",
  "2022",
  "--deploy",
  "docker",
  "--density",
  "medium",
  "--scaling",
  "steady",
  "--update-cadence",
  "monthly",
  "--storage",
  "none",
  "--recovery",
  "fast",
  "--network",
  "shared",
];
const recommend = async (args: string[], cwd?: string) => {
  const run = await cli(["advise", ...args, "--json"], cwd ? { cwd } : {});
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as {
    recommendation: string;
    options: { id: string; score: number; eligible: boolean }[];
  };
};

describe("vmvc rules list and show", () => {
  it("lists every rule, and filters by option, question and source", async () => {
    const all = JSON.parse((await cli(["rules", "list", "--json"])).stdout);
    expect(all).toHaveLength(shipped.rules.length);
    const hyperv = JSON.parse((await cli(["rules", "list", "--json", "--option", "hyperv-container"])).stdout);
    expect(hyperv.length).toBeGreaterThan(5);
    expect(hyperv.every((r: { option: string }) => r.option === "hyperv-container")).toBe(true);
    const byQuestion = JSON.parse((await cli(["rules", "list", "--json", "--question", "boundary"])).stdout);
    expect(byQuestion.map((r: { id: string }) => r.id)).toContain("hostile-excludes-process-isolation");
    const bySource = JSON.parse((await cli(["rules", "list", "--json", "--source", "faq"])).stdout);
    expect(bySource.every((r: { source: string }) => r.source.startsWith("faq#"))).toBe(true);
    const wide = await cli(["rules", "list"], { terminalColumns: 160 });
    expect(wide.stdout).toContain("hostile-excludes-process-isolation");
    const narrow = await cli(["rules", "list"], { terminalColumns: 100, env: { NO_COLOR: "1" } });
    for (const line of narrow.stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(100);
    // Ids are never broken: each stands whole on a line of its own.
    expect(narrow.stdout.split("\n")).toContain("non-windows-guest-excludes-process-isolation");
  });

  it("prints one rule a line, tab-separated, into a pipe, so grep finds whole ids", async () => {
    const piped = await cli(["rules", "list"]);
    const lines = piped.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(shipped.rules.length);
    const rule = shipped.rules.find((r) => r.id === "process-isolation-on-2016-host")!;
    expect(lines).toContain(`${rule.id}\t${rule.effect.option}\texcluded\t${rule.source}`);
  });

  it("rejects unknown filters with a suggestion", async () => {
    const run = await cli(["rules", "list", "--option", "vmm"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--option "vmm" is not one of vm, container, hyperv-container \(did you mean vm\?\)/);
  });

  it("shows one rule in full with its link", async () => {
    const run = await cli(["rules", "show", "kubernetes-excludes-hyperv-isolation"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("excluded (a hard fact)");
    expect(run.stdout).toContain("deploy is kubernetes");
    expect(run.stdout).toContain("https://kubernetes.io/docs/concepts/windows/intro/#windows-nodes-in-kubernetes");
    const json = JSON.parse((await cli(["rules", "show", "kubernetes-excludes-hyperv-isolation", "--json"])).stdout);
    expect(json).toMatchObject({ option: "hyperv-container", effect: "excluded", file: "rules/operations.json" });
    const missing = await cli(["rules", "show", "kubernetes-excludes-hyperv"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /no rule "kubernetes-excludes-hyperv" \(did you mean kubernetes-excludes-hyperv-isolation\?\)/,
    );
  });
});

describe("vmvc rules validate and schema", () => {
  it("accepts the example policy and the shipped files", async () => {
    const run = await cli(["rules", "validate", "examples/policy"]);
    expect(run.code).toBe(0);
    // Its one optional question (--owner, 2 values) and the shipped --edition (2) stay open in a
    // scripted advice: 2 x 2; with every answer unknown, the shipped 25,194,240 (the three assumed
    // questions open too) times --owner's 2.
    expect(run.stdout).toBe(
      "examples/policy: ok (3 rules, 1 question, 0 disabled; answer space: 4 combinations with the optional questions left out, 50,388,480 with every answer unknown)\n",
    );
    // The shipped folder validates as the whole rule set it is: its options file, then its rules.
    const shippedRun = await cli(["rules", "validate", "rules/"]);
    expect(shippedRun).toMatchObject({ code: 0, stderr: "" });
    // Every answer unknown: 933,120 for the eleven questions, times 3 x 3 x 3 for the assumed ones.
    expect(shippedRun.stdout).toBe(
      `rules/: ok (${shipped.rules.length} rules, ${shipped.questions.length} questions, 0 disabled; answer space: 2 combinations with the optional questions left out, 25,194,240 with every answer unknown)\n`,
    );
  });

  it("names the file, the rule and the field, and suggests near misses", async () => {
    const dir = tmp();
    const file = write(dir, "bad.json", {
      rules: [
        {
          id: "x",
          when: { workloda: "web", boundary: "hostle" },
          effect: { option: "vms", score: 1 },
          reason: "r",
          source: "faq#licensing",
        },
      ],
    });
    const run = await cli(["rules", "validate", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'bad.json: rule "x": effect.option: "vms" is not one of vm, container, hyperv-container (did you mean vm?)',
    );
    expect(run.stderr).not.toMatch(STACK);
    write(dir, "bad.json", {
      rules: [
        {
          id: "x",
          when: { workloda: "web", boundary: "hostle" },
          effect: { option: "vm", score: 1 },
          reason: "r",
          source: "faq#licencing",
        },
      ],
    });
    const refs = await cli(["rules", "validate", file]);
    expect(refs.code).toBe(1);
    expect(refs.stderr).toContain('rule "x": when: unknown question "workloda" (did you mean workload?)');
    expect(refs.stderr).toContain(
      'rule "x": when.boundary: "hostle" is not one of trusted, internal, hostile (did you mean hostile?)',
    );
    expect(refs.stderr).toContain('rule "x": source: page "faq" has no section "licencing" (did you mean licensing?)');
  });

  it("prints the JSON Schema that ships in schema/", async () => {
    const run = await cli(["rules", "schema"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema).toEqual(JSON.parse(readFileSync(join(ROOT, "schema/rule-file.schema.json"), "utf8")));
    expect(schema).toEqual(JSON.parse(JSON.stringify(ruleFileJsonSchema())));
  });
});

describe("vmvc rules check", () => {
  it("finds nothing wrong with the shipped rules and summarises every combination", async () => {
    const run = await cli(["rules", "check", "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const total = shipped.questions.reduce((n, q) => n * q.choices.length, 1);
    expect(report.combinations).toBe(total);
    // Only one finding, and it is information: answers that nothing fits (old hosts, new guests).
    expect(report.findings.map((f: { kind: string; severity: string }) => `${f.severity} ${f.kind}`)).toEqual([
      "info nothing-fits",
    ]);
    expect(
      report.recommended.vm +
        report.recommended.container +
        report.recommended["hyperv-container"] +
        report.recommended.none,
    ).toBe(total);
    const text = await cli(["rules", "check", "--strict"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Checked ${total.toLocaleString("en-US")} combinations`);
    expect(text.stdout).toContain("0 errors, 0 warnings.");
  });

  it("reports combinations that nothing fits as information, with examples, and passes", async () => {
    const dir = tmp();
    write(dir, "no-vms.json", {
      rules: [
        {
          id: "no-vms-for-batch",
          when: { workload: "batch" },
          effect: { option: "vm", exclude: true },
          reason: "We never run batch jobs in VMs.",
          source: "containers-vs-vm#isolation",
        },
      ],
    });
    const run = await cli(["rules", "check", "--rules", dir, "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const finding = report.findings.find((f: { kind: string }) => f.kind === "nothing-fits");
    expect(finding.severity).toBe("info");
    expect(finding.count).toBe(report.recommended.none);
    expect(finding.examples.length).toBeGreaterThan(0);
    expect(report.errors).toBe(0);
  });

  it("finds a rule that never fires, a contradiction and an unreachable option; --strict fails on them", async () => {
    const dir = tmp();
    write(dir, "broken.json", {
      rules: [
        {
          id: "contradiction",
          when: { workload: "web" },
          unless: { workload: "web" },
          effect: { option: "vm", score: 1 },
          reason: "r",
          source: "containers-vs-vm#isolation",
        },
        {
          id: "pointless",
          when: { "guest-os": "linux" },
          effect: { option: "container", score: 5 },
          reason: "r",
          source: "containers-vs-vm#isolation",
        },
        {
          id: "never-hyperv",
          effect: { option: "hyperv-container", exclude: true },
          reason: "Not here.",
          remedy: "None.",
          source: "containers-vs-vm#isolation",
        },
      ],
    });
    const run = await cli(["rules", "check", "--rules", dir, "--json"]);
    expect(run.code).toBe(0);
    const kinds = JSON.parse(run.stdout).findings.map(
      (f: { kind: string; rule?: string; option?: string }) => `${f.kind}:${f.rule ?? f.option}`,
    );
    expect(kinds).toContain("contradiction:contradiction");
    expect(kinds).toContain("never-matters:pointless");
    expect(kinds).toContain("unreachable-option:hyperv-container");
    expect((await cli(["rules", "check", "--rules", dir, "--strict"])).code).toBe(1);
  });

  it("finds a rule whose conditions no answers can meet", async () => {
    const dir = tmp();
    write(dir, "dead.json", {
      rules: [
        {
          id: "dead",
          when: [{ workload: "web", "guest-os": "linux" }],
          unless: [{ "guest-os": "linux" }],
          effect: { option: "vm", score: 1 },
          reason: "r",
          source: "containers-vs-vm#isolation",
        },
      ],
    });
    const report = JSON.parse((await cli(["rules", "check", "--rules", dir, "--json"])).stdout);
    expect(
      report.findings.filter((f: { severity: string }) => f.severity !== "info").map((f: { kind: string }) => f.kind),
    ).toEqual(["contradiction"]);
  });
});

describe("vmvc rules check, at scale", () => {
  const manyRules = (n: number) => ({
    rules: Array.from({ length: n }, (_, i) => ({
      id: `r${i}`,
      when: { workload: "web" },
      effect: { option: "vm", score: 1 },
      reason: "Ours.",
      source: "containers-vs-vm#isolation",
    })),
  });

  it("refuses, with the figures, a sweep whose combinations times rules pass the bound", async () => {
    // The rules combine 699,840 combinations of the shipped questions (scaling, network, host-type and
    // identity are swept apart); times 3,000 + 82 rules that is over 2 billion: about 15 s of work.
    const run = await cli(["rules", "check", "--rules", write(tmp(), "many.json", manyRules(3_000))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /699,840 combinations of the questions that rules combine, times 3,0\d\d rules, is more than the 2,000,000,000 a check can sweep/,
    );
  });

  it("reports its progress to whoever asks, up to every combination", async () => {
    const [{ checkRuleSet, combinationCount }, { compile }] = await Promise.all([
      import("../src/engine/check.js"),
      import("../src/engine/compile.js"),
    ]);
    const c = compile(shipped);
    const heard: number[] = [];
    checkRuleSet(c, (done, total) => {
      expect(total).toBe(combinationCount(c));
      heard.push(done);
    });
    expect(heard.length).toBeGreaterThan(5);
    expect(heard.every((d, i) => i === 0 || d > heard[i - 1]!)).toBe(true);
    expect(heard.at(-1)).toBeLessThanOrEqual(combinationCount(c));
  });
});

describe("policies layered over the shipped rules", () => {
  it("changes the recommendation in examples/policy the way the README says", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain("--owner customer --json # vm");
    const plain = await recommend(scenario);
    expect(plain.recommendation).toBe("hyperv-container");
    const internal = await recommend([...scenario, "--rules", "examples/policy", "--owner", "internal"]);
    expect(internal.recommendation).toBe("hyperv-container");
    const customer = await recommend([...scenario, "--rules", "examples/policy", "--owner", "customer"]);
    expect(customer.recommendation).toBe("vm");
    expect(customer.options.filter((o) => o.eligible).map((o) => o.id)).toEqual(["vm"]);
  });

  it("takes a missing optional custom question as unknown, asks for a required one, and validates its values", async () => {
    // Optional, as in the example: left out, the advice says what hangs on it. Hostile tenants
    // rule out process isolation; customer workloads, by the policy, Hyper-V isolation too. So
    // each owner leads elsewhere, once each, and the tie goes to the option eligible in both: a VM.
    const leftOut = await recommend([...scenario, "--rules", "examples/policy"]);
    expect(leftOut.recommendation).toBe("vm");
    const run = await cli(["advise", ...scenario, "--rules", "examples/policy", "--json"]);
    expect(JSON.parse(run.stdout).certainty.dependsOn).toEqual([
      { question: "owner", byValue: { internal: "hyperv-container", customer: "vm" } },
    ]);
    // Required, as a policy may make it.
    const dir = tmp();
    const policy = JSON.parse(readFileSync(join(ROOT, "examples/policy/customer-workloads.json"), "utf8"));
    delete policy.questions[0].optional;
    delete policy.$schema;
    write(dir, "customer-workloads.json", policy);
    write(dir, "sources.json", readFileSync(join(ROOT, "examples/policy/sources.json"), "utf8"));
    const missing = await cli(["advise", ...scenario, "--rules", dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--owner <internal|customer|unknown>");
    const wrong = await cli(["advise", ...scenario, "--rules", "examples/policy", "--owner", "custmer"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'error: --owner "custmer" is not one of internal, customer, unknown (did you mean customer?)\n',
    );
  });

  it("picks the policy up from vmvc.config.json in the working directory", async () => {
    const dir = tmp();
    write(dir, "vmvc.config.json", { rules: [join(ROOT, "examples/policy")] });
    expect((await recommend([...scenario, "--owner", "internal"], dir)).recommendation).toBe("hyperv-container");
    write(dir, "vmvc.config.json", { rules: "policy" });
    const bad = await cli(["advise", ...scenario], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/vmvc\.config\.json: expected \{ "rules"/);
    // Only commands read rules: a broken policy does not stop --version or the command list.
    expect(await cli(["--version"], { cwd: dir })).toMatchObject({ code: 0, stderr: "" });
    expect(await cli(["--help"], { cwd: dir })).toMatchObject({ code: 0, stderr: "" });
  });

  it("refuses to weaken a hard fact without the override, from the command line too", async () => {
    const dir = tmp();
    write(dir, "weak.json", { disable: ["hostile-excludes-process-isolation"] });
    const run = await cli(["advise", ...scenario, "--rules", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/weak\.json: disable "hostile-excludes-process-isolation": this rule is a hard fact/);
    expect(run.stderr).not.toMatch(STACK);
  });

  it("shows extra comparison rows from a policy", async () => {
    const dir = tmp();
    write(dir, "rows.json", {
      sources: [{ id: "ours", title: "Ours", url: "https://example.com", sections: [{ id: "cost", title: "Cost" }] }],
      comparison: [
        {
          id: "cost",
          feature: "Monthly cost",
          source: "ours#cost",
          values: { vm: "High", container: "Low", "hyperv-container": "Medium" },
        },
      ],
    });
    const data = JSON.parse((await cli(["compare", "--json", "--rules", dir])).stdout);
    expect(data.rows.at(-1)).toMatchObject({ id: "cost", values: { vm: "High" } });
  });
});
