import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// The folder of an installed npm package (where its package.json is), found through Node's own
// resolution from `from` (a file or folder; this module by default), whatever its `exports` allow.
export function resolvePackageDir(name: string, from: string = import.meta.url): string {
  const fromFile = from.startsWith("file:") ? from : path.join(from, "package.json");
  let dir = path.dirname(createRequire(fromFile).resolve(name));
  const folderName = name.split("/").pop();
  while (!(path.basename(dir) === folderName && existsSync(path.join(dir, "package.json")))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of the ${name} package`);
    dir = parent;
  }
  return dir;
}
