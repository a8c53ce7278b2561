import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENGLISH, loadLocale } from "../src/i18n/index.js";
import { compareMarkdown } from "../src/render/compare-formats.js";
import { linkNote } from "../src/render/report.js";
import { wrap } from "../src/render/wrap.js";
import { cli } from "./helpers/cli.js";
import { ruleSet } from "./helpers/factory.js";
import { baseAnswers } from "./helpers/shipped.js";
import { tmp } from "./helpers/tmp.js";

// The renderers in French, checked against what French requires, not against what they print:
// French headings, a narrow no-break space (U+202F) before : ; ! ? and %, a decimal comma, digits
// grouped with U+202F, CLDR's plural (0 and 1 take the singular), and English pages said to be so.

const NNBSP = "\u202f";
const fr = await loadLocale("fr");
const flags = (answers: Record<string, string>): string[] => Object.entries(answers).flatMap(([q, v]) => [`--${q}`, v]);
// Hostile tenants on Kubernetes: process isolation and Hyper-V isolation are both ruled out (the
// boundary, then Kubernetes' lack of Hyper-V isolation), so a VM is the only option left.
const hostile = { ...baseAnswers, boundary: "hostile", edition: "datacenter" };

/** A plain space before a French double punctuation mark: always a typographic fault. */
const LOOSE_PUNCTUATION = / [:;!?%](?=\s|$)/m;

