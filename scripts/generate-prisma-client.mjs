// Generates the Prisma client (lib/generated/prisma) after `npm install`. Prisma's CLI would first
// try to download its native schema engine, which `generate` does not need; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at a stand-in skips that download, so this works offline.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let prismaCli;
try {
  prismaCli = require.resolve("prisma/build/index.js");
} catch {
  console.log("prisma CLI not installed (production install without dev dependencies): skipping client generation");
  process.exit(0);
}
const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  stdio: "inherit",
  env: { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1", ...process.env },
});
process.exit(result.status ?? 1);
