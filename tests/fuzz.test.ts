import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { problemLine } from "../src/problems.js";
import { CONTROL_CHARACTER } from "../src/escape.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../src/engine/compile.js";
import { evaluate } from "../src/engine/evaluate.js";
import { isExclusion } from "../src/engine/model.js";
import { buildRuleSet } from "../src/ruleset/layer.js";
import { RuleSetError } from "../src/errors.js";
import { checkRuleFile, parseRuleJson } from "../src/ruleset/validate.js";
import { allFlags, shipped } from "./helpers/shipped.js";
import { cli, STACK, vmvc } from "./helpers/cli.js";
import { tmp } from "./helpers/tmp.js";

const questionIds = shipped.questions.map((q) => q.id);
/** The questions allFlags() answers: the required ones. */
const answeredIds = shipped.questions.filter((q) => !q.optional).map((q) => q.id);
/** What a flag accepts, in lower case (values match without regard to case): its values and "unknown". */
const acceptedValues = (id: string): string[] => [
  ...shipped.questions.find((q) => q.id === id)!.choices.map((c) => c.value),
  "unknown",
];
const nasty = fc.oneof(
  fc.constant(""),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "toString",
    "-",
    "--",
    "--json",
    "null",
    "💥",
    "ｈｏｓｔｉｌｅ",
    "hostile\n",
    " hostile",
  ),
  fc.string({ minLength: 2000, maxLength: 5000 }),
);

type Mutation = { argv: string[]; culprit: string };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // A wrong value for a real question.
  fc
    .tuple(fc.constantFrom(...answeredIds), nasty)
    // Case and surrounding spaces are forgiven, as PowerShell users expect: not wrong values.
    .filter(([q, v]) => !acceptedValues(q).includes(v.trim().toLowerCase()))
    .map(([q, v]) => {
      const base = allFlags();
      const i = base.indexOf(`--${q}`);
      base[i + 1] = v;
      return { argv: ["advise", ...base], culprit: `--${q}` };
    }),
  // An unknown flag, before or after the known ones.
  fc
    .tuple(
      fc
        .stringMatching(/^[a-z][a-z-]{0,20}$/)
        .filter(
          (f) =>
            !questionIds.includes(f) &&
            ![
              ...["json", "format", "answers", "rules", "input", "no-input", "output", "shell"],
              ...["help", "version", "color", "no-color", "width"],
            ].includes(f),
        ),
      fc.boolean(),
    )
    .map(([flag, first]) => {
      const argv = first ? ["advise", `--${flag}`, ...allFlags()] : ["advise", ...allFlags(), `--${flag}`];
      return { argv, culprit: `--${flag}` };
    }),
  // A stray word after "--" or in the middle.
  fc.tuple(fc.stringMatching(/^[a-z]{1,12}$/), fc.boolean()).map(([word, dashes]) => ({
    argv: ["advise", ...allFlags(), ...(dashes ? ["--", word] : [word])],
    culprit: word,
  })),
  // A flag with its value missing at the end.
  fc.constantFrom(...answeredIds).map((q) => ({
    argv: ["advise", ...allFlags().filter((_, i, a) => a[i] !== `--${q}` && a[i - 1] !== `--${q}`), `--${q}`],
    culprit: `--${q}`,
  })),
);

describe("random command lines", () => {
  // Every mutation makes the command line wrong, so each must be refused: exit 2, naming the culprit.
  it("exit 2 without a stack trace, naming what was wrong", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async ({ argv, culprit }) => {
        const { code, stderr } = await cli(argv);
        expect(stderr).not.toMatch(STACK);
        expect(code).toBe(2);
        expect(stderr).toContain(culprit.length > 60 ? culprit.slice(0, 60) : culprit);
      }),
      { numRuns: 400 },
    );
  });

  it("accept repeated flags (the last one wins) and flags in any order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(
          allFlags().reduce<string[][]>((pairs, x, i, a) => (i % 2 ? pairs : [...pairs, [x, a[i + 1]!]]), []),
          { minLength: 11, maxLength: 11 },
        ),
        async (pairs) => {
          const argv = ["advise", "--json", ...pairs.flat(), "--boundary", "trusted", "--boundary", "hostile"];
          const { code, stdout } = await cli(argv);
          expect(code).toBe(0);
          expect(JSON.parse(stdout).answers.boundary).toBe("hostile");
        },
      ),
      { numRuns: 30 },
    );
  });

  it("survive fully random words", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            nasty,
            fc.constantFrom(
              "advise",
              "compare",
              "rules",
              "list",
              "check",
              "--json",
              "--rows",
              "--format",
              ...questionIds.map((q) => `--${q}`),
            ),
          ),
          { maxLength: 8 },
        ),
        async (argv) => {
          if (argv.includes("check")) return; // a full sweep per case is too slow here; covered elsewhere
          const { code, stderr } = await cli(argv);
          expect([0, 2]).toContain(code);
          expect(stderr).not.toMatch(STACK);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("behave the same as a real process", () => {
    for (const argv of [
      ["advise", "--bogus"],
      ["advise", ...allFlags(), "--workload", "💥"],
      ["compare", "--rows", ""],
      ["advise", "--", "x"],
    ]) {
      const result = vmvc(argv);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toMatch(STACK);
    }
  });
});

