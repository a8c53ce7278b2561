// What scripts/build.mjs needs from the sources at build time.
export { loadShippedFromDisk } from "../src/ruleset/load.js";
export { ruleFileJsonSchema } from "../src/ruleset/json-schema.js";
export { RuleSetError } from "../src/ruleset/validate.js";
export { compile, toTables } from "../src/engine/compile.js";
export { SHIPPED_FILE } from "../src/ruleset/index.js";
