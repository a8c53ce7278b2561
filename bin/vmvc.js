#!/usr/bin/env node
// Starts the bundled CLI. It is compiled with a V8 code cache that the build wrote next to
// it, so a run skips most parsing and compiling; a missing or stale cache just means a normal
// compile. (Node 20 has no built-in compile cache; see "Performance" in the README.)
"use strict";
const { closeSync, openSync, readFileSync, readSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { Script } = require("node:vm");

const dist = join(__dirname, "..", "dist");
const filename = join(dist, "vmvc.js");
const warmUp = process.env.VMVC_WRITE_CODE_CACHE;

/**
 * A cache file's bytes, read in one call into a buffer that is only touched where filled:
 * cheaper at start-up than readFileSync, which stats the file and runs more cold code first.
 * The caches are well under the buffer's 256 KiB; a bigger one takes the usual way.
 */
function readCache(name) {
  let fd;
  try {
    fd = openSync(join(dist, `${name}.v8cache`), "r");
  } catch {
    return undefined;
  }
  try {
    const bytes = new Uint8Array(1 << 18);
    let size = 0;
    let read;
    while (size < bytes.length && (read = readSync(fd, bytes, size, bytes.length - size, null)) > 0) size += read;
    return size < bytes.length ? bytes.subarray(0, size) : readFileSync(join(dist, `${name}.v8cache`));
  } finally {
    closeSync(fd);
  }
}

// The cache the build made for this command, else the general one.
const command = process.argv[2];
const cachedData = warmUp ? undefined : ((command && /^[a-z]+$/.test(command) && readCache(command)) || readCache("vmvc"));
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
