import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// `npm start` builds the app when the sources changed since the last build, so a fresh clone
// (or a `git pull`) needs no separate build step.
const SOURCES = ["app", "components", "lib", "public", "auth.ts", "proxy.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["generated", "node_modules"]);

function collect(root: string, entry: string, out: string[]) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const child of readdirSync(full).sort()) if (!SKIP.has(child)) collect(root, path.join(entry, child), out);
  } else {
    out.push(entry);
  }
}

export function sourceFingerprint(root: string): string {
  const files: string[] = [];
  for (const entry of SOURCES) collect(root, entry, files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update(readFileSync(path.join(root, file)));
  return hash.digest("hex");
}

export async function ensureBuild(root: string, log: (line: string) => void): Promise<void> {
  const marker = path.join(root, ".next", "verdict-source-hash");
  const fingerprint = sourceFingerprint(root);
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === fingerprint;
  if (built) return;
  log("Building the app (first start or sources changed; this takes a minute)…");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with code ${code}`))));
  });
  writeFileSync(marker, fingerprint);
}
