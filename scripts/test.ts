import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "@/lib/runtime/ensure-build";
import { freePort, provisionTestDatabase } from "@/tests/support/provision-database";

// `npm test`: the linter, the type checker and knip (every time: `next build` is skipped when nothing
// changed, and it was the only place types were checked), unit and integration tests (vitest), then
// the built app in Chromium (Playwright) and the quick-start smoke test, all against one throwaway
// PostgreSQL database dropped at the end.
const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(`[test] ${line}`);

// `hold`: the output is kept until the command ends, so that commands run side by side do not
// interleave their lines.
function run(command: string, args: string[], env: NodeJS.ProcessEnv, { hold = false } = {}): Promise<number> {
  return new Promise((resolve) => {
    if (!hold) log(`$ ${command} ${args.join(" ")}`);
    const child = spawn(command, args, { cwd: root, stdio: hold ? ["ignore", "pipe", "pipe"] : "inherit", env });
    const output: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("close", (code, signal) => {
      if (hold) {
        log(`$ ${command} ${args.join(" ")}`);
        process.stdout.write(Buffer.concat(output));
      }
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

// Each of the three checks runs on one core: side by side they take the time of the longest.
const checks: Array<[string, string, string[]]> = [
  ["lint (eslint)", bin("eslint"), [".", "--max-warnings", "0"]],
  ["types (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."]],
  ["dead code (knip)", bin("knip"), ["--no-config-hints"]],
];
const results: Array<[string, number]> = await Promise.all(
  checks.map(async ([name, command, args]): Promise<[string, number]> => [name, await run(command, args, process.env, { hold: true })]),
);

const database = await provisionTestDatabase(log);
try {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: "test-secret-that-is-long-enough-0123456789",
    VERDICT_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  results.push(["unit + integration", await run(bin("vitest"), ["run"], env)]);
  results.push(["build", await ensureBuild(root, log).then(() => 0, (error: unknown) => (console.error(error), 1))]);
  // The browser and smoke suites need the build; they run even when an earlier suite failed, so
  // one run shows every failure.
  if (results.find(([name]) => name === "build")?.[1] === 0) {
    const appPort = await freePort();
    const sandboxPort = await freePort();
    const oidcPort = await freePort();
    const e2eEnv = {
      ...env,
      E2E_PORT: String(appPort),
      SANDBOX_PORT: String(sandboxPort),
      OIDC_TEST_PORT: String(oidcPort),
      NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
    };
    results.push(["browser (Playwright)", await run(bin("playwright"), ["test"], e2eEnv)]);
    results.push(["quick-start smoke", await run(bin("vitest"), ["run", "--config", "vitest.smoke.config.ts"], env)]);
  }
} finally {
  await database.drop();
  log("test database dropped");
}

for (const [name, code] of results) log(`${code === 0 ? "ok  " : "FAIL"} ${name}`);
const failed = results.filter(([, code]) => code !== 0).length;
console.log(`suites: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
