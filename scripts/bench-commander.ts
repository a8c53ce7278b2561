// A reference for the benchmark: the least a commander-based CLI can do, bundled the same way
// vmvc is but without its code cache. It defines vmvc's top-level commands and prints a version.
import { Command } from "commander";

const program = new Command("vmvc").version("0.0.0", "-V, --version").option("--no-color").exitOverride();
for (const name of ["advise", "compare", "rules"]) program.command(name).description(name);
try {
  program.parse(process.argv.slice(2), { from: "user" });
} catch {
  // commander throws after printing the version, under exitOverride
}
