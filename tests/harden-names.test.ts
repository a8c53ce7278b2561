import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csvHeader } from "../src/render/assessment.js";
import { adviseFlags } from "../src/commands/advise.js";
import { questionFlagProblems } from "../src/commands/options.js";
import { buildRuleSet } from "../src/ruleset/layer.js";
import { allFlags, shipped } from "./helpers/shipped.js";
import { cli } from "./helpers/cli.js";

// Issue 22, section 3: question ids that collide with names vmvc itself gives a meaning to.
// Each passed validation, and then every advise or assess with the policy failed, or an
// assess row lost its name or its CSV gained a second column of one name.

const dir = mkdtempSync(join(tmpdir(), "vmvc-names-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const question = (id: string) => ({
  id,
  prompt: `${id}?`,
  optional: true,
  choices: [
    { value: "a", label: "A", meaning: "a" },
    { value: "b", label: "B", meaning: "b" },
  ],
});

function policy(id: string): string {
  const file = join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify({ questions: [question(id)] }));
  return file;
}

/** camelCase as commander writes an option's attribute, back to the kebab-case of a question id. */
const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const ID = /^(?!no-)[a-z0-9]+(-[a-z0-9]+)*$/;

describe("question ids that are names of every JavaScript object", () => {
  // Every Object.prototype member a question id can spell: to-string, value-of, has-own-property, …
  const ids = Object.getOwnPropertyNames(Object.prototype)
    .map(kebab)
    .filter((id) => ID.test(id));

  it("include the issue's four", () => {
    expect(ids).toEqual(expect.arrayContaining(["to-string", "value-of", "has-own-property", "is-prototype-of"]));
  });

  for (const id of ids) {
    it(`refuses ${id} in rules validate, with the reason, and as a policy for advise`, async () => {
      const file = policy(id);
      const validate = await cli(["rules", "validate", file]);
      expect(validate.code).toBe(1);
      expect(validate.stderr).toContain(`question "${id}": id: "${id}" is reserved:`);
      expect(validate.stderr).toContain("a built-in name of every JavaScript object");
      const advise = await cli(["advise", ...allFlags(), "--json", "--rules", file]);
      expect(advise.code).toBe(2);
      expect(advise.stderr).toContain(`question "${id}"`);
      expect(advise.stderr).not.toContain("is not one of");
    });
  }
});

describe("question ids that are vmvc's own names", () => {
  it("refuses the flags of every command that takes questions, not only advise's", async () => {
    for (const id of ["width", "rules", "json", "format", "answers", "output", "shell", "input", "color", "help"]) {
      const validate = await cli(["rules", "validate", policy(id)]);
      expect(validate.code, id).toBe(1);
      expect(validate.stderr).toContain(`--${id} is a vmvc flag`);
    }
  });

  it("refuses the names assess reads as the workload's name: a row would lose its name or be invalid", async () => {
    for (const id of ["name", "vm", "hostname", "workload-name", "servername"]) {
      const validate = await cli(["rules", "validate", policy(id)]);
      expect(validate.code, id).toBe(1);
      expect(validate.stderr).toContain(
        `"${id}" is reserved: assess reads a column of this name as the workload's name`,
      );
    }
  });

  it("refuses every column assess --format csv writes of its own: a question's column would be a second one", async () => {
    // Derived from the header itself, so a column added later is covered too.
    const own = csvHeader(shipped)
      .trim()
      .split(",")
      .filter((column) => !shipped.questions.some((q) => q.id === column) && ID.test(column));
    expect(own).toEqual(expect.arrayContaining(["error", "line", "recommendation"]));
    for (const id of own) {
      const ruleSet = buildRuleSet(shipped, [[{ file: "p.json", data: { questions: [question(id)] } }]]);
      const problems = questionFlagProblems(ruleSet, adviseFlags());
      expect(
        problems.map((p) => p.code),
        id,
      ).toEqual(["reserved-id"]);
    }
  });

  it("still accepts ordinary ids next to them", async () => {
    const validate = await cli(["rules", "validate", policy("gpu-model")]);
    expect(validate.code).toBe(0);
  });
});
