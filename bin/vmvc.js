#!/usr/bin/env node
// Starts the bundled CLI. It is compiled with a V8 code cache that the build wrote next to
// it, so a run skips most parsing and compiling; a missing or stale cache just means a normal
// compile. (Node 20 has no built-in compile cache; see "Performance" in the README.)
"use strict";
const { existsSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { Script } = require("node:vm");

const dist = join(__dirname, "..", "dist");
const filename = join(dist, "vmvc.js");
const warmUp = process.env.VMVC_WRITE_CODE_CACHE;
let cachedData;
if (!warmUp) {
  // The cache made for this command, if the build made one, else the general one.
  const command = process.argv[2];
  const name = command && /^[a-z]+$/.test(command) && existsSync(join(dist, `${command}.v8cache`)) ? command : "vmvc";
  try {
    cachedData = readFileSync(join(dist, `${name}.v8cache`));
  } catch {
    cachedData = undefined;
  }
}
let source;
try {
  source = readFileSync(filename, "utf8");
} catch {
  process.stderr.write(`vmvc: the CLI is not built yet: run \`npm ci\` (or \`npm run build\`) in ${join(__dirname, "..")}\n`);
  process.exit(1);
}
const script = new Script(source, { filename, cachedData });
const bundle = { exports: {} };
// Its own require is enough: the bundle requires only built-ins and, by absolute path, its siblings.
script.runInThisContext().call(bundle.exports, bundle.exports, require, bundle, filename, dist);
if (warmUp) {
  // Build time: run typical command lines silently, then save the code they compiled.
  const { cache, commandLines } = JSON.parse(warmUp);
  const io = { stdout: { write() {} }, stderr: { write() {} }, stdinIsTTY: () => false, env: {}, cwd: process.cwd(), readStdin: () => "" };
  commandLines
    .reduce((done, argv) => done.then(() => bundle.exports.run(argv, io)), Promise.resolve())
    .then(() => writeFileSync(cache, script.createCachedData()));
} else {
  bundle.exports.main();
}
