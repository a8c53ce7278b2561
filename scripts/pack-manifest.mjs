// npm pack's prepack and postpack: the package.json inside the tarball keeps what an installed
// tool needs and drops the rest. Its build script (prepare) would make npm count vmvc as a package
// with install scripts and warn about allowScripts on `npm install --global ./vmvc-*.tgz`, though
// npm never runs prepare for a tarball; its devDependencies are the build's, and dist/ bundles
// them. `strip` keeps the working copy beside it, `restore` puts it back; a copy left over by a
// pack that failed half-way is restored before anything else.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const manifest = fileURLToPath(new URL("../package.json", import.meta.url));
const kept = `${manifest}.packing`;

if (existsSync(kept)) renameSync(kept, manifest);
if (process.argv[2] === "strip") {
  const text = readFileSync(manifest, "utf8");
  const shipped = JSON.parse(text);
  for (const field of ["scripts", "devDependencies", "allowScripts"]) delete shipped[field];
  writeFileSync(kept, text);
  writeFileSync(manifest, `${JSON.stringify(shipped, null, 2)}\n`);
}
