import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

let root: string | undefined;

/**
 * vmvc's own folder, the one holding its package.json: found by walking up from this module,
 * which works the same from the sources (src/) and from the bundle (dist/).
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("vmvc cannot find its own package.json");
    dir = parent;
  }
  return (root = dir);
}
