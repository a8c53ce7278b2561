import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inOtherLanguage, sourceInfo } from "../src/engine/sources.js";
import { shippedRuleSet } from "../src/ruleset/index.js";
import { ruleTextsJsonSchema } from "../src/ruleset/json-schema.js";
import { loadShippedTextsFromDisk } from "../src/ruleset/load.js";
import { RuleSetError } from "../src/errors.js";
import { cli, ROOT } from "./helpers/cli.js";
import { tmp } from "./helpers/tmp.js";
// @ts-expect-error -- a plain script, without types
import { LIMIT, longestInFolder, SEED } from "../scripts/seed-overlap.mjs";

const english = shippedRuleSet();
const french = shippedRuleSet("fr");
const FR = join(ROOT, "rules/fr");

/** Every rules/fr file, read as plain JSON: what the translators wrote, apart from the loader under test. */
type Texts = Record<string, Record<string, Record<string, unknown>>>;
const written: Texts = {};
let tieBreakReason: unknown;
for (const name of readdirSync(FR).filter((n) => n.endsWith(".json"))) {
  const data = JSON.parse(readFileSync(join(FR, name), "utf8")) as Texts;
  tieBreakReason ??= (data as unknown as { tieBreakReason?: unknown }).tieBreakReason;
  for (const [kind, entries] of Object.entries(data))
    if (typeof entries === "object") written[kind] = { ...written[kind], ...entries };
}
const text = (kind: string, id: string, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], written[kind]?.[id]);

const isText = (value: unknown): boolean => typeof value === "string" && value.trim() !== "";

describe("the shipped rules in French", () => {
  it("have a French text for every rule, question, choice, option, tie-break, cell, source and section", () => {
    const missing: string[] = [];
    const need = (what: string, value: unknown) => void (isText(value) || missing.push(what));
    for (const r of english.rules) {
      need(`rule ${r.id} reason`, text("rules", r.id, "reason"));
      if (r.remedy !== undefined) need(`rule ${r.id} remedy`, text("rules", r.id, "remedy"));
      if (r.rationale !== undefined) need(`rule ${r.id} rationale`, text("rules", r.id, "rationale"));
    }
    for (const q of english.questions) {
      for (const field of ["prompt", "help", "topic"])
        need(`question ${q.id} ${field}`, text("questions", q.id, field));
      for (const c of q.choices)
        for (const field of ["label", "meaning"])
          need(`question ${q.id} choice ${c.value} ${field}`, text("questions", q.id, "choices", c.value, field));
    }
    for (const o of english.options)
      for (const field of ["label", "short"]) need(`option ${o.id} ${field}`, text("options", o.id, field));
    for (const t of english.tieBreaks) need(`tie-break ${t.id}`, text("tieBreaks", t.id, "reason"));
    need("tieBreakReason", tieBreakReason);
    for (const row of english.comparison) {
      need(`row ${row.id} feature`, text("comparison", row.id, "feature"));
      for (const option of Object.keys(row.values))
        need(`row ${row.id} cell ${option}`, text("comparison", row.id, "values", option));
    }
    for (const page of english.sources) {
      need(`source ${page.id} title`, text("sources", page.id, "title"));
      for (const s of page.sections)
        need(`source ${page.id} section ${s.id}`, text("sources", page.id, "sections", s.id, "title"));
    }
    expect(missing).toEqual([]);
  });

  it("loads with lang fr with every text in French and the logic untouched", () => {
    expect(french.lang).toBe("fr");
    expect(french.options.map((o) => o.label)).toEqual([
      "Machine virtuelle (Hyper-V)",
      "Conteneur à isolation des processus",
      "Conteneur à isolation Hyper-V",
    ]);
    // Same ids, conditions and effects: a translation changes words only.
    const logic = (set: typeof english) => ({
      rules: set.rules.map(({ id, when, unless, effect, source }) => ({ id, when, unless, effect, source })),
      questions: set.questions.map((q) => [q.id, q.choices.map((c) => c.value)]),
      tieBreak: set.tieBreak,
      tieBreaks: set.tieBreaks.map(({ id, when, order }) => ({ id, when, order })),
    });
    expect(logic(french)).toEqual(logic(english));
    expect(english.lang).toBeUndefined();
    expect(english.options[0]!.label).toBe("Virtual machine (Hyper-V)");
  });

  it("write French typography: a narrow no-break space before : ; ? ! and inside « »", () => {
    const wrong: string[] = [];
    const walk = (value: unknown, where: string): void => {
      if (typeof value === "string") {
        // A plain or no-break space where French wants U+202F, or none at all.
        if (/[ \u00a0][:;?!%]|«[ \u00a0]|[ \u00a0]»|[^\s\u202f/]«|«[^\u202f]|[^\u202f]»/u.test(value))
          wrong.push(`${where}: ${value}`);
        if (/\p{L}[;?!]/u.test(value)) wrong.push(`${where}: ${value}`);
        return;
      }
      if (typeof value === "object" && value !== null)
        for (const [k, v] of Object.entries(value)) if (k !== "url" && k !== "$schema") walk(v, `${where}.${k}`);
    };
    for (const name of readdirSync(FR).filter((n) => n.endsWith(".json")))
      walk(JSON.parse(readFileSync(join(FR, name), "utf8")), name);
    expect(wrong).toEqual([]);
  });

  it(`share no run of ${LIMIT} words with the French seed page`, () => {
    const best = longestInFolder(FR, readFileSync(SEED, "utf8")) as { length: number; run: string };
    expect(best.length, `"${best.run}"`).toBeLessThan(LIMIT);
  });
});

