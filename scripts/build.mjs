// Builds the shipped CLI: validates the shipped rules, embeds them, writes the JSON Schema,
// and bundles everything into dist/ with code splitting so each command loads only what it uses.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const { loadShippedFromDisk, ruleFileJsonSchema, RuleSetError } = await import(pathToFileURL(tools).href);
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

// 3. The CLI itself.
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { vmvc: `${root}src/cli/main.ts` },
  outdir: `${root}dist`,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  banner,
  define: {
    __VMVC_SHIPPED__: JSON.stringify(shipped),
    __VMVC_VERSION__: JSON.stringify(pkg.version),
  },
});
