import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit and integration tests. Integration tests need DATABASE_URL (set by scripts/test.ts,
// which provisions a throwaway database) and start their own sandbox server where needed.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Integration files share one database; run them one at a time so no file sees another's writes mid-test.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // server-only throws outside a React server bundle; tests import server modules directly.
    alias: { "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts") },
  },
});
