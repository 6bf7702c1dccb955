import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
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
// /var/lib/verdict/<hash of the data dir> and `<data dir>/pg` becomes a link to it.
export function resolveClusterDir(dataDir: string): string {
  const inside = path.join(dataDir, "pg");
  if (process.getuid?.() !== 0 || traversableByOthers(dataDir)) return inside;
  const outside = path.join(ROOT_STATE_DIR, createHash("sha256").update(dataDir).digest("hex").slice(0, 16));
  mkdirSync(path.dirname(outside), { recursive: true, mode: 0o755 });
  if (!existsSync(inside)) symlinkSync(outside, inside);
  return outside;
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
