import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// The quick-start smoke test needs the built app; scripts/test.ts runs it after the build.
export default mergeConfig(base, defineConfig({ test: { include: ["tests/smoke/**/*.test.ts"], testTimeout: 120_000 } }));
