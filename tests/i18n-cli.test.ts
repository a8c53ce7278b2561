import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";
import { tmp } from "./helpers/tmp.js";

// The shell side in French (issue 24): how the language is chosen, help, commander's own words,
// errors, did-you-mean and the missing-answers message. Expectations come from what French
// requires (« Utilisation », « vouliez-vous dire », a narrow no-break space before : and ?),
// not from what the code prints.

const NNBSP = "\u202f";
/** The heading French help opens with: commander’s "Usage:" in French, with its typography. */
const FRENCH_USAGE = new RegExp(`^Utilisation${NNBSP}:`, "m");
const ENGLISH_USAGE = /^Usage:/m;
/** The words commander writes on its own, which French help must not show. */
const COMMANDER_ENGLISH = /Usage:|Options:|Commands:|Arguments:|display help|output the version|show help/;
/** A French error line: "erreur", a narrow no-break space, a colon. */
const FRENCH_ERROR = new RegExp(`^erreur${NNBSP}: `, "m");

/** A call that fails on a missing answer: its message is French or English as a whole. */
const MISSING = ["advise", "--no-input", "--workload", "web"];

describe("choosing the language, end to end", () => {
  it("--lang fr speaks French, in help and in errors", async () => {
    const help = await cli(["--lang", "fr", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(FRENCH_USAGE);
    const error = await cli([...MISSING, "--lang", "fr"]);
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(FRENCH_ERROR);
  });

  it("VMVC_LANG=fr speaks French, over an English LANG", async () => {
    const help = await cli(["--help"], { env: { VMVC_LANG: "fr", LANG: "en_US.UTF-8" } });
    expect(help.stdout).toMatch(FRENCH_USAGE);
    expect((await cli(MISSING, { env: { VMVC_LANG: "fr" } })).stderr).toMatch(FRENCH_ERROR);
  });

  it("LANG=fr_FR.UTF-8 speaks French", async () => {
    const env = { LANG: "fr_FR.UTF-8" };
    expect((await cli(["compare", "--help"], { env })).stdout).toMatch(FRENCH_USAGE);
    expect((await cli(MISSING, { env })).stderr).toMatch(FRENCH_ERROR);
  });

  it("LC_ALL=C over LANG=fr_FR.UTF-8 speaks English", async () => {
    const env = { LC_ALL: "C", LANG: "fr_FR.UTF-8" };
    const help = await cli(["--help"], { env, systemLocale: "fr-FR" });
    expect(help.stdout).toMatch(ENGLISH_USAGE);
    expect(help.stdout).not.toMatch(FRENCH_USAGE);
    expect((await cli(MISSING, { env })).stderr).toMatch(/^error: missing answers/m);
  });

  it("with no variable, takes the system's locale (Windows): fr-FR speaks French", async () => {
    expect((await cli(["--help"], { systemLocale: "fr-FR" })).stdout).toMatch(FRENCH_USAGE);
    expect((await cli(MISSING, { systemLocale: "fr-FR" })).stderr).toMatch(FRENCH_ERROR);
    expect((await cli(["--help"], { systemLocale: "en-US" })).stdout).toMatch(ENGLISH_USAGE);
  });

  it("an unknown language is English, silently; a value that is no language is a usage error", async () => {
    const unknown = await cli(["--lang", "xx", "--help"], { systemLocale: "fr-FR" });
    expect(unknown.code).toBe(0);
    expect(unknown.stdout).toMatch(ENGLISH_USAGE);
    expect(unknown.stderr).toBe("");
    for (const bad of ["f r", "12", "fr!"]) {
      const malformed = await cli(["--lang", bad, "compare"]);
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toMatch(/^error: --lang .* is not a language/m);
      expect(malformed.stdout).toBe("");
    }
  });

  it("a wrong --width is said in the language --lang asks for, though --width is read before it", async () => {
    const run = await cli(["--width", "5", "--lang", "fr", "compare"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(FRENCH_ERROR);
    expect(run.stderr).toContain("--width");
    expect(run.stderr).not.toMatch(/whole number/);
  });
});

describe("French help", () => {
  const commands = [
    ["advise"],
    ["assess"],
    ["compare"],
    ["rules"],
    ["rules", "list"],
    ["rules", "show"],
    ["rules", "validate"],
    ["rules", "schema"],
    ["rules", "check"],
    ["completion"],
    [],
  ];
  for (const words of commands) {
    it(`vmvc ${words.join(" ") || "(the program)"} --help is French, commander's words included`, async () => {
      const run = await cli([...words, "--help", "--lang", "fr"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(FRENCH_USAGE);
      expect(run.stdout).toMatch(new RegExp(`^Options${NNBSP}:`, "m"));
      expect(run.stdout).toContain("afficher l’aide");
      expect(run.stdout).not.toMatch(COMMANDER_ENGLISH);
      // Our own English lines: the examples' heading, exit codes, "print JSON".
      expect(run.stdout).not.toMatch(/Examples:|Exit codes|print JSON|only rules/);
      // French typography: no colon glued to a word or after a plain space, outside code and URLs.
      // advise's list of questions is rule text (rules/), French only where the rules have it.
      const prose = run.stdout
        .split(/^Questions \(/m)[0]!
        .split("\n")
        .filter((line) => !/^\s+\$ |https?:|\{ "rules"/.test(line))
        .join("\n");
      expect(prose).not.toMatch(/[\p{L})] :/u);
      expect(prose).not.toMatch(/\p{Ll}: /u);
    });
  }

  it("lists the commands under « Commandes » with help's own command in French", async () => {
    const run = await cli(["help", "--lang", "fr"]);
    expect(run.stdout).toMatch(new RegExp(`^Commandes${NNBSP}:`, "m"));
    expect(run.stdout).toMatch(/help \[commande\]\s+afficher l’aide d’une commande/);
  });

  it("names an argument's placeholder in French and its choices as « valeurs possibles »", async () => {
    const run = await cli(["assess", "--help", "--lang", "fr"]);
    expect(run.stdout).toMatch(new RegExp(`^Arguments${NNBSP}:`, "m"));
    expect(run.stdout).toContain("<fichier>");
    expect(run.stdout).toContain(`valeurs possibles${NNBSP}:`);
    expect(run.stdout).not.toContain("choices:");
  });
});

describe("French errors", () => {
  it("says did-you-mean in French, for our own checks and commander's", async () => {
    const value = await cli(["advise", "--workload", "wbe", "--lang", "fr"]);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain(`(vouliez-vous dire web${NNBSP}?)`);
    const flag = await cli(["advise", "--wrkload", "web", "--lang", "fr"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(FRENCH_ERROR);
    expect(flag.stderr).toContain(`«${NNBSP}--wrkload${NNBSP}»`);
    expect(flag.stderr).toContain(`vouliez-vous dire --workload${NNBSP}?`);
    expect(flag.stderr).not.toMatch(/unknown option|Did you mean/);
    const format = await cli(["compare", "--format", "tabel", "--lang", "fr"]);
    expect(format.stderr).toContain(`(vouliez-vous dire table${NNBSP}?)`);
  });

  it("says commander's other errors in French: a missing argument, one too many", async () => {
    const missing = await cli(["rules", "show", "--lang", "fr"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(FRENCH_ERROR);
    expect(missing.stderr).toContain("il manque");
    expect(missing.stderr).not.toMatch(/missing required/);
    const extra = await cli(["completion", "bash", "zsh", "--lang", "fr"]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain("trop d’arguments");
    expect(extra.stderr).not.toMatch(/too many/);
  });

  it("gives the missing-answers message in French, naming each flag and why nothing was asked", async () => {
    const run = await cli([...MISSING, "--lang", "fr"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(FRENCH_ERROR);
    expect(run.stderr).toContain("il manque des réponses");
    // Why not: --no-input, as given; then the flags still needed, ids unchanged.
    expect(run.stderr).toContain("--no-input");
    expect(run.stderr).toMatch(/--boundary <trusted\|internal\|hostile\|unknown>/);
    expect(run.stderr).not.toMatch(/missing answers|not asking/);
  });

  it("keeps ids, flags and values as they are in a French message", async () => {
    const run = await cli(["compare", "--rows", "isolaton", "--lang", "fr"]);
    expect(run.stderr).toContain("--rows");
    expect(run.stderr).toContain("isolation, operating-system");
  });

  it("says a policy problem in French, file first, with its code unchanged in JSON", async () => {
    const dir = tmp("vmvc-i18n-cli-");
    writeFileSync(join(dir, "vmvc.config.json"), '{"rules": 3}');
    const run = await cli(["compare", "--lang", "fr"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^erreur${NNBSP}: vmvc\\.config\\.json${NNBSP}: attendu`, "m"));
    const missing = await cli(["rules", "validate", join(dir, "nowhere"), "--lang", "fr", "--json"], { cwd: dir });
    expect(JSON.parse(missing.stdout)[0].problems[0].code).toBe("missing-path");
  });

  it("says assess's column warnings in French, the plural following the count", async () => {
    const dir = tmp("vmvc-i18n-cli-");
    const one = join(dir, "one.csv");
    const two = join(dir, "two.csv");
    writeFileSync(one, "name,workload,colour\nweb01,web,blue\n");
    writeFileSync(two, "name,workload,colour,size\nweb01,web,blue,xl\n");
    const single = await cli(["assess", one, "--format", "ndjson", "--lang", "fr"]);
    expect(single.code).toBe(0);
    // French agreement: one column « a été ignorée », two « ont été ignorées ».
    expect(single.stderr).toMatch(/avertissement\u202f: .*1\u00a0colonne .* a été ignorée\u202f: "colour"/);
    const plural = await cli(["assess", two, "--format", "ndjson", "--lang", "fr"]);
    expect(plural.stderr).toMatch(/2\u00a0colonnes .* ont été ignorées\u202f: "colour", "size"/);
    expect(plural.stderr).not.toMatch(/ignored|warning:/);
  });

  it("says why a file cannot be read in French", async () => {
    const run = await cli(["advise", "--answers", "no-such-answers.json", "--lang", "fr"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`lecture impossible${NNBSP}: fichier introuvable`);
  });
});