/**
 * How Learn makes a heading's anchor: Markdig's GitHub-style identifiers, which docfx uses by
 * default. Letters (accented ones kept) and digits lowercased, each space a dash, "-" and "_"
 * kept, everything else (apostrophes, colons, periods) dropped.
 */
const learnAnchor = (heading: string): string =>
  [...heading].map((c) => (c === " " ? "-" : /[\p{L}\p{N}_-]/u.test(c) ? c.toLowerCase() : "")).join("");

describe("source links in French", () => {
  const seedLines = readFileSync(SEED, "utf8").split("\n");

  it("derive Learn's anchors from French headings the way Learn does", () => {
    expect(learnAnchor("Containers vs. virtual machines")).toBe("containers-vs-virtual-machines");
    expect(learnAnchor("Architecture d’ordinateurs virtuels")).toBe("architecture-dordinateurs-virtuels");
    expect(learnAnchor("Qu’est-ce que c’est ?")).toBe("quest-ce-que-cest-");
  });

  it("land on the French page's table, whose heading is « Conteneurs ou machines virtuelles »", () => {
    const heading = "Conteneurs ou machines virtuelles";
    // The seed's table follows this heading (the page's title says the same, above it).
    expect(seedLines.indexOf(heading, 1)).toBeGreaterThan(0);
    expect(seedLines[seedLines.indexOf(heading, 1) + 2]).toMatch(/^Le tableau suivant/);
    const page = english.sources.find((p) => p.id === "containers-vs-vm")!;
    for (const section of page.sections) {
      const info = sourceInfo(french, `containers-vs-vm#${section.id}`);
      expect(info.url).toBe(
        `https://learn.microsoft.com/fr-fr/virtualization/windowscontainers/about/containers-vs-vm#${learnAnchor(heading)}`,
      );
      expect(info.linkLang).toBe("fr");
      expect(inOtherLanguage(info, "fr")).toBe(false);
    }
  });

  it("keep the English page and its anchor where the French anchor is unknown, and say it is English", () => {
    const info = sourceInfo(french, "version-compatibility#windows-server-2022");
    expect(info.url).toBe(sourceInfo(english, "version-compatibility#windows-server-2022").url);
    expect(info.url).toContain("/en-us/");
    expect(info.url).toContain("#windows-server-host-os-compatibility");
    expect(info.linkLang).toBe("en");
    expect(inOtherLanguage(info, "fr")).toBe(true);
    // The section title is French even when the page it leads to is not.
    expect(info.section).toBe("Compatibilité des hôtes\u202f: Windows Server 2022");
  });

  it("link the French page of a section that has no anchor in either language", () => {
    const info = sourceInfo(french, "faq#licensing");
    expect(info.url).toBe("https://learn.microsoft.com/fr-fr/virtualization/windowscontainers/about/faq");
    expect(info.linkLang).toBe("fr");
  });

  it("are English in English", () => {
    const info = sourceInfo(english, "containers-vs-vm#isolation");
    expect(info.url).toContain("/en-us/");
    expect(info.linkLang).toBe("en");
    expect(inOtherLanguage(info, "en")).toBe(false);
  });
});

