#!/usr/bin/env node
// Starts the bundled CLI. It is compiled with the V8 code cache that the build wrote next to
// it, so a run skips most parsing and compiling; a missing or stale cache just means a normal
// compile. (Node 20 has no built-in compile cache; see "Performance" in the README.)
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");

const dist = join(__dirname, "..", "dist");
const filename = join(dist, "vmvc.cjs");
const cacheFile = join(dist, "vmvc.v8cache");
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const source = readFileSync(filename, "utf8");
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
const bundle = { exports: {} };
script.runInThisContext().call(bundle.exports, bundle.exports, createRequire(filename), bundle, filename, dist);
if (process.env.VMVC_WRITE_CODE_CACHE === "1") process.on("exit", () => writeFileSync(cacheFile, script.createCachedData()));
bundle.exports.main();
