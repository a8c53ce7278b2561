// Builds the CLI into dist/: the shipped rules, validated as users' rule files are; the JSON
// Schema of a rule file; and the bundled code. The bundle is split so that each command loads
// only what it uses: zod, Inquirer and terminal rendering are loaded on demand.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
// Built beside dist/ and renamed into place, so a run never sees half a build.
const staging = `${root}dist.${process.pid}.tmp`;
const common = { bundle: true, platform: "node", target: "node20", logLevel: "warning", absWorkingDir: root };

// chalk detects colour support when it loads, which loads node:tty and with it the network and
// stream modules (milliseconds). vmvc decides colour itself and only makes Chalk instances with
// an explicit level (render/style.ts), so the detection is replaced by "no colour".
const noColorDetection = {
  name: "no-color-detection",
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      args.importer.includes("chalk") ? { path: "supports-color", namespace: "stub" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents: "export default { stdout: false, stderr: false }; export const createSupportsColor = () => false;",
      loader: "js",
    }));
  },
};

rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
try {
  // 1. The shipped rules, through the loader users' rule files go through.
  const tools = `${staging}/build-tools.mjs`;
  await build({
    ...common,
    format: "esm",
    stdin: {
      contents:
        'export { loadShippedFromDisk, loadShippedTextsFromDisk } from "./src/ruleset/load.ts"; export { applyTexts } from "./src/ruleset/texts.ts"; export { ruleFileJsonSchema, ruleTextsJsonSchema } from "./src/ruleset/json-schema.ts"; export { RuleSetError } from "./src/errors.ts"; export { problemLine } from "./src/problems.ts";',
      resolveDir: root,
      loader: "ts",
    },
    outfile: tools,
  });
  const {
    loadShippedFromDisk,
    loadShippedTextsFromDisk,
    applyTexts,
    ruleFileJsonSchema,
    ruleTextsJsonSchema,
    RuleSetError,
    problemLine,
  } = await import(pathToFileURL(tools).href);
  rmSync(tools);
  let shipped;
  let french;
  try {
    shipped = loadShippedFromDisk(`${root}rules/`);
    // Every shipped text in French, or the build fails; written apart, so that English never reads it.
    french = loadShippedTextsFromDisk("fr", `${root}rules/`);
    applyTexts(shipped, french, "fr");
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    console.error(`The shipped rules are invalid:\n${error.problems.map((p) => `  ${problemLine(p)}`).join("\n")}`);
    process.exit(1);
  }
  writeFileSync(`${staging}/shipped-texts.fr.json`, JSON.stringify(french));
  const shippedText = JSON.stringify(shipped);
  writeFileSync(`${staging}/shipped-rules.json`, shippedText);
  // Named by `vmvc --version`: the rules have no version of their own, their content's hash names them.
  writeFileSync(
    `${staging}/rules-info.json`,
    JSON.stringify({
      sha256: createHash("sha256").update(shippedText).digest("hex"),
      rules: shipped.rules.length,
      questions: shipped.questions.length,
    }),
  );

  // 2. The schema of a rule file, built beside the CLI. The copy in schema/, which rule files
  // point at with "$schema", is committed; a test fails when it differs from this one, and
  // `npm run schema` refreshes it. The build never writes a tracked file.
  writeFileSync(`${staging}/rule-file.schema.json`, JSON.stringify(ruleFileJsonSchema(), null, 2) + "\n");
  writeFileSync(`${staging}/rule-texts.schema.json`, JSON.stringify(ruleTextsJsonSchema(), null, 2) + "\n");

  // 3. The CLI: our own code in one CommonJS file (Node 20 loads CommonJS markedly faster than
  // ES modules), and each large dependency in a file of its own beside it. A dependency is
  // required where the module that imports it is first used, so a command that never colours,
  // asks a question or reads a policy never compiles chalk, Inquirer or zod.
  const vendored = {
    zod: "zod",
    "@inquirer/prompts": "inquirer",
    chalk: "chalk",
    "csv-parse": "csv-parse",
    exceljs: "exceljs",
    "cli-table3": "cli-table3",
    "fast-wrap-ansi": "fast-wrap-ansi",
    "fast-string-width": "fast-string-width",
  };
  const minify = !process.env.VMVC_READABLE_BUILD; // VMVC_READABLE_BUILD=1 keeps names, for profiling
  // Each vendored file holds only what src/ imports from the package (Inquirer: select alone).
  const used = {
    zod: "export { z } from 'zod';",
    "@inquirer/prompts": "export { select } from '@inquirer/prompts';",
    chalk: "export { Chalk } from 'chalk';",
    "csv-parse": "export { parse } from 'csv-parse';",
    // The streaming workbook reader alone (src/inventory/xlsx.ts), in the shape of exceljs'
    // default export; loaded only when an input is a workbook.
    exceljs:
      "module.exports = { stream: { xlsx: { WorkbookReader: require('exceljs/lib/stream/xlsx/workbook-reader.js') } } };",
    // A default export, as module.exports itself: our code is an ES module, which Node (and
    // esbuild after it) gives a CommonJS file's module.exports as its default.
    "cli-table3": "module.exports = require('cli-table3');",
    "fast-wrap-ansi": "export { wrapAnsi } from 'fast-wrap-ansi';",
    "fast-string-width": "module.exports = require('fast-string-width').default;",
  };
  // cli-table3 measures every cell, again for each line it draws, with string-width 4, which
  // builds emoji-regex's 10 KB pattern afresh at each call: 230 of compare's 375 ms on Node 20.
  // It measures with the vendored fast-string-width instead, the measure the cells were wrapped
  // with, so wrapping and drawing agree on every width.
  // And its optional @colors/colors (12 KB) is left out: cli-table3 needs it only for styles,
  // and falls back to plain text without it; vmvc passes no styles and colours cells itself.
  const sharedWidth = {
    name: "shared-string-width",
    setup(b) {
      b.onResolve({ filter: /^@colors\/colors/ }, (args) =>
        args.importer.includes("cli-table3") ? { path: "colors", namespace: "absent" } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: "absent" }, () => ({
        contents: 'throw new Error("@colors/colors is left out of the build");',
        loader: "js",
      }));
      b.onResolve({ filter: /^string-width$/ }, (args) =>
        args.importer.includes("cli-table3") ? { path: "./fast-string-width.cjs", external: true } : undefined,
      );
    },
  };
  // cli-table3 0.6.5 also truncates each cell's whole content to 10 characters for a debug
  // message nobody reads unless the table's debug option is on, one character and one measure of
  // the rest at a time: quadratic in the cell's length, 110 of compare's 150 ms on Node 20 once
  // the measure above is shared. The message is made only when debug messages are kept, as the
  // library's open pull request #362 does; the build fails if a new version changes these lines.
  const patches = {
    "cli-table3/src/debug.js": [["messages.push(msg);", "messages.push(typeof msg === 'function' ? msg() : msg);"]],
    "cli-table3/src/cell.js": [
      ["let content = utils.truncate(this.content, 10, this.truncate);\n", ""],
      [
        "info(`${this.y}-${this.x}: ${this.rowSpan - lineNum}x${this.colSpan} Cell ${content}`);",
        "info(() => `${this.y}-${this.x}: ${this.rowSpan - lineNum}x${this.colSpan} Cell ${utils.truncate(this.content, 10, this.truncate)}`);",
      ],
    ],
  };
  const lazyDebugMessages = {
    name: "lazy-debug-messages",
    setup(b) {
      b.onLoad({ filter: /cli-table3[\\/]src[\\/](debug|cell)\.js$/ }, (args) => {
        const file = Object.keys(patches).find((name) => args.path.replaceAll("\\", "/").endsWith(name));
        let source = readFileSync(args.path, "utf8");
        for (const [from, to] of patches[file]) {
          if (!source.includes(from)) throw new Error(`${args.path} changed: review the build's patch of it`);
          source = source.replace(from, to);
        }
        return { contents: source, loader: "js" };
      });
    },
  };
  for (const [name, file] of Object.entries(vendored)) {
    await build({
      ...common,
      format: "cjs",
      stdin: { contents: used[name], resolveDir: root, loader: "js" },
      outfile: `${staging}/vendor/${file}.cjs`,
      plugins: [noColorDetection, sharedWidth, lazyDebugMessages],
      minify,
      legalComments: "none",
    });
  }
  const vendor = {
    name: "vendor",
    setup(b) {
      b.onResolve({ filter: /^[@a-z]/ }, (args) =>
        vendored[args.path] ? { path: `./vendor/${vendored[args.path]}.cjs`, external: true } : undefined,
      );
    },
  };
  // commander loads child_process when it loads, for executable subcommands, which vmvc has
  // none of. Loading it costs about 6.5 ms (15% of \`node -e 0\`) at every start, so it is
  // loaded on first use instead.
  const lazyChildProcess = {
    name: "lazy-child-process",
    setup(b) {
      b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        args.importer.includes("commander") ? { path: "child_process", namespace: "lazy" } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
        contents: 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
        loader: "js",
      }));
    },
  };
  await build({
    ...common,
    format: "cjs",
    entryPoints: [`${root}src/shell/main.ts`],
    outfile: `${staging}/vmvc.cjs`,
    plugins: [vendor, lazyChildProcess],
    minify,
    legalComments: "none",
    define: { "import.meta.dirname": "__dirname" },
  });

  const old = `${root}dist.${process.pid}.old`;
  if (existsSync(`${root}dist`)) renameSync(`${root}dist`, old);
  renameSync(staging, `${root}dist`);
  rmSync(old, { recursive: true, force: true });
} finally {
  rmSync(staging, { recursive: true, force: true });
}
