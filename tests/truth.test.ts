import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../src/engine/certainty.js";
import { compile } from "../src/engine/compile.js";
import { recommendIndex, createScratch, sweep, decode } from "../src/engine/evaluate.js";
import { advise, questionsThatMatter } from "../src/engine/explain.js";
import type { Answers } from "../src/engine/model.js";
import { RuleSetError } from "../src/errors.js";
import { problemLine } from "../src/problems.js";
import { buildRuleSet } from "../src/ruleset/layer.js";
import { readTier } from "../src/ruleset/load.js";
import { cli } from "./helpers/cli.js";
import { allFlags, baseAnswers, compiled, shipped } from "./helpers/shipped.js";

// Issue 21, "every sentence true": each sentence rests on the section it cites, the facts an
// expert asks first are questions with a stated assumption, and a conflict between sources is
// said out loud as a caution. Expectations come from the source pages, quoted in the comments.

const rule = (id: string) => {
  const found = shipped.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};
const full: Answers = {
  ...baseAnswers,
  deploy: "docker",
  density: "medium",
  scaling: "steady",
  "update-cadence": "monthly",
  edition: "datacenter",
};
const fired = (answers: Answers) => advise(compiled, answers).reasons.map((r) => r.rule);

describe("section 1: wrong or overstated sentences, rewritten", () => {
  it.each([
    // "If an exploit uses an admin process to escape the container, then Microsoft considers it to be a non-security bug"
    ["hostile-excludes-process-isolation", /does not service an escape/, /admin process/],
    // "Uses an isolated view of a virtual network adapter ... the host's firewall is shared ... using less resources"
    ["shared-network-is-lighter", /network stack/, /isolated view of a host virtual adapter/],
    // "using fewer system resources"
    ["high-density-favours-process-isolation", /far fewer/, /fewer resources/],
    // "for existing databases, orchestration may become an overhead"
    ["databases-poor-in-containers", /orchestration becomes overhead/, /may become an overhead/],
    // printed for every server role: DHCP and file servers too, and a DC can be physical
    ["containers-cannot-join-a-domain", /has to be a VM|cannot be domain-joined/, /physical server/],
    // "configure the Windows hosts to always use Hyper-V isolation", for running multiple versions
    ["swarm-runs-hyperv-isolation", /absorbs/, /older than the hosts/],
    // "Not all tools work natively with Hyper-V isolation." (no kind of tool named)
    ["hyperv-tooling-gaps", /monitoring|debugging/, /Not every container tool/],
    // a 2025 host runs 2022 images (version-compatibility#windows-server-2025)
    [
      "non-windows-guest-excludes-process-isolation",
      /must be the host's Windows Server release/,
      /that the host accepts/,
    ],
    // the sources mention Linux containers under Hyper-V isolation: the exclusion is a scope choice
    ["non-windows-guest-excludes-hyperv-isolation", /gets its own Windows kernel/, /outside that scope/],
    // "Windows nodes are supported provided that the operating system is Windows Server 2022 or Windows Server 2025."
    ["kubernetes-2016-not-a-node-os", /never/, /not a supported Kubernetes node OS/],
  ])("%s", (id, wrong, right) => {
    expect(rule(id).reason).not.toMatch(wrong);
    expect(rule(id).reason).toMatch(right);
  });

  it("renames the Kubernetes 2016 rule after what the source says", () => {
    expect(shipped.rules.some((r) => r.id === "kubernetes-never-ran-on-2016")).toBe(false);
  });

  it("says elastic load favours containers, orchestrator or not, as the rule applies", () => {
    const help = shipped.questions.find((q) => q.id === "scaling")!.help;
    expect(help).not.toMatch(/orchestrator/);
    expect(rule("elastic-load-favours-containers").when).toEqual([{ scaling: ["elastic"] }]);
  });

  it("says what the rules in force are, in text, the decision record and the HTML report", async () => {
    const text = (await cli(["advise", ...allFlags(full)], { env: { COLUMNS: "400" } })).stdout;
    const markdown = (await cli(["advise", ...allFlags(full), "--format", "markdown"])).stdout;
    const html = (await cli(["assess", "examples/inventory/inventory.csv", "--format", "html"])).stdout;
    for (const out of [text, markdown, html]) {
      expect(out).not.toMatch(/Microsoft(&#39;|')s guidance/);
      expect(out).toMatch(
        /facts from Microsoft(&#39;|')s and Kubernetes(&#39;|') documentation, weights vmvc(&#39;|')s own/,
      );
    }
  });
});

describe("section 2: each citation on the section that holds the fact", () => {
  it.each([
    ["high-density-hyperv-leaner-than-vm", "container-security#kernel-isolation-with-hypervisor-isolated-containers"],
    ["local-state-survives-in-vms", "lift-shift-to-containers#stateful-applications"],
    ["elastic-load-favours-hyperv-containers", "hyperv-container#isolation-modes"],
    ["batch-jobs-suit-hyperv-containers", "hyperv-container#isolation-modes"],
    ["web-tiers-scale-out-in-hyperv-containers", "hyperv-container#isolation-modes"],
    ["services-run-in-hyperv-containers", "hyperv-container#isolation-modes"],
    ["standard-edition-counts-hyperv-containers", "editions-comparison-2022#locks-and-limits"],
    ["shared-network-is-lighter", "containers-vs-vm#networking"],
  ])("%s cites %s", (id, source) => expect(rule(id).source).toBe(source));

  it("gives the networking cells every section their words use", () => {
    const row = shipped.comparison.find((r) => r.id === "networking")!;
    expect(row.cellSources!.container).toEqual(
      expect.arrayContaining([
        "containers-vs-vm#networking",
        "network-isolation-security#isolation-with-network-namespaces",
        "network-isolation-security#customizing-default-port-acls",
      ]),
    );
    expect(row.cellSources!["hyperv-container"]).toEqual(
      expect.arrayContaining([
        "network-isolation-security#isolation-with-network-namespaces",
        "network-isolation-security#hyper-v-isolation",
        "network-isolation-security#customizing-default-port-acls",
      ]),
    );
  });

  it("declares the Kubernetes page's real sections, and titles the FAQ sections with the questions in the file", () => {
    const page = (id: string) => shipped.sources.find((p) => p.id === id)!;
    expect(page("kubernetes-windows").sections.map((s) => s.id)).toEqual([
      "windows-nodes-in-kubernetes",
      "windows-os-version-support",
    ]);
    const faq = Object.fromEntries(page("faq").sections.map((s) => [s.id, s.title]));
    expect(faq["kubernetes-versions"]).toBe("What of the Windows operating systems are supported in Kubernetes?");
    expect(faq["density-vs-isolation"]).toBe("As a developer, do I have to rewrite my app for each type of container?");
    expect(faq.gmsa).toBe("Can my Windows Server containers use gMSA?");
  });

  it("rewrites the close paraphrases of whole source sentences", () => {
    expect(rule("vm-runs-any-guest").reason).not.toMatch(/just about any operating system/);
    expect(rule("fast-recovery-orchestrated").reason).not.toMatch(/rapidly recreates/);
    expect(rule("server-roles-exclude-process-isolation").reason).not.toMatch(/removed from|not meant for containers/);
    const cell = shipped.comparison.find((r) => r.id === "networking")!.values.container!;
    expect(cell).not.toMatch(/^An isolated view of a host virtual adapter; the host's firewall is shared/);
  });

  it("cites only declared sections, in reasons, rationales and cells alike", () => {
    const declared = new Set(shipped.sources.flatMap((p) => p.sections.map((s) => `${p.id}#${s.id}`)));
    const cited = [
      ...shipped.rules.flatMap((r) => [
        r.source,
        ...`${r.reason} ${r.rationale ?? ""}`.matchAll(/[a-z0-9-]+#[a-z0-9-]+/g),
      ]),
      ...shipped.comparison.flatMap((row) => [row.source, ...Object.values(row.cellSources ?? {}).flat()]),
    ].map(String);
    expect(cited.filter((ref) => !declared.has(ref))).toEqual([]);
  });

  it("refuses a rule or a cell that cites a section its page does not declare", () => {
    const problems = (file: unknown) => {
      const dir = mkdtempSync(join(tmpdir(), "vmvc-truth-"));
      writeFileSync(join(dir, "policy.json"), JSON.stringify(file));
      try {
        buildRuleSet(shipped, [readTier(dir)]);
      } catch (error) {
        if (error instanceof RuleSetError) return error.problems.map(problemLine).join("\n");
        throw error;
      }
      return "";
    };
    const row = shipped.comparison[0]!;
    expect(
      problems({
        rules: [
          { id: "x", when: {}, effect: { option: "vm", score: 1 }, reason: "X.", source: "faq#density-vs-isolaton" },
        ],
      }),
    ).toMatch(/rule "x": source: page "faq" has no section "density-vs-isolaton"/);
    expect(
      problems({
        comparison: [
          {
            ...row,
            id: "extra",
            file: undefined,
            cellSources: { vm: ["kubernetes-windows#compatibility-and-limitations"] },
          },
        ].map(({ file: _file, ...r }) => r),
      }),
    ).toMatch(
      /comparison row "extra": cellSources\.vm: page "kubernetes-windows" has no section "compatibility-and-limitations"/,
    );
  });
});

describe("section 3: weights that follow their sources", () => {
  it("keeps the VM's failover point with fast recovery when nothing recreates a container", () => {
    // containers-vs-vm#fault-tolerance: only an orchestrator recreates containers on another node.
    const example = {
      ...full,
      "host-os": "2016",
      "guest-os": "2016",
      deploy: "manual",
      density: "high",
      storage: "local",
      recovery: "fast",
    };
    const rules = fired(example);
    expect(rules).toContain("restart-recovery-failover");
    expect(rules).not.toContain("fast-recovery-vm-reboots");
    expect(advise(compiled, example).recommendation).toBe("vm");
    for (const deploy of ["kubernetes", "swarm"]) {
      const orchestrated = fired({ ...full, deploy, recovery: "fast" });
      expect(orchestrated).toContain("fast-recovery-vm-reboots");
      expect(orchestrated).not.toContain("restart-recovery-failover");
    }
  });

  it("weighs monthly updates symmetrically, as every pair the sources say behave alike", () => {
    const points = (id: string) => ("score" in rule(id).effect ? (rule(id).effect as { score: number }).score : 0);
    expect(points("monthly-updates-cost-vms")).toBe(-points("monthly-updates-favour-images"));
    expect(points("frequent-updates-cost-vms")).toBe(-points("frequent-updates-favour-images"));
  });

  it("labels the default tie-break as vmvc's own, in the data and in the output", async () => {
    expect(shipped.tieBreakReason).toMatch(/No source ranks/);
    expect(shipped.tieBreakReason).toMatch(/vmvc's own conservative default/);
    // Find answers whose top two options tie under the default order.
    const scratch = createScratch(compiled);
    let tie: Answers | undefined;
    const fixed = Int32Array.from(shipped.questions, (q) =>
      q.assume === undefined ? -1 : q.choices.findIndex((c) => c.value === q.assume),
    );
    sweep(
      compiled,
      (codes) => {
        if (tie) return;
        const best = recommendIndex(compiled, codes, scratch);
        if (best === -1 || scratch.tieRule !== -1) return;
        const others = [0, 1, 2].filter((o) => o !== best && (scratch.excluded & (1 << o)) === 0);
        if (others.some((o) => scratch.scores[o] === scratch.scores[best])) tie = decode(compiled, codes);
      },
      fixed,
    );
    expect(tie).toBeDefined();
    const flags = Object.entries(tie!)
      .filter(([q]) => !shipped.questions.find((x) => x.id === q)!.assume)
      .flatMap(([q, v]) => [`--${q}`, v]);
    const text = (await cli(["advise", ...flags], { env: { COLUMNS: "400" } })).stdout;
    expect(text).toMatch(/settled by vmvc's own default order: No source ranks the options/);
  });
});

describe("section 4: conflicts between sources, said out loud as cautions", () => {
  const k8s2025 = { ...full, deploy: "kubernetes", "host-os": "2025", "guest-os": "2022" };

  it("cautions about a 2022 image on 2025 Kubernetes nodes, without moving a point", () => {
    // kubernetes-windows#windows-os-version-support: "the host OS version must match the container base image OS version"
    const advice = advise(compiled, k8s2025);
    expect(advice.recommendation).toBe("container");
    expect(advice.cautions.map((c) => c.rule)).toEqual(["kubernetes-strict-version-match"]);
    expect(advice.cautions[0]!.source).toBe("kubernetes-windows#windows-os-version-support");
    expect(advice.margin.verdict).not.toBe("clear");
    const without = structuredClone(shipped);
    without.rules = without.rules.filter((r) => r.id !== "kubernetes-strict-version-match");
    expect(advise(compile(without), k8s2025).options).toEqual(advice.options);
  });

  it("cautions about 2019 Kubernetes nodes, which the current page no longer lists", () => {
    const advice = advise(compiled, { ...full, deploy: "kubernetes", "host-os": "2019", "guest-os": "2019" });
    expect(advice.cautions.map((c) => c.rule)).toEqual(["kubernetes-2019-nodes-to-confirm"]);
  });

  it("shows the caution in the headline, under To confirm, and in JSON", async () => {
    const text = (await cli(["advise", ...allFlags(k8s2025)], { env: { COLUMNS: "400" } })).stdout;
    expect(text.split("\n")[0]).toMatch(
      /^Recommendation: Container with process isolation, score \d+, but Kubernetes documents a strict host\/image match: confirm your distribution runs ltsc2022 images on 2025 nodes \[1\]$/,
    );
    expect(text).not.toMatch(/a clear lead/);
    expect(text).toMatch(/\nTo confirm\n {2}\? Kubernetes documents/);
    const markdown = (await cli(["advise", ...allFlags(k8s2025), "--format", "markdown"])).stdout;
    expect(markdown).toMatch(/## To confirm\n\n- Kubernetes documents a strict host\/image match/);
    expect(markdown).not.toMatch(/a clear lead/);
    const json = JSON.parse((await cli(["advise", ...allFlags(k8s2025), "--json"])).stdout);
    expect(json.cautions).toEqual([
      {
        rule: "kubernetes-strict-version-match",
        option: "container",
        text: rule("kubernetes-strict-version-match").reason,
        source: "kubernetes-windows#windows-os-version-support",
        sourceUrl: "https://kubernetes.io/docs/concepts/windows/intro/#windows-os-version-support",
      },
    ]);
    const plain = JSON.parse((await cli(["advise", ...allFlags(full), "--json"])).stdout);
    expect(plain.cautions).toEqual([]);
  });

  it("lets a policy author write a caution too", () => {
    const dir = mkdtempSync(join(tmpdir(), "vmvc-truth-"));
    writeFileSync(
      join(dir, "policy.json"),
      JSON.stringify({
        rules: [
          {
            id: "our-patch-window",
            when: { "update-cadence": "continuous" },
            effect: { option: "container", caution: true },
            reason: "Our change board reviews every image rebuild: confirm the slot.",
            source: "containers-vs-vm#updates",
          },
        ],
      }),
    );
    const c = compile(buildRuleSet(shipped, [readTier(dir)]));
    const advice = advise(c, { ...baseAnswers, edition: "datacenter" });
    expect(advice.recommendation).toBe("container");
    expect(advice.cautions.map((r) => r.rule)).toEqual(["our-patch-window"]);
    expect(advice.options).toEqual(advise(compiled, { ...baseAnswers, edition: "datacenter" }).options);
  });
});

describe("section 5: the facts an expert asks first, as questions with a stated assumption", () => {
  it("takes the assumed values when they are not given, and says so without turning the advice into 'depends on'", async () => {
    const advice = advise(compiled, full);
    expect(advice.assumptions).toEqual({ devices: "none", "host-type": "physical", identity: "none" });
    expect(advice.assumed).toEqual({});
    expect(advice.certainty.share).toBe(1);
    expect(advice.certainty.dependsOn).toEqual([]);
    expect(advice.certainty.unknown).toEqual([]);
    const text = (await cli(["advise", ...allFlags(full)], { env: { COLUMNS: "400" } })).stdout;
    expect(text).toContain("Assumed: --devices none, --host-type physical, --identity none.");
    const markdown = (await cli(["advise", ...allFlags(full), "--format", "markdown"])).stdout;
    expect(markdown).toContain("Assumed: --devices none, --host-type physical, --identity none.");
    expect(markdown).toMatch(/\| Assumed: None \(`none`\), as it was not given \|/);
  });

  it("weighs every value of an assumed question the user is not sure of", () => {
    const advice = advise(compiled, { ...full, devices: UNKNOWN });
    expect(advice.assumptions).toEqual({ "host-type": "physical", identity: "none" });
    expect(advice.certainty.unknown).toEqual(["devices"]);
    expect(advice.certainty.combinations).toBe(3);
  });

  it("lists the assumptions in assess outputs", async () => {
    const ndjson = (await cli(["assess", "examples/inventory/inventory.csv", "--format", "ndjson"])).stdout;
    const first = JSON.parse(ndjson.split("\n")[0]!);
    expect(first.assumptions).toEqual({ devices: "none", "host-type": "physical", identity: "none" });
    const markdown = (await cli(["assess", "examples/inventory/inventory.csv", "--format", "markdown"])).stdout;
    expect(markdown).toMatch(
      /## What was assumed\n\n(- .*\n)*- Assumed where the inventory does not say: --devices none \(\d+ workloads?\)/,
    );
  });

  it("keeps GPUs and other devices to process isolation on 2019 or later hosts", () => {
    // gpu-acceleration#hyper-v-isolated-windows-container-support: "not currently supported"
    for (const devices of ["gpu", "device"]) {
      const advice = advise(compiled, { ...full, devices });
      expect(advice.excluded.map((e) => e.option)).toEqual(["hyperv-container"]);
      // gpu-acceleration#prerequisites: "The container host must be running Windows Server 2019 ... or newer"
      const old = advise(compiled, { ...full, devices, "host-os": "2016", "guest-os": "2016" });
      expect(old.recommendation).toBe("vm");
      expect(old.excluded.map((e) => e.option).sort()).toEqual(["container", "hyperv-container"]);
    }
    expect(
      advise(compiled, { ...full, devices: "gpu" })
        .cautions.map((c) => c.rule)
        .sort(),
    ).toEqual(["gpu-directx-only", "gpu-needs-windows-base-image"]);
  });

  it("needs nested virtualization for Hyper-V isolation on hosts that are VMs", () => {
    // system-requirements#virtualized-container-hosts
    const hostile = { ...full, boundary: "hostile" };
    expect(advise(compiled, { ...hostile, "host-type": "vm" }).recommendation).toBe("vm");
    expect(advise(compiled, { ...hostile, "host-type": "nested-vm" }).recommendation).toBe("hyperv-container");
    expect(fired({ ...hostile, "host-type": "nested-vm" })).toContain("nested-virtualization-costs-hyperv");
    expect(advise(compiled, { ...full, "host-type": "vm" }).recommendation).toBe("container");
  });

  it("keeps domain members in VMs, and cautions about gMSA for Windows authentication", () => {
    // lift-shift-to-containers#active-directory: "Windows containers cannot be domain-joined"
    const joined = advise(compiled, { ...full, identity: "domain-join" });
    expect(joined.recommendation).toBe("vm");
    expect(joined.excluded.map((e) => e.option).sort()).toEqual(["container", "hyperv-container"]);
    // faq#gmsa: "gMSA is supported with domain-joined Windows worker nodes"
    const auth = advise(compiled, { ...full, identity: "windows-auth" });
    expect(auth.recommendation).toBe("container");
    expect(auth.cautions.map((c) => c.rule)).toEqual([
      "gmsa-needs-domain-joined-hosts",
      "msmq-ad-authentication-unsupported",
    ]);
  });

  it("knows SMB global mapping: 1709 or later, and open to everyone on the host", () => {
    // persistent-storage#smb-mounts
    expect(fired({ ...full, storage: "shared", "host-os": "2016", "guest-os": "2016" })).toEqual(
      expect.arrayContaining(["smb-global-mapping-needs-1709", "smb-global-mapping-needs-1709-hyperv"]),
    );
    expect(fired({ ...full, storage: "shared" })).not.toContain("smb-global-mapping-needs-1709");
    expect(advise(compiled, { ...full, storage: "shared", boundary: "internal" }).cautions.map((c) => c.rule)).toEqual([
      "smb-share-open-to-host",
    ]);
    expect(advise(compiled, { ...full, storage: "shared" }).cautions).toEqual([]);
  });

  it("asks an assumed question only when an answer to it could matter", () => {
    const unasked: Answers = { ...full };
    for (const id of ["devices", "host-type", "identity"]) delete unasked[id];
    // A desktop app only runs in a VM: devices, host VMs and Active Directory change nothing.
    expect(questionsThatMatter(compiled, { ...unasked, workload: "gui" }).map((q) => q.id)).toEqual([]);
    // Process isolation for trusted tenants survives a GPU and host VMs; only domain membership rules it out.
    expect(questionsThatMatter(compiled, unasked).map((q) => q.id)).toEqual(["identity"]);
    // Hyper-V isolation for hostile tenants falls to each of the three.
    expect(questionsThatMatter(compiled, { ...unasked, boundary: "hostile" }).map((q) => q.id)).toEqual([
      "devices",
      "host-type",
      "identity",
    ]);
  });
});

describe("section 6: not sure, worded exactly", () => {
  const text = async (answers: Answers) =>
    (await cli(["advise", ...allFlags(answers)], { env: { COLUMNS: "400" } })).stdout;

  it("counts the host versions the user left open, not host × edition combinations", async () => {
    // A 2022 guest: a 2016 host fits nothing (hyperv-supported-guests#windows-server-2022), the others do.
    const out = await text({ ...full, "host-os": UNKNOWN, edition: UNKNOWN });
    expect(out).toContain("Nothing fits for 1 of the 4 answers to the host version (2016).");
    expect(out).not.toMatch(/Nothing fits in \d+ of them/);
  });

  it("counts the guest values that fail: 2 of 6 on a 2016 host", async () => {
    const out = await text({ ...full, "host-os": "2016", "guest-os": UNKNOWN });
    expect(out).toContain("Nothing fits for 2 of the 6 answers to the OS it needs (2022, 2025).");
  });

  it("names the answers the advice holds for, not a percentage of completions", async () => {
    const out = await text({ ...full, boundary: UNKNOWN });
    expect(out).toContain("The advice for 2 of the 3 answers to the tenants on the hosts (trusted, internal).");
    expect(out).not.toMatch(/67%/);
  });

  it("says 'the only option left' only where it holds in every completion", async () => {
    const open = await text({ ...full, "host-os": "2016", "guest-os": UNKNOWN });
    expect(open).not.toContain("It is the only option left");
    expect(open).toContain("In the case shown it is the only option left");
    const alone = await text({ ...full, workload: "gui" });
    expect(alone).toContain("It is the only option left");
  });
});