describe("random and corrupted answers files", () => {
  const dir = tmp();
  const valid = JSON.stringify(
    Object.fromEntries(
      allFlags().reduce<[string, string][]>((p, x, i, a) => (i % 2 ? p : [...p, [x.slice(2), a[i + 1]!]]), []),
    ),
  );

  it.each([
    ["truncated", valid.slice(0, 40)],
    ["deeply nested", "[".repeat(200_000) + "]".repeat(200_000)],
    ["a huge string", JSON.stringify({ workload: "w".repeat(3_000_000) })],
    ["wrong types", '{"workload":["web"],"boundary":{"x":1}}'],
    ["prototype keys", '{"__proto__":{"polluted":true},"workload":"web"}'],
    ["constructor key", '{"constructor":{"prototype":{"polluted":true}}}'],
    ["binary garbage", "\u0000\u0001\uffff{"],
  ])("rejects %s with exit 2 and a clear message", async (_name, content) => {
    const file = join(dir, "answers.json");
    writeFileSync(file, content);
    const { code, stderr, stdout } = await cli(["advise", "--answers", file]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: .*answers\.json/);
    expect(stderr.length).toBeLessThan(2000);
    expect(stderr).not.toMatch(STACK);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects random JSON without crashing or polluting anything", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const { code, stderr } = await cli(["advise", "--answers", "-", "--json"], { input: JSON.stringify(value) });
        expect([0, 2]).toContain(code);
        expect(stderr).not.toMatch(STACK);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe("random and corrupted rule files", () => {
  const ruleLike = fc.record(
    {
      id: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), nasty),
      when: fc.oneof(
        fc.dictionary(
          fc.oneof(fc.constantFrom(...questionIds), fc.string()),
          fc.oneof(fc.string(), fc.array(fc.string())),
        ),
        fc.jsonValue(),
      ),
      effect: fc.oneof(
        fc.record({
          option: fc.constantFrom("vm", "container", "hyperv-container", "vms"),
          score: fc.oneof(fc.integer(), fc.double()),
        }),
        fc.jsonValue(),
      ),
      reason: fc.oneof(fc.string(), fc.jsonValue()),
      source: fc.oneof(fc.constantFrom("containers-vs-vm#isolation", "faq#licensing", "nope#x"), fc.string()),
    },
    { requiredKeys: [] },
  );
  const fileLike = fc.oneof(
    fc.record({ rules: fc.array(ruleLike, { maxLength: 4 }) }),
    fc.record(
      { rules: fc.jsonValue(), disable: fc.array(fc.oneof(fc.string(), fc.jsonValue()), { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
    fc.jsonValue(),
  );

  it("either load or fail with single-line problems that name the file", () => {
    fc.assert(
      fc.property(fileLike, (data) => {
        try {
          buildRuleSet(shipped, [[{ file: "policy.json", data: checkRuleFile(data, "policy.json") }]]);
        } catch (error) {
          expect(error).toBeInstanceOf(RuleSetError);
          for (const problem of (error as RuleSetError).problems) {
            expect(problem.file).toBe("policy.json");
            expect(problemLine(problem)).not.toContain("\n");
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("report truncated, nested and polluted rule files without running anything from them", () => {
    const full = JSON.stringify({
      rules: [{ id: "a", effect: { option: "vm", score: 1 }, reason: "r", source: "faq#licensing" }],
    });
    for (let cut = 0; cut < full.length; cut += 7) {
      expect(() => checkRuleFile(parseRuleJson(full.slice(0, cut), "cut.json"), "cut.json")).toThrow(RuleSetError);
    }
    expect(() => parseRuleJson("[".repeat(300_000), "deep.json")).toThrow(
      /deep\.json: nested more than 64 levels deep, at line 1, column 65/,
    );
    // Valid JSON nested 100,000 deep: refused by the scan, before anything walks it (that took minutes).
    const deep = '{"rules":'.concat('{"a":'.repeat(100_000), "1", "}".repeat(100_000), "}");
    expect(() => parseRuleJson(deep, "deep.json")).toThrow(
      /deep\.json: nested more than 64 levels deep, at line 1, column 325/,
    );
    expect(() =>
      checkRuleFile(
        parseRuleJson('{"rules":[{"id":"a","constructor":{"prototype":{"polluted":1}}}]}', "p.json"),
        "p.json",
      ),
    ).toThrow(/the key "constructor" is not allowed/);
    expect(() =>
      checkRuleFile(parseRuleJson('{"rules":[],"toString":"() => process.exit(9)"}', "code.json"), "code.json"),
    ).toThrow(/unknown field/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects a rule file that is too large", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "big.json"), JSON.stringify({ rules: [], $comment: "x".repeat(5 * 1024 * 1024) }));
    const { code, stderr } = await cli(["compare", "--rules", join(dir, "big.json")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/big\.json: cannot read: too large: larger than 4 MiB/);
  });
});

describe("random policies that add values to shipped questions", () => {
  const required = shipped.questions.filter((q) => !q.optional);
  const answersArb = fc.record(
    Object.fromEntries(required.map((q) => [q.id, fc.constantFrom(...q.choices.map((c) => c.value))])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
  const addition = fc.record({
    question: fc.constantFrom(...required),
    value: fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/).map((v) => `x${v}`),
    as: fc.option(fc.nat(), { nil: undefined }),
  });
  const hardFactOptions = (question: string) =>
    new Set(
      shipped.rules
        .filter((r) => isExclusion(r.effect) && [...r.when, ...r.unless].some((c) => Object.hasOwn(c, question)))
        .map((r) => r.effect.option),
    );

  it('treat a value "as" an existing one exactly like it, and fail closed on one without', () => {
    fc.assert(
      fc.property(addition, answersArb, ({ question, value, as }, answers) => {
        const like = as === undefined ? undefined : question.choices[as % question.choices.length]!.value;
        const choice = { value, label: "Added", meaning: "added by a policy", ...(like ? { as: like } : {}) };
        const ruleSet = buildRuleSet(shipped, [
          [
            {
              file: "policy.json",
              data: checkRuleFile({ questions: [{ id: question.id, choices: [choice] }] }, "policy.json"),
            },
          ],
        ]);
        const c = compile(ruleSet);
        const withAdded = evaluate(c, { ...answers, [question.id]: value });
        if (like !== undefined) {
          const withLike = evaluate(c, { ...answers, [question.id]: like });
          expect(withAdded.recommendation).toBe(withLike.recommendation);
          expect(withAdded.options).toEqual(withLike.options);
        } else {
          for (const option of hardFactOptions(question.id))
            expect(withAdded.options.find((o) => o.id === option)!.eligible).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("random rule folders from the real world", () => {
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
  const encodings: Record<string, (text: string) => Buffer> = {
    utf8: (t) => Buffer.from(t),
    "utf8-bom": (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]),
    "utf16le-bom": (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]),
    "utf16be-bom": (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, "utf16le").swap16()]),
  };
  const entry = fc.oneof(
    fc.record({ kind: fc.constant("file" as const), encoding: fc.constantFrom(...Object.keys(encodings)) }),
    fc.record({
      kind: fc.constantFrom(
        "link-up" as const,
        "link-self" as const,
        "link-zero" as const,
        "link-null" as const,
        "fifo" as const,
        "folder-json" as const,
        "dangling" as const,
      ),
    }),
  );

  it("load or refuse, in words, folders with links back up, special files and Windows encodings, without hanging", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 6 }), async (entries) => {
        const root = tmp();
        const dir = join(root, "policy");
        mkdirSync(dir);
        entries.forEach((e, i) => {
          const at = join(dir, `e${i}.json`);
          if (e.kind === "file")
            writeFileSync(
              at,
              encodings[e.encoding]!(
                JSON.stringify({ rules: policy.rules.map((r) => ({ ...r, id: `${r.id}-${i}` })) }),
              ),
            );
          else if (e.kind === "link-up") symlinkSync(root, at);
          else if (e.kind === "link-self") symlinkSync(".", at);
          else if (e.kind === "link-zero") symlinkSync("/dev/zero", at);
          else if (e.kind === "link-null") symlinkSync("/dev/null", at);
          else if (e.kind === "fifo") execFileSync("mkfifo", [at]);
          else if (e.kind === "folder-json") mkdirSync(at);
          else symlinkSync(join(root, "missing"), at);
        });
        const { code, stderr, stdout } = await cli(["rules", "validate", dir]);
        expect(stderr).not.toMatch(STACK);
        expect(stderr).not.toMatch(/\bE(NOENT|ACCES|PERM|ISDIR|NOTDIR|LOOP|MFILE|INVAL|IO|AGAIN|BADF|NXIO)\b/); // words, not errno codes
        // Links to folders are not followed, and a folder named like a file is searched; a special
        // file is refused by name, and a folder with no rule file in it too.
        const files = entries.filter((e) => e.kind === "file").length;
        const special = entries.some((e) => ["link-zero", "link-null", "fifo", "dangling"].includes(e.kind));
        if (!special && files > 0) {
          expect(code).toBe(0);
          expect(stdout).toMatch(new RegExp(`ok \\(${files} rules?`));
        } else {
          expect(code).toBe(1);
          expect(stderr).toMatch(
            special ? /e\d\.json: (not a regular file|no such file)/ : /holds no \.json rule files/,
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("control characters in every text field of a rule file", () => {
  const file = {
    questions: [
      {
        id: "owner",
        prompt: "Whose is it?",
        help: "Ours or theirs.",
        topic: "the owner",
        choices: [{ value: "ours", label: "Ours", meaning: "built here" }],
      },
    ],
    sources: [
      {
        id: "hp",
        title: "House policy",
        url: "https://example.com/policy",
        sections: [{ id: "s", title: "Section", anchor: "s" }],
      },
    ],
    rules: [
      {
        id: "r",
        when: { owner: "ours" },
        effect: { option: "container", exclude: true },
        reason: "Ours.",
        remedy: "Ask.",
        rationale: "Why.",
        source: "hp#s",
      },
    ],
    comparison: [
      { id: "row", feature: "Feature", source: "hp#s", values: { vm: "A", container: "B", "hyperv-container": "C" } },
    ],
  };
  /** Every path to a string that is printed: all but ids, values and references. */
  const textPaths: (string | number)[][] = [
    ["questions", 0, "prompt"],
    ["questions", 0, "help"],
    ["questions", 0, "topic"],
    ["questions", 0, "choices", 0, "label"],
    ["questions", 0, "choices", 0, "meaning"],
    ["sources", 0, "title"],
    ["sources", 0, "url"],
    ["sources", 0, "sections", 0, "title"],
    ["sources", 0, "sections", 0, "anchor"],
    ["rules", 0, "reason"],
    ["rules", 0, "remedy"],
    ["rules", 0, "rationale"],
    ["comparison", 0, "feature"],
    ["comparison", 0, "values", "vm"],
  ];
  const control = fc
    .oneof(
      fc.integer({ min: 0, max: 0x1f }),
      fc.integer({ min: 0x7f, max: 0x9f }),
      fc.constantFrom(0x202e, 0x2066, 0x2028),
    )
    .map((n) => String.fromCharCode(n));

  it("are refused by name, and never reach the terminal raw", () => {
    expect(() => checkRuleFile(structuredClone(file), "policy.json")).not.toThrow();
    fc.assert(
      fc.property(fc.constantFrom(...textPaths), control, fc.boolean(), (path, ch, atStart) => {
        const data = structuredClone(file) as Record<string, unknown>;
        let node = data as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        const last = path.at(-1)!;
        node[last] = atStart ? `${ch}${String(node[last])}` : `${String(node[last])}${ch}x`;
        let problems: readonly string[] = [];
        try {
          checkRuleFile(data, "policy.json");
        } catch (error) {
          problems = (error as RuleSetError).problems.map(problemLine);
        }
        expect(problems.some((p) => p.includes(`${String(last)}: must not contain control characters`))).toBe(true);
        for (const p of problems) expect(p).not.toContain(ch);
      }),
      { numRuns: 300 },
    );
  });
});

describe("question ids that are names vmvc or JavaScript already use (issue 22)", () => {
  const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const ID = /^(?!no-)[a-z0-9]+(-[a-z0-9]+)*$/;
  // Every Object.prototype member an id can spell, vmvc's own flags and the columns assess reads and writes.
  const builtIn = Object.getOwnPropertyNames(Object.prototype).map(kebab);
  const own = [
    ...["help", "version", "color", "width", "rules", "json", "format", "answers", "input", "output", "shell"],
    ...["name", "workload-name", "vm", "hostname", "servername", "template"],
    ...["line", "recommendation", "margin", "share", "excluded", "reasons", "error"],
  ];
  const id = fc.constantFrom(...[...builtIn, ...own].filter((i) => ID.test(i)));
  const dir = tmp("vmvc-fuzz-ids-");

  it("are refused by rules validate with the reason, and never break advise or assess in another way", async () => {
    const inventory = join(dir, "inventory.csv");
    writeFileSync(inventory, `name,workload\nweb-01,web\n`);
    await fc.assert(
      fc.asyncProperty(id, fc.boolean(), async (questionId, optional) => {
        const file = join(dir, `${questionId}.json`);
        const choices = [{ value: "a", label: "A", meaning: "a" }];
        writeFileSync(file, JSON.stringify({ questions: [{ id: questionId, prompt: "Q?", optional, choices }] }));
        const validate = await cli(["rules", "validate", file]);
        expect(validate.code).toBe(1);
        expect(validate.stderr).toMatch(new RegExp(`question "${questionId}": id: .*(reserved: |is a vmvc flag)`));
        const advise = await cli(["advise", ...allFlags(), "--json", "--rules", file]);
        const assess = await cli(["assess", inventory, "--rules", file]);
        for (const r of [advise, assess]) {
          expect(r.code).toBe(2);
          expect(r.stderr).toContain(`question "${questionId}"`);
          expect(r.stderr).not.toMatch(STACK);
          expect(r.stderr).not.toContain("is not one of");
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("names and cells carrying Markdown, HTML and escape sequences, in every output format (issue 22)", () => {
  const ESC = "\u001b";
  const piece = fc.constantFrom(
    "<img src=x onerror=alert(1)>",
    "<script>",
    "[x](javascript:alert(1))",
    "![t](https://attacker.example/p.png)",
    "**b**",
    "`",
    "``",
    "|",
    "&amp;",
    "=1+1",
    ";=2",
    ",@x",
    "-3",
    `${ESC}]0;title\u0007`,
    `${ESC}]52;c;eA==${ESC}\\`,
    `${ESC}[2J`,
    "\u009b1m",
    "\u202e",
    "\u2067",
    "\u2028",
    "\n",
    "\r",
    '"',
    "web",
    " ",
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));
  const CONTROLS = new RegExp(CONTROL_CHARACTER.source);
  const dir = tmp("vmvc-fuzz-out-");
  const quoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;

  it("stay text: no control character, no raw HTML in Markdown, no formula in CSV, names kept in JSON", async () => {
    const required = shipped.questions.filter((q) => !q.optional);
    await fc.assert(
      fc.asyncProperty(text, text, fc.boolean(), async (name, cell, cellIsWorkload) => {
        const file = join(dir, "inventory.csv");
        // The workload cell, when hostile, makes the row invalid: its message quotes the input.
        const values = required.map((q) => (cellIsWorkload && q.id === "workload" ? cell : q.choices[0]!.value));
        const header = ["name", ...required.map((q) => q.id)].join(",");
        writeFileSync(file, `${header}\n${[quoted(name), ...values.map(quoted)].join(",")}\n`);
        for (const format of ["ndjson", "json", "csv", "markdown", "html"]) {
          const r = await cli(["assess", file, "--format", format]);
          expect(r.stderr).not.toMatch(STACK);
          expect([0, 1]).toContain(r.code);
          expect(r.stdout.replace(/\r?\n/g, ""), format).not.toMatch(CONTROLS);
          if (format === "markdown") expect(r.stdout).not.toMatch(/(?<!\\)<(img|script)/);
          if (format === "csv")
            for (const line of r.stdout.split("\r\n").slice(1))
              for (const part of line.split(/[,;]/)) expect(part.replace(/^"?\s*/, "")).not.toMatch(/^[=+@]/);
          if (format === "ndjson" && r.code === 0)
            expect((JSON.parse(r.stdout.trim()) as { name: string | null }).name).toBe(name.trim() || null);
        }
      }),
      { numRuns: 40 },
    );
  });
});