describe("texts files", () => {
  it("have their schema committed in schema/, as the build makes it", () => {
    const committed = JSON.parse(readFileSync(join(ROOT, "schema/rule-texts.schema.json"), "utf8"));
    expect(committed).toEqual(ruleTextsJsonSchema());
    expect(readFileSync(join(ROOT, "schema/rule-texts.schema.json"), "utf8")).toBe(
      readFileSync(join(ROOT, "dist/rule-texts.schema.json"), "utf8"),
    );
  });

  /** A copy of rules/ to break. */
  const shippedCopy = (): string => {
    const dir = tmp();
    mkdirSync(join(dir, "fr"));
    for (const name of readdirSync(join(ROOT, "rules")).filter((n) => n.endsWith(".json"))) {
      writeFileSync(join(dir, name), readFileSync(join(ROOT, "rules", name)));
      writeFileSync(join(dir, "fr", name), readFileSync(join(FR, name)));
    }
    return dir;
  };
  const problemsOf = (dir: string) => {
    try {
      loadShippedTextsFromDisk("fr", dir, "rules");
    } catch (error) {
      if (error instanceof RuleSetError) return error.problems;
      throw error;
    }
    return [];
  };
  const edit = (dir: string, name: string, change: (data: Texts) => void) => {
    const data = JSON.parse(readFileSync(join(dir, "fr", name), "utf8")) as Texts;
    change(data);
    writeFileSync(join(dir, "fr", name), JSON.stringify(data));
  };

  it("refuse a text for an id the English file does not define, naming file, entity and field", () => {
    const dir = shippedCopy();
    edit(dir, "questions.json", (d) => {
      d.questions!["no-such-question"] = { prompt: "Quoi ?" };
      (d.questions!.workload!.choices as Record<string, unknown>)["no-such-value"] = { label: "Rien" };
    });
    edit(dir, "options.json", (d) => {
      d.options!.vm!.colour = "bleu";
    });
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: join("rules", "fr", "questions.json"),
        entry: 'question "no-such-question"',
        code: "unknown-text",
        severity: "error",
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        entry: 'question "workload"',
        path: "choices.no-such-value.label",
        code: "unknown-text",
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: join("rules", "fr", "options.json"), entry: 'option "vm"', path: "colour" }),
    );
  });

  it("make a missing shipped French text an error, and a missing file too", () => {
    const dir = shippedCopy();
    edit(dir, "comparison.json", (d) => {
      delete (d.comparison!.isolation!.values as Record<string, string>).vm;
    });
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: join("rules", "fr", "comparison.json"),
        entry: 'comparison row "isolation"',
        path: "values.vm",
        code: "missing-translation",
        severity: "error",
      }),
    ]);
    const other = shippedCopy();
    writeFileSync(join(other, "fr", "sources.json"), "{}");
    expect(problemsOf(other)[0]).toMatchObject({ file: join("rules", "fr", "sources.json"), path: "lang" });
  });
});

