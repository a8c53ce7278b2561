// Builds the shipped CLI: validates the shipped rules and writes them to dist/, writes the JSON Schema,
// and bundles everything into dist/ with code splitting so each command loads only what it uses.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
const common = { bundle: true, platform: "node", target: "node20", format: "esm", logLevel: "warning", absWorkingDir: root };
// Bundled CommonJS dependencies (cli-table3) call require(); ESM has none unless we make one.
const banner = { js: 'import { createRequire as __vmvcRequire } from "node:module"; const require = __vmvcRequire(import.meta.url);' };

// 1. Validate the shipped rules with the same loader users' rule files go through.
const tools = `${root}dist/.build/tools.mjs`;
await build({ ...common, entryPoints: [`${root}scripts/build-tools.ts`], outfile: tools, banner });
const { loadShippedFromDisk, ruleFileJsonSchema, RuleSetError, compile, toTables, SHIPPED_FILE } = await import(pathToFileURL(tools).href);
let shipped;
try {
  shipped = loadShippedFromDisk(`${root}rules/`);
} catch (error) {
  if (!(error instanceof RuleSetError)) throw error;
  console.error(`The shipped rules are invalid:\n${error.problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
rmSync(`${root}dist/.build`, { recursive: true, force: true });

// 2. The schema file that rule files point at with "$schema".
mkdirSync(`${root}schema`, { recursive: true });
writeFileSync(`${root}schema/rule-file.schema.json`, JSON.stringify(ruleFileJsonSchema(), null, 2) + "\n");

// 3. The CLI itself: CommonJS, because Node 20 loads it markedly faster than ES modules.
// The hot path (well-formed command lines, the engine, JSON output) is one file; commander,
// prompts, terminal rendering, the rules commands and the validating loader are separate files
// loaded on demand.
const lazy = {
  "./program.js": "program",
  "../prompts.js": "prompts",
  "../render/terminal.js": "render",
  "./rules.js": "rules",
  "./load.js": "loader",
  "../ruleset/load.js": "loader",
};
// A lazy import becomes a stub that require()s the sibling bundle when first awaited:
// bin/vmvc.js runs the bundle through vm.Script, where import() has no loader. The path is
// absolute because the bundle gets bin/vmvc.js's own require (node:module's createRequire
// costs half a millisecond to load).
const lazyBundles = {
  name: "lazy-bundles",
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (args) =>
      args.kind === "dynamic-import" && lazy[args.path] ? { path: lazy[args.path], namespace: "lazy" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy" }, (args) => ({ contents: `module.exports = require(__dirname + "/${args.path}.cjs");`, loader: "js" }));
  },
};
// commander loads child_process at start-up for executable subcommands, which vmvc has none
// of: defer it until something really uses it. Its node:process is the global process,
// without loading a module for it.
const commanderBuiltins = {
  name: "commander-builtins",
  setup(b) {
    b.onResolve({ filter: /^(node:)?(child_process|process)$/ }, (args) =>
      args.importer.includes("commander") ? { path: args.path.replace("node:", ""), namespace: "builtin" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({
      contents: args.path === "process"
        ? "module.exports = process;"
        : 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};
// cli-table3 0.6 builds a 10-character preview of every cell, for a debug message vmvc never
// turns on, at every line it draws; for wrapped cells that costs tens of milliseconds (string
// widths measured character by character). Build it cheaply instead. Upstream:
// https://github.com/cli-table/cli-table3/pull/362
const cellPreview = {
  name: "cli-table3-cell-preview",
  setup(b) {
    b.onLoad({ filter: /cli-table3[\\/]src[\\/]cell\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const eager = "let content = utils.truncate(this.content, 10, this.truncate);";
      if (!source.includes(eager)) throw new Error(`${args.path} changed: check whether the cell-preview workaround in scripts/build.mjs is still needed`);
      return { contents: source.replace(eager, "let content = this.content.slice(0, 10);"), loader: "js" };
    });
  },
};
// chalk detects colour support when it loads, which loads node:tty and with it the network and
// stream modules (milliseconds). vmvc decides colour itself and only makes Chalk instances with
// an explicit level (render/style.ts), so the detection is replaced by "no colour".
const noColorDetection = {
  name: "no-color-detection",
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (args.importer.includes("chalk") ? { path: "supports-color", namespace: "stub" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents: "export default { stdout: false, stderr: false }; export const createSupportsColor = () => false;",
      loader: "js",
    }));
  },
};
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  ...common,
  format: "cjs",
  entryPoints: {
    vmvc: `${root}src/cli/main.ts`,
    program: `${root}src/cli/program.ts`,
    prompts: `${root}src/prompts.ts`,
    render: `${root}src/render/terminal.ts`,
    rules: `${root}src/cli/rules.ts`,
    loader: `${root}src/ruleset/load.ts`,
  },
  outdir: `${root}dist`,
  outExtension: { ".js": ".cjs" },
  plugins: [lazyBundles, commanderBuiltins, cellPreview, noColorDetection],
  // VMVC_READABLE_BUILD=1 keeps names, for profiling.
  minify: !process.env.VMVC_READABLE_BUILD,
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  banner: { js: 'var __vmvcMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
  define: {
    "import.meta.url": "__vmvcMeta.url",
    __VMVC_BUNDLE_DIR__: "__dirname",
    // As a string: V8 reads JSON.parse("…") much faster than the same object literal.
    __VMVC_SHIPPED_TABLES_JSON__: JSON.stringify(JSON.stringify(toTables(compile(shipped)))),
    __VMVC_VERSION__: JSON.stringify(pkg.version),
  },
});

writeFileSync(`${root}dist/${SHIPPED_FILE}`, JSON.stringify(shipped));
// bin/vmvc.js compiles the main bundle as one function expression with vm.Script; written
// that way, it needs no wrapping (a copy of the whole source) at every start.
const main = readFileSync(`${root}dist/vmvc.cjs`, "utf8");
writeFileSync(`${root}dist/vmvc.js`, `(function (exports, require, module, __filename, __dirname) {${main}\n})`);
rmSync(`${root}dist/vmvc.cjs`);

// 4. The V8 code caches bin/vmvc.js starts from, made by running typical command lines once.
// One per command: a run then deserializes little that it will not use. Command lines
// without a cache of their own (--version, help, rules) use vmvc's.
const scripted = ["--workload", "web", "--boundary", "internal", "--host-os", "2022", "--guest-os", "2019", "--deploy", "docker",
  "--density", "medium", "--scaling", "elastic", "--update-cadence", "monthly", "--storage", "none", "--recovery", "fast", "--network", "shared"];
const warmUps = {
  advise: [["advise", ...scripted, "--json"], ["advise", ...scripted]],
  compare: [["compare", "--json"], ["compare"]],
  vmvc: [["--version"]],
};
for (const [name, commandLines] of Object.entries(warmUps)) {
  const cache = `${root}dist/${name}.v8cache`;
  const warmUp = spawnSync(process.execPath, [`${root}bin/vmvc.js`], {
    env: { ...process.env, VMVC_WRITE_CODE_CACHE: JSON.stringify({ cache, commandLines }) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (warmUp.status !== 0 || !existsSync(cache)) {
    console.error(`The built CLI failed its warm-up run for ${name}.v8cache.`);
    process.exit(1);
  }
}
