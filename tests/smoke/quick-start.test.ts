import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT_STATE_DIR } from "@/lib/runtime/postgres-binaries";
import { freePort } from "@/tests/support/provision-database";

// `npm start` with no DATABASE_URL: embedded PostgreSQL under the data dir, health says the
// database is up, the first admin's password comes last, Ctrl-C stops cleanly, and a second start
// keeps the data. As root, also from a copy of the project inside a private (0700) folder.
const root = path.resolve(import.meta.dirname, "../..");
const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
});

interface Started {
  child: ChildProcess;
  output: () => string;
}

function startVerdict(options: { cwd: string; dataDir?: string; ports: { app: number; pg: number; sandbox: number } }): Promise<Started> {
  const { ports } = options;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(ports.app), EMBEDDED_PG_PORT: String(ports.pg), SANDBOX_PORT: String(ports.sandbox) };
  for (const key of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "VERDICT_MASTER_KEY", "VERDICT_DATA_DIR"]) delete env[key];
  if (options.dataDir) env.VERDICT_DATA_DIR = options.dataDir;
  const child = spawn(path.join(options.cwd, "node_modules/.bin/tsx"), ["scripts/start.ts"], { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The last line of a start, printed once the app answers.
      if (/\[verdict\] Press Ctrl-C to stop\./.test(output)) resolve({ child, output: () => output });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`npm start exited early (${code}):\n${output}`)));
  });
}

function stop(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.removeAllListeners("exit");
    started.child.on("exit", (code) => resolve(code));
    started.child.kill("SIGINT");
  });
}

async function expectHealthy(port: number) {
  const health = await fetch(`http://127.0.0.1:${port}/api/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: "up" });
}

// What a fresh clone holds (tracked and new files, as in the working tree), with node_modules
// hard-linked rather than copied, the generated Prisma client, and the build when there is one.
function copyProject(target: string) {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(path.join(root, file))) continue;
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(target, file), { verbatimSymlinks: true });
  }
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(target, "node_modules")]);
  cpSync(path.join(root, "lib/generated"), path.join(target, "lib/generated"), { recursive: true });
  if (existsSync(path.join(root, ".next"))) cpSync(path.join(root, ".next"), path.join(target, ".next"), { recursive: true, verbatimSymlinks: true });
}

describe("quick start", () => {
  it("comes up on an embedded PostgreSQL, prints the first admin last, stops on Ctrl-C, and keeps its data", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "verdict-smoke-"));
    chmodSync(dataDir, 0o777);
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const ports = { app: await freePort(), pg: await freePort(), sandbox: await freePort() };
    const first = await startVerdict({ cwd: root, dataDir, ports });
    await expectHealthy(ports.app);
    const output = first.output();
    expect(output).toMatch(/embedded PostgreSQL on 127\.0\.0\.1:\d+/);
    // After the framework's own output ("Ready"), boxed.
    expect(output.indexOf("Ready in")).toBeLessThan(output.indexOf("[verdict] ready"));
    expect(output.indexOf("[verdict] ready")).toBeLessThan(output.search(/│ {3}password: \w{5}-\w{5}-\w{5}-\w{5}/));
    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain("[verdict] stopped");

    const second = await startVerdict({ cwd: root, dataDir, ports });
    // The admin from the first start is still there, so no new password is printed.
    expect(second.output()).not.toMatch(/password: /);
    await expectHealthy(ports.app);
    expect(await stop(second)).toBe(0);
  });

  // PostgreSQL runs as the `postgres` user, who cannot reach a folder only root may enter: the
  // binaries and the cluster are moved out of it, under /var/lib/verdict.
  it.runIf(process.getuid?.() === 0)("starts as root from a copy of the project inside a private (0700) folder", async () => {
    const stateBefore = new Set(existsSync(ROOT_STATE_DIR) ? readdirSync(ROOT_STATE_DIR) : []);
    const home = mkdtempSync(path.join(os.tmpdir(), "verdict-private-"));
    chmodSync(home, 0o700);
    cleanups.push(() => {
      rmSync(home, { recursive: true, force: true });
      for (const entry of existsSync(ROOT_STATE_DIR) ? readdirSync(ROOT_STATE_DIR) : []) {
        if (!stateBefore.has(entry)) rmSync(path.join(ROOT_STATE_DIR, entry), { recursive: true, force: true });
      }
    });
    const clone = path.join(home, "verdict");
    copyProject(clone);
    const ports = { app: await freePort(), pg: await freePort(), sandbox: await freePort() };
    const started = await startVerdict({ cwd: clone, ports });
    await expectHealthy(ports.app);
    expect(started.output()).toMatch(/password: \w{5}-\w{5}-\w{5}-\w{5}/);
    expect(started.output()).not.toMatch(/EACCES|\n\s+at /);

    // The CLI finds the running embedded server without EMBEDDED_PG_PORT (its port is in .data/pg).
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ["DATABASE_URL", "EMBEDDED_PG_PORT", "VERDICT_DATA_DIR"]) delete env[key];
    const users = execFileSync(path.join(clone, "node_modules/.bin/tsx"), ["scripts/cli.ts", "user", "list"], { cwd: clone, env, encoding: "utf8" });
    expect(users).toContain("admin@verdict.local");
    expect(await stop(started)).toBe(0);
  }, 900_000);
});