describe("advise in French", () => {
  it("heads the text with French words, each colon after a narrow no-break space", async () => {
    const run = await cli(["advise", "--lang", "fr", ...flags(hostile)]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(new RegExp(`^Recommandation${NNBSP}: `));
    expect(lines).toContain("Options exclues");
    expect(lines).toContain("Ce qui changerait la recommandation");
    expect(lines).toContain("Sources");
    expect(lines.some((l) => l.startsWith(`Pourquoi${NNBSP}: `))).toBe(true);
    // The English headings are gone.
    for (const english of ["Recommendation:", "Ruled out", "What would change this", "Why: "])
      expect(run.stdout).not.toContain(english);
    expect(run.stdout).not.toMatch(LOOSE_PUNCTUATION);
  });

  // A French what-if names its flag, then a narrow space and a colon, and quotes each answer's
  // label: a label may itself contain « ou » (« Application de bureau ou RDP »).
  it("writes each what-if with French punctuation and the answers in guillemets", async () => {
    const run = await cli(["advise", "--lang", "fr", "--width", "200", ...flags(hostile)]);
    const whatIfs = run.stdout.split("\n").filter((l) => /^ {2}--[a-z-]+ \S+/.test(l));
    expect(whatIfs.length).toBeGreaterThan(0);
    for (const line of whatIfs) {
      expect(line).toMatch(
        new RegExp(`^  --[a-z-]+ [a-z0-9|-]+${NNBSP}: «${NNBSP}.+${NNBSP}» .*au lieu de «${NNBSP}.+${NNBSP}» → `),
      );
      expect(line).not.toMatch(/ ou [A-Z]/);
    }
  });

  it("marks each link to an English page « (en anglais) », in French only", async () => {
    const french = await cli(["advise", "--lang", "fr", ...flags(hostile)]);
    const links = french.stdout.split("\n").filter((l) => l.trim().startsWith("https://"));
    expect(links.length).toBeGreaterThan(0);
    // A French page (fr-fr) where its section's French anchor is known, else the English one, marked.
    for (const line of links)
      if (line.includes("/fr-fr/")) expect(line).not.toContain("anglais");
      else expect(line).toMatch(/ \(en anglais\)$/);
    expect(links.some((l) => l.includes("/fr-fr/"))).toBe(true);
    expect(links.some((l) => l.endsWith(" (en anglais)"))).toBe(true);
    const english = await cli(["advise", "--lang", "en", ...flags(hostile)]);
    expect(english.stdout).not.toContain("anglais");
  });

  it("writes the decision record in French, and says in its JSON which language it speaks", async () => {
    const md = await cli(["advise", "--lang", "fr", "--format", "markdown", ...flags(hostile)]);
    const lines = md.stdout.split("\n");
    expect(lines[0]).toMatch(new RegExp(`^# Décision d’hébergement${NNBSP}: `));
    for (const heading of ["## Contexte", "## Décision", "## Options envisagées", "## Conséquences", "## Sources"])
      expect(lines).toContain(heading);
    expect(lines).toContain("| Question | Réponse |");
    expect(md.stdout).not.toMatch(LOOSE_PUNCTUATION);
    const json = JSON.parse((await cli(["advise", "--lang", "fr", "--json", ...flags(hostile)])).stdout);
    expect(json.lang).toBe("fr");
    // Ids and values are the public contract: the same in every language.
    expect(json.recommendation).toBe("vm");
    expect(json.margin.verdict).toBe("only-option");
  });

  it("says the firmness in plain words, in English too (issue 23 §3)", async () => {
    const md = await cli(["advise", "--format", "markdown", ...flags(hostile)]);
    expect(md.stdout).not.toMatch(/single different answer|on points|close behind/);
  });
});

describe("French plurals and numbers", () => {
  it("takes the singular for 0 and 1, as CLDR says French does", () => {
    expect(fr.messages.listing.listEnd(0)).toMatch(/^0\u00a0règle\. /);
    expect(fr.messages.listing.listEnd(1)).toMatch(/^1\u00a0règle\. /);
    expect(fr.messages.listing.listEnd(2)).toMatch(/^2\u00a0règles\. /);
    expect(fr.messages.advice.margin(1, "X", 3, "", "un choix serré", "")).toMatch(/^1\u00a0point d’avance sur X/);
    expect(fr.messages.advice.margin(5, "X", 3, "", "une avance modérée", "")).toMatch(/^5\u00a0points d’avance/);
  });

  it("groups digits with a narrow no-break space and writes a decimal comma", () => {
    const checked = fr.messages.listing.checked(25_194_240, 98, 0.48);
    expect(checked).toContain(`25${NNBSP}194${NNBSP}240\u00a0combinaisons`);
    expect(checked).toContain("0,48\u00a0s");
    // The English is as it was: comma grouping, a decimal point.
    expect(ENGLISH.messages.listing.checked(25_194_240, 98, 0.48)).toBe(
      "Checked 25,194,240 combinations of answers against 98 rules in 0.48 s.",
    );
  });
});

describe("compare in French", () => {
  it("heads the table's first column « Critère » and lists the sources after it", async () => {
    const run = await cli(["compare", "--lang", "fr"], { terminalColumns: 100 });
    expect(run.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    const lines = run.stdout.replace(/\x1b\[[0-9;]*m/g, "").split("\n");
    expect(lines[1]).toMatch(/^│ Critère +│/);
    expect(lines).toContain("Sources");
    expect(run.stdout).not.toContain("Feature");
  });

  it("writes a French Markdown table and JSON that names its language", async () => {
    const md = (await cli(["compare", "--lang", "fr", "--format", "markdown"])).stdout.split("\n");
    expect(md[0]).toMatch(/^\| Critère \| /);
    expect(md).toContain(`Sources${NNBSP}:`);
    expect(JSON.parse((await cli(["compare", "--lang", "fr", "--json"])).stdout).lang).toBe("fr");
    expect(JSON.parse((await cli(["compare", "--json"])).stdout).lang).toBe("en");
  });

  it("marks a link to an English page, and not one to a French page (linkLang)", () => {
    // A French rule set (sourceInfo gives each link's linkLang from the pages' French URL and anchors).
    const set = { ...ruleSet([]), lang: "fr" as const };
    set.sources = [
      { ...set.sources[0]!, id: "en", sections: [{ id: "s", title: "Section", anchor: "s" }] },
      {
        ...set.sources[0]!,
        id: "fr",
        localUrl: "https://example.com/fr/test",
        sections: [{ id: "s", title: "Section" }],
      },
      // A section whose anchor on the French page is known.
      {
        ...set.sources[0]!,
        id: "mixed",
        localUrl: "https://example.com/fr/test",
        sections: [{ id: "s", title: "Section", anchor: "s", localAnchor: "s-fr" }],
      },
      // A French page whose section's French anchor is not known: the English page, with its anchor.
      {
        ...set.sources[0]!,
        id: "unanchored",
        localUrl: "https://example.com/fr/test",
        sections: [{ id: "s", title: "Section", anchor: "s" }],
      },
    ];
    expect(linkNote(set, "en#s", fr)).toBe(" (en anglais)");
    expect(linkNote(set, "fr#s", fr)).toBe("");
    expect(linkNote(set, "mixed#s", fr)).toBe("");
    expect(linkNote(set, "unanchored#s", fr)).toBe(" (en anglais)");
    expect(linkNote(set, "en#s", ENGLISH)).toBe("");
    set.comparison = [{ id: "row", feature: "Ligne", source: "en#s", values: { a: "x", b: "y", c: "z" }, file: "t" }];
    const list = compareMarkdown(set, set.comparison, fr).split("\n");
    expect(list).toContain(`1. [Test${NNBSP}: Section](https://example.com/test#s) (en anglais)`);
  });
});

describe("assess's reports in French", () => {
  const input = "examples/inventory/inventory.csv";

  it("declares French in the HTML and heads it in French", async () => {
    const dir = tmp();
    const run = await cli(["assess", input, "--lang", "fr", "--output", join(dir, "r.html")]);
    expect(run.code).toBe(0);
    const page = readFileSync(join(dir, "r.html"), "utf8");
    expect(page).toContain('<html lang="fr">');
    // The apostrophe as HTML writes text from the catalogue: &#39;.
    expect(page).toContain("<h1>Évaluation de l’hébergement</h1>");
    expect(page).toContain("<h2>Recommandations</h2>");
    expect(page).toContain("<h2>Hypothèses retenues</h2>");
    await cli(["assess", input, "--output", join(dir, "e.html")]);
    expect(readFileSync(join(dir, "e.html"), "utf8")).toContain('<html lang="en">');
  });

  it("gives the Markdown report's shares with a decimal comma and a narrow space before %", async () => {
    const dir = tmp();
    await cli(["assess", input, "--output", join(dir, "e.md")]);
    await cli(["assess", input, "--lang", "fr", "--output", join(dir, "f.md")]);
    const english = readFileSync(join(dir, "e.md"), "utf8");
    const french = readFileSync(join(dir, "f.md"), "utf8").split("\n");
    expect(french[0]).toBe("# Évaluation de l’hébergement");
    expect(french).toContain("## Recommandations");
    expect(french).toContain("| Résultat | Charges de travail | Part |");
    // The same shares, written the French way: 40.0% is 40,0 %.
    const shares = [...english.matchAll(/\| (\d+)\.(\d)% \|$/gm)].map((m) => `| ${m[1]},${m[2]}${NNBSP}% |`);
    expect(shares.length).toBeGreaterThan(2);
    for (const share of shares) expect(french.some((l) => l.endsWith(share))).toBe(true);
  });
});

describe("wrapping French text", () => {
  it("never separates a word from its : ; ! ? % or », nor « from its word", () => {
    const text = `Attention${NNBSP}: la réserve${NNBSP}; vraiment${NNBSP}! pourquoi${NNBSP}? 67${NNBSP}% ${fr.format.quote("conteneur")} fin`;
    for (let width = 4; width <= 30; width++)
      for (const line of wrap(text, width)) {
        expect(line, `width ${width}`).not.toMatch(/^[:;!?%»]/);
        expect(line, `width ${width}`).not.toMatch(/«$/);
      }
    expect(wrap(text, 10)).toContain(`Attention${NNBSP}:`);
    expect(wrap(text, 10)).toContain(`67${NNBSP}%`);
  });

  it("keeps a number with its noun (U+00A0), as format.count joins them", () => {
    expect(wrap(`sur ${fr.format.count(19_440, { one: "règle", other: "règles" })} en tout`, 6)).toContain(
      `19${NNBSP}440\u00a0règles`,
    );
  });
});
