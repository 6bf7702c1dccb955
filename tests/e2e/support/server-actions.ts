import { readFileSync } from "node:fs";
import path from "node:path";

// Finds the id Next.js gave a server action at build time, so a test can call the action over
// HTTP the way a hand-crafted request would, bypassing the UI.
export function serverActionId(exportedName: string, fileSuffix: string): string {
  const manifestPath = path.resolve(".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const match = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportedName && (entry.filename ?? "").endsWith(fileSuffix),
  );
  if (!match) throw new Error(`server action ${exportedName} in ${fileSuffix} not found in the build manifest`);
  return match[0];
}
