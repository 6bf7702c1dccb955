import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/provision-database";

// `npm start` with no DATABASE_URL: embedded PostgreSQL under the data dir, health says the
// database is up, Ctrl-C stops cleanly, and a second start keeps the data.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "verdict-smoke-"));
chmodSync(dataDir, 0o777);

interface Started {
  child: ChildProcess;
  output: () => string;
}

function startVerdict(ports: { app: number; pg: number; sandbox: number }): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, VERDICT_DATA_DIR: dataDir, PORT: String(ports.app), EMBEDDED_PG_PORT: String(ports.pg), SANDBOX_PORT: String(ports.sandbox) };
  for (const key of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "VERDICT_MASTER_KEY"]) delete env[key];
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Next prints "Ready" once it accepts requests.
      if (/Ready in/.test(output)) resolve({ child, output: () => output });
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

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("quick start", () => {
  it("comes up on an embedded PostgreSQL, stops on Ctrl-C, and keeps its data", async () => {
    const ports = { app: await freePort(), pg: await freePort(), sandbox: await freePort() };
    const first = await startVerdict(ports);
    const health = await fetch(`http://127.0.0.1:${ports.app}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "up" });
    expect(first.output()).toMatch(/embedded PostgreSQL on 127\.0\.0\.1:\d+/);
    expect(first.output()).toMatch(/password: \w{5}-\w{5}-\w{5}-\w{5}/);
    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain("[verdict] stopped");

    const second = await startVerdict(ports);
    // The admin from the first start is still there, so no new password is printed.
    expect(second.output()).not.toMatch(/password: /);
    expect((await fetch(`http://127.0.0.1:${ports.app}/api/health`)).status).toBe(200);
    expect(await stop(second)).toBe(0);
  });
});
