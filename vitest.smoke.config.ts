import path from "node:path";
import { defineConfig } from "vitest/config";

// The quick-start smoke test needs the built app; scripts/test.ts runs it after the build.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/smoke/**/*.test.ts"],
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
