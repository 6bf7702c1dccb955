import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { resolveClusterDir } from "@/lib/runtime/data-dir";

// Run as root in a private folder, the embedded cluster lives under /var/lib/verdict (the `postgres`
// user must reach it). A checkout deleted and cloned again at the same path must not get the old
// cluster back: its password went with the deleted folder's secrets, and `npm start` failed with
// "password authentication failed".
const root = mkdtempSync(path.join(os.tmpdir(), "verdict-private-"));
chmodSync(root, 0o700);
afterAll(() => rmSync(root, { recursive: true, force: true }));

it.runIf(process.getuid?.() === 0)("a data folder keeps its cluster, and a new folder at the same path gets a new one", () => {
  const dataDir = path.join(root, "verdict", ".data");
  mkdirSync(dataDir, { recursive: true });
  const first = resolveClusterDir(dataDir);
  expect(first.startsWith("/var/lib/verdict/")).toBe(true);
  expect(resolveClusterDir(dataDir)).toBe(first);

  rmSync(path.join(root, "verdict"), { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  const again = resolveClusterDir(dataDir);
  expect(again.startsWith("/var/lib/verdict/")).toBe(true);
  expect(again).not.toBe(first);
});