describe("a policy's French texts", () => {
  const policy = () => {
    const dir = tmp();
    mkdirSync(join(dir, "fr"));
    writeFileSync(
      join(dir, "house.json"),
      JSON.stringify({
        sources: [
          { id: "house", title: "House policy", url: "https://example.com/p", sections: [{ id: "a", title: "A" }] },
        ],
        rules: [
          {
            id: "house-prefers-vm",
            effect: { option: "vm", score: 2 },
            reason: "House policy: VMs first.",
            rationale: "A small nudge.",
            source: "house#a",
          },
        ],
      }),
    );
    return dir;
  };
  const writeFr = (dir: string, data: unknown) =>
    writeFileSync(join(dir, "fr", "house.json"), JSON.stringify({ lang: "fr", ...(data as object) }));

  it("come from fr/ beside its files, and are used in French", async () => {
    const dir = policy();
    writeFr(dir, {
      rules: {
        "house-prefers-vm": { reason: "Règle maison\u202f: les VM d’abord.", rationale: "Un léger coup de pouce." },
      },
      sources: { house: { title: "Règle maison", url: "https://example.com/fr/p", sections: { a: { title: "A" } } } },
    });
    const run = await cli(["rules", "show", "house-prefers-vm", "--rules", dir, "--lang", "fr", "--json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ reason: "Règle maison\u202f: les VM d’abord." });
    const en = await cli(["rules", "show", "house-prefers-vm", "--rules", dir, "--json"]);
    expect(JSON.parse(en.stdout)).toMatchObject({ reason: "House policy: VMs first." });
  });

  it("that are missing are rules check warnings, and the English is used", async () => {
    const dir = policy();
    writeFr(dir, { rules: { "house-prefers-vm": { reason: "Règle maison\u202f: les VM d’abord." } } });
    const run = await cli(["rules", "check", "--rules", dir, "--lang", "fr", "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { problems: unknown[] };
    const file = join(dir, "fr", "house.json");
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: "warning",
          code: "missing-translation",
          file,
          entry: 'rule "house-prefers-vm"',
          path: "rationale",
        }),
        expect.objectContaining({ code: "missing-translation", file, entry: 'source "house"', path: "title" }),
        expect.objectContaining({
          code: "missing-translation",
          file,
          entry: 'source "house"',
          path: "sections.a.title",
        }),
      ]),
    );
    // --lang fr: the shell's prefix and separators are French (narrow no-break space before the colon).
    expect(run.stderr).toContain(`avertissement\u202f: ${file}\u202f: rule "house-prefers-vm"\u202f: rationale\u202f:`);
    const strict = await cli(["rules", "check", "--rules", dir, "--lang", "fr", "--strict"]);
    expect(strict.code).toBe(1);
    const show = await cli(["rules", "show", "house-prefers-vm", "--rules", dir, "--lang", "fr", "--json"]);
    expect(JSON.parse(show.stdout)).toMatchObject({
      reason: "Règle maison\u202f: les VM d’abord.",
      rationale: "A small nudge.",
    });
  });

  it("refuse a text for a rule the policy file does not define", async () => {
    const dir = policy();
    writeFr(dir, { rules: { "house-prefers-vms": { reason: "Faute de frappe" } } });
    const run = await cli(["rules", "show", "house-prefers-vm", "--rules", dir, "--lang", "fr"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, "fr", "house.json")}\u202f: rule "house-prefers-vms"\u202f:`);
    expect(run.stderr).toContain("(did you mean house-prefers-vm?)");
  });

  it("are checked by rules validate, which names the texts file", async () => {
    const dir = policy();
    writeFr(dir, { rules: { "house-prefers-vm": { remedy: "Aucun remède : ce n’est pas une exclusion." } } });
    const run = await cli(["rules", "validate", dir, "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0].problems).toEqual([
      expect.objectContaining({
        code: "unknown-text",
        file: join(dir, "fr", "house.json"),
        entry: 'rule "house-prefers-vm"',
        path: "remedy",
      }),
    ]);
  });

  it("are not rule files: a folder's fr/ is not read as rules in English", async () => {
    const dir = policy();
    writeFr(dir, { rules: { "house-prefers-vm": { reason: "Règle maison\u202f: les VM d’abord." } } });
    const run = await cli(["rules", "validate", dir]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
