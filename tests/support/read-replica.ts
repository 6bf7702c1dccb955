import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, chmodSync, chownSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/runtime/embedded-postgres";
import { importEmbeddedPostgres } from "@/lib/runtime/postgres-binaries";
import { freePort } from "@/tests/support/provision-database";

const PASSWORD = "verdict-replica-test";

export interface PrimaryAndReplica {
  primaryUrl: string;
  replicaUrl: string;
  stop(): Promise<void>;
}

/**
 * A migrated primary (embedded PostgreSQL) and a hot standby streaming from it. The primary commits
 * with `synchronous_commit = remote_apply`, so a commit returns once the standby has applied it:
 * tests read the replica right after a write without waiting or polling.
 */
export async function startPrimaryAndReplica(): Promise<PrimaryAndReplica> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "verdict-replica-"));
  chmodSync(tmp, 0o777); // the servers may run as the `postgres` user
  const primaryDir = path.join(tmp, "primary");
  const replicaDir = path.join(tmp, "replica");
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];

  let primary = await startEmbeddedPostgres({ dir: primaryDir, port: primaryPort, password: PASSWORD, persistent: true });
  await ensureDatabase(primary.urlFor("postgres"), "verdict");
  await applyMigrations(primary.urlFor("verdict"));
  const admin = new pg.Client({ connectionString: primary.urlFor("postgres") });
  await admin.connect();
  await admin.query("ALTER SYSTEM SET synchronous_standby_names = '*'");
  await admin.query("ALTER SYSTEM SET synchronous_commit = 'remote_apply'");
  await admin.end();
  await primary.stop();

  // A copy of the cleanly stopped primary starts as its standby (no pg_basebackup among the embedded binaries).
  const copied = spawnSync("cp", ["-a", primaryDir, replicaDir]);
  if (copied.status !== 0) throw new Error(`could not copy the primary: ${copied.stderr.toString()}`);
  const owner = statSync(replicaDir);
  const signal = path.join(replicaDir, "standby.signal");
  writeFileSync(signal, "");
  chownSync(signal, owner.uid, owner.gid);
  appendFileSync(path.join(replicaDir, "postgresql.auto.conf"), `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${PASSWORD}'\n`);

  primary = await startEmbeddedPostgres({ dir: primaryDir, port: primaryPort, password: PASSWORD, persistent: true });
  const replica = await startStandby(replicaDir, replicaPort, owner);
  const url = (port: number) => `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/verdict`;
  return {
    primaryUrl: url(primaryPort),
    replicaUrl: url(replicaPort),
    async stop() {
      await replica.stop();
      await primary.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

// embedded-postgres waits for "ready to accept connections", which a standby never prints (it is
// ready for read-only ones), so the standby is started here, as the data folder's owner.
async function startStandby(dir: string, port: number, owner: { uid: number; gid: number }) {
  const { binDir } = await importEmbeddedPostgres();
  const asOwner = process.getuid?.() === 0 ? { uid: owner.uid, gid: owner.gid } : {};
  const server = spawn(path.join(binDir, "postgres"), ["-D", dir, "-p", String(port)], { ...asOwner, stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise<void>((resolve) => server.once("close", () => resolve()));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    server.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready to accept read-only connections")) resolve();
    });
    void exited.then(() => reject(new Error(`the standby exited: ${output.slice(-2000)}`)));
  });
  return {
    async stop() {
      server.kill("SIGINT"); // fast shutdown
      await exited;
    },
  };
}
