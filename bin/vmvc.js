#!/usr/bin/env node
// Node's own compile cache (Node 22.1 and later; a no-op before), then the bundled CLI.
"use strict";
require("node:module").enableCompileCache?.();
Promise.resolve()
  .then(() => require("../dist/vmvc.cjs"))
  .then(
    (cli) => cli.main(),
    (error) => {
      if (error?.code !== "MODULE_NOT_FOUND" || !String(error.message).includes("vmvc.cjs")) throw error;
      process.stderr.write(
        `vmvc is not built yet: run \`npm ci\` (or \`npm run build\`) in ${require("node:path").dirname(__dirname)}\n`,
      );
      process.exitCode = 2;
    },
  );
