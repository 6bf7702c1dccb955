import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db, disconnectDb, sqlPool } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { setUpDatabaseRoles } from "@/lib/db/database-roles";
import { provisionTestDatabase, type TestDatabase } from "../../support/provision-database";

const system = { kind: "system", label: "audit-chain-test" } as const;

function runCli(args: string[], databaseUrl: string) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function insertEvents(url: string, count: number): Promise<string[]> {
  return withClient(url, async (client) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "AuditEvent" ("actorLabel", "action", "targetType", "targetId", "after") VALUES ('test', 'test.event', 'test', $1, $2) RETURNING "id"::text AS id`,
        [String(i), JSON.stringify({ n: i })],
      );
      ids.push(rows[0].id);
    }
    return ids;
  });
}

describe("the audit chain on the shared test database", () => {
  afterAll(() => disconnectDb());

  it("chains concurrent events in id order, with the database's time", async () => {
    const tag = randomUUID();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        // A generous wait for a pooled connection: on a busy machine 8 at once may queue.
        db.$transaction((tx) => recordAuditEvent(tx, system, { action: "test.concurrent", targetType: "test", targetId: `${tag}-${i}` }), { maxWait: 20_000 }),
      ),
    );
    const backdated = await db.auditEvent.create({
      data: { actorLabel: "test", action: "test.backdated", targetType: "test", targetId: tag, at: new Date("2001-01-01T00:00:00Z"), hash: "f".repeat(64) },
    });
    expect(Date.now() - backdated.at.getTime()).toBeLessThan(60_000);
    expect(backdated.hash).not.toBe("f".repeat(64));
    const verdict = await verifyAuditChain();
    expect(verdict).toMatchObject({ intact: true });
  });

  it("refuses TRUNCATE, UPDATE and DELETE, and writes to the chain's head", async () => {
    const client = await sqlPool().connect();
    try {
      for (const statement of [
        `TRUNCATE "AuditEvent"`,
        `UPDATE "AuditEvent" SET "action" = 'x' WHERE "id" = (SELECT max("id") FROM "AuditEvent")`,
        `DELETE FROM "AuditEvent" WHERE "id" = (SELECT max("id") FROM "AuditEvent")`,
        `UPDATE "AuditChainHead" SET "lastEventId" = 0`,
        `TRUNCATE "AuditChainHead"`,
      ]) {
        await client.query("BEGIN");
        await expect(client.query(statement), statement).rejects.toThrow(/append-only|written only by the audit chain/);
        await client.query("ROLLBACK");
      }
    } finally {
      client.release();
    }
  });

  it("detects an edited event and deleted newest events, made with the triggers disabled", async () => {
    await recordAuditEvent(db, system, { action: "test.to_edit", targetType: "test" });
    const edited = await db.auditEvent.findFirstOrThrow({ where: { action: "test.to_edit" }, orderBy: { id: "desc" } });
    const client = await sqlPool().connect();
    try {
      // A superuser's edit, rolled back so the shared database stays intact.
      await client.query("BEGIN");
      await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
      await client.query(`UPDATE "AuditEvent" SET "after" = '{"forged": true}' WHERE "id" = $1`, [edited.id]);
      const afterEdit = await verifyAuditChain({ on: client });
      expect(afterEdit).toMatchObject({ intact: false, brokenAt: edited.id.toString() });
      expect(afterEdit.intact ? "" : afterEdit.reason).toContain("was changed after it was written");
      await client.query("ROLLBACK");

      await client.query("BEGIN");
      await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
      await client.query(`DELETE FROM "AuditEvent" WHERE "id" >= $1`, [edited.id]);
      const afterTailDelete = await verifyAuditChain({ on: client });
      expect(afterTailDelete.intact ? "" : afterTailDelete.reason).toContain("the newest events were deleted");
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
  });
});

describe("a database tampered with by a superuser, and one run without superuser rights", () => {
  let database: TestDatabase;
  const roles = { owner: `verdict_owner_${randomUUID().slice(0, 6)}`, app: `verdict_app_${randomUUID().slice(0, 6)}` };

  beforeAll(async () => {
    database = await provisionTestDatabase(() => {});
  });
  afterAll(async () => {
    await database.drop();
    await withClient(process.env.DATABASE_URL!, async (client) => {
      for (const role of [roles.app, roles.owner]) await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(role)}`);
    });
  });

  it("`audit verify` names the event after a deleted one and exits non-zero", async () => {
    const ids = await insertEvents(database.url, 5);
    const intact = runCli(["audit", "verify"], database.url);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("audit chain intact: 5 events");
    const head = /head .*: (\d+:[0-9a-f]{64})/.exec(intact.stdout)?.[1];
    expect(head).toBeDefined();

    await withClient(database.url, async (client) => {
      await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
      await client.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [ids[2]]);
      await client.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
    });
    const broken = runCli(["audit", "verify"], database.url);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain(`audit chain BROKEN at event #${ids[3]}: event #${ids[3]} does not follow event #${ids[1]}`);
    expect(broken.stderr).toContain(`intact up to event #${ids[1]}`);
  });

  it("`db roles` leaves the app role unable to truncate, alter or rewrite the audit log", async () => {
    await setUpDatabaseRoles(database.url, roles);
    const asRole = (role: string) => {
      const url = new URL(database.url);
      url.username = role;
      url.password = "";
      return url.toString();
    };
    await withClient(asRole(roles.app), async (app) => {
      await app.query(`INSERT INTO "AuditEvent" ("actorLabel", "action", "targetType") VALUES ('app', 'test.as_app', 'test')`);
      expect((await app.query(`SELECT count(*) FROM "AuditEvent"`)).rows[0].count).not.toBe("0");
      for (const statement of [
        `TRUNCATE "AuditEvent"`,
        `UPDATE "AuditEvent" SET "action" = 'x'`,
        `DELETE FROM "AuditEvent"`,
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`,
        `UPDATE "AuditChainHead" SET "lastEventId" = 0`,
        `ALTER TABLE "User" ADD COLUMN "x" INTEGER`,
      ]) {
        await expect(app.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
      }
      // Ordinary data: read and written.
      await app.query(`INSERT INTO "DecisionReason" ("code", "label", "kinds") VALUES ($1, 'x', '{approve}')`, [`r-${randomUUID().slice(0, 6)}`]);
    });
    // Migrations run as the owner.
    const result = await applyMigrations(asRole(roles.owner));
    expect(result.applied).toEqual([]);
  });
});
