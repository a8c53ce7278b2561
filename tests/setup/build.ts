import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// The tests run against the built CLI and the shipped rules as the build validated them,
// so every run of the suite builds first.
export default function setup(): void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the build failed");
}
