import { chmodSync, existsSync, mkdirSync, statSync, symlinkSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";

// Local state of a default install (embedded database, generated secrets), git-ignored.
export function resolveDataDir(): string {
  const dir = path.resolve(process.env.VERDICT_DATA_DIR ?? ".data");
  mkdirSync(dir, { recursive: true });
  // Traversable, not listable: the embedded PostgreSQL runs as another user when started as root.
  // The secrets file inside is itself 0600.
  chmodSync(dir, 0o711);
  return dir;
}

function traversableByOthers(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}

// Where the embedded cluster lives: `<data dir>/pg`. Run as root, PostgreSQL runs as the `postgres`
// user, which must reach that folder; when an ancestor is private (e.g. /root), the cluster goes to
// /var/lib/verdict/<hash of the data dir> and `<data dir>/pg` becomes a link to it.
export function resolveClusterDir(dataDir: string): string {
  const inside = path.join(dataDir, "pg");
  if (process.getuid?.() !== 0 || traversableByOthers(dataDir)) return inside;
  const outside = path.join("/var/lib/verdict", createHash("sha256").update(dataDir).digest("hex").slice(0, 16));
  mkdirSync(path.dirname(outside), { recursive: true, mode: 0o755 });
  if (!existsSync(inside)) symlinkSync(outside, inside);
  return outside;
}
