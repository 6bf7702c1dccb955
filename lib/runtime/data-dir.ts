import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync } from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { ROOT_STATE_DIR, traversableByOthers } from "@/lib/runtime/postgres-binaries";
import { readEnv } from "@/lib/config/env";

// Local state of a default install (embedded database, generated secrets), git-ignored.
export function resolveDataDir(): string {
  const dir = path.resolve(readEnv().VERDICT_DATA_DIR);
  mkdirSync(dir, { recursive: true });
  // Traversable, not listable: the embedded PostgreSQL runs as another user when started as root.
  // The secrets file inside is itself 0600.
  chmodSync(dir, 0o711);
  return dir;
}

// Where the embedded cluster lives: `<data dir>/pg`. Run as root, PostgreSQL runs as the `postgres`
// user, which must reach that folder; when an ancestor is private (e.g. /root), the cluster goes to
// /var/lib/verdict/<hash of the data dir>-<random> and `<data dir>/pg` becomes a link to it. The link
// says which cluster is this data folder's: a new checkout at the path of a deleted one gets a cluster
// of its own, instead of the old one whose password went with the deleted folder's secrets.
export function resolveClusterDir(dataDir: string): string {
  const inside = path.join(dataDir, "pg");
  if (process.getuid?.() !== 0 || traversableByOthers(dataDir)) return inside;
  const linked = linkTarget(inside);
  if (linked) return linked;
  const key = createHash("sha256").update(dataDir).digest("hex").slice(0, 16);
  // A folder (not a link) already there: the layout of earlier versions, which used the bare key.
  if (existsSync(inside)) return path.join(ROOT_STATE_DIR, key);
  const outside = path.join(ROOT_STATE_DIR, `${key}-${randomBytes(4).toString("hex")}`);
  mkdirSync(path.dirname(outside), { recursive: true, mode: 0o755 });
  symlinkSync(outside, inside);
  return outside;
}

/** Where the link at `file` points (also when its target does not exist yet), or null when there is no link. */
function linkTarget(file: string): string | null {
  try {
    return lstatSync(file).isSymbolicLink() ? path.resolve(path.dirname(file), readlinkSync(file)) : null;
  } catch {
    return null;
  }
}

// The port of the embedded PostgreSQL running on this cluster, from the `postmaster.pid` file
// PostgreSQL keeps in its data folder while it runs (4th line), or null when it is not running.
export function readRunningClusterPort(clusterDir: string): number | null {
  const file = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  try {
    const port = Number(readFileSync(file, "utf8").split("\n")[3]);
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
  } catch {
    return null;
  }
}
