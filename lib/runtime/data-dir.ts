import { mkdirSync } from "node:fs";
import path from "node:path";

// Local state of a default install (embedded database, generated secrets), git-ignored.
export function resolveDataDir(): string {
  const dir = path.resolve(process.env.VERDICT_DATA_DIR ?? ".data");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
