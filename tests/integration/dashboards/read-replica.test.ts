import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { getOutcomeRates } from "@/lib/dashboards/get-outcome-rates";
import { db, disconnectDb } from "@/lib/db";
import { readReplicaStatus } from "@/lib/runtime/read-replica-status";
import { startPrimaryAndReplica, type PrimaryAndReplica } from "@/tests/support/read-replica";

// DATABASE_READ_URL against a real hot standby streaming from the primary: the dashboards read the
// replica (a paused replica shows the older figures while the primary has the new row), and its lag
// is reported on the page's status and by /api/health.

const saved = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_READ_URL: process.env.DATABASE_READ_URL };
let servers: PrimaryAndReplica;
let primary: pg.Client;
let replica: pg.Client;
const filters = parseDashboardFilters({ from: "2003-06-10", to: "2003-06-10", tz: "UTC" });

async function addVerification(outcome: "pass" | "fail") {
  await primary.query(
    `WITH v AS (INSERT INTO "Verification" ("checkType", "source", "createdAt") VALUES ('face_match', 'api', '2003-06-10T12:00:00Z') RETURNING id)
     INSERT INTO "VendorRun" ("verificationId", "vendor", "checkType", "status", "outcome", "requestedAt") SELECT id, 'cvs', 'face_match', 'completed', $1, '2003-06-10T12:00:01Z' FROM v`,
    [outcome],
  );
}

beforeAll(async () => {
  servers = await startPrimaryAndReplica();
  await disconnectDb();
  process.env.DATABASE_URL = servers.primaryUrl;
  process.env.DATABASE_READ_URL = servers.replicaUrl;
  primary = new pg.Client({ connectionString: servers.primaryUrl });
  replica = new pg.Client({ connectionString: servers.replicaUrl });
  await primary.connect();
  await replica.connect();
}, 240_000);

afterAll(async () => {
  await disconnectDb();
  await primary?.end();
  await replica?.end();
  await servers?.stop();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}, 60_000);

it("the dashboards read the replica, and say how far behind it is", async () => {
  await addVerification("pass"); // returns once the standby applied it (remote_apply)
  expect(await readReplicaStatus()).toEqual({ isReplica: true, streaming: true, lagSeconds: 0 });
  expect((await getOutcomeRates(filters)).totals).toMatchObject({ verifications: 1, pass: 1, fail: 0 });

  // Replay paused: the replica receives the next row but does not apply it.
  await replica.query("SELECT pg_wal_replay_pause()");
  await primary.query("SET synchronous_commit = on"); // wait for the standby to receive, not to apply
  await addVerification("fail");
  expect(await db.verification.count()).toBe(2);
  expect((await getOutcomeRates(filters)).totals).toMatchObject({ verifications: 1, pass: 1, fail: 0 });
  const behind = await readReplicaStatus();
  expect(behind?.lagSeconds).toBeGreaterThan(0);
  const body = (await (await health()).json()) as { readReplica?: { lagSeconds: number } };
  expect(body.readReplica?.lagSeconds).toBeGreaterThan(0);

  // Replay resumed: one more commit applied on the standby means every earlier one is.
  await replica.query("SELECT pg_wal_replay_resume()");
  await primary.query("SET synchronous_commit = remote_apply");
  await primary.query(`CREATE TABLE "replica_marker" ("n" int); INSERT INTO "replica_marker" VALUES (1)`);
  expect((await getOutcomeRates(filters)).totals).toMatchObject({ verifications: 2, pass: 1, fail: 1 });
}, 60_000);
