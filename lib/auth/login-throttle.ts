import type pg from "pg";
import { getEnv } from "@/lib/config/env";
import { inSqlTransaction, sqlPool } from "@/lib/db";

// Brute-force and password-spraying protection for the password sign-in, shared by every app
// instance through PostgreSQL (table "login_backoff"). Failures are counted
//   - per account, against guessing one user's password;
//   - per client address across accounts, and globally, against spraying one password over many
//     accounts from one address or from many;
//   - per known device (a browser that signed in to the account before: lib/auth/known-device.ts).
// Past its free failures a counter imposes a wait after each further failure, doubling from
// LOGIN_BACKOFF_BASE_SECONDS up to LOGIN_LOCKOUT_SECONDS; an attempt during a wait is refused
// without looking at the password. Counters are forgotten after twice the longest wait without a
// failure. A known device answers only to its own counter, so nobody can lock a user out by
// failing on purpose with their email: the user's own browser still gets in with the password.
//
// An attempt is counted as a failure before the password is checked (in the same locked
// transaction as the check), and given back when it succeeds: parallel guesses cannot slip
// through between the check and the count.

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  perDevice: number;
  global: number;
  baseSeconds: number;
  maxSeconds: number;
}

export function limitsFromEnv(): ThrottleLimits {
  const env = getEnv();
  return {
    perAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    perAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
    perDevice: env.LOGIN_MAX_FAILURES_PER_DEVICE,
    global: env.LOGIN_MAX_FAILURES_GLOBAL,
    baseSeconds: env.LOGIN_BACKOFF_BASE_SECONDS,
    maxSeconds: env.LOGIN_LOCKOUT_SECONDS,
  };
}

export interface SignInAttempt {
  email: string;
  address: string;
  /** The device id when the browser is a known device of this account, else null. */
  deviceId: string | null;
}

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Counter {
  key: string;
  free: number;
}

// Which counters an attempt answers to, and which it adds to.
function countersOf(attempt: SignInAttempt, limits: ThrottleLimits): { checked: Counter[]; counted: string[] } {
  const account = { key: `account:${attempt.email}`, free: limits.perAccount };
  const address = { key: `address:${attempt.address}`, free: limits.perAddress };
  const global = { key: "global", free: limits.global };
  if (attempt.deviceId) {
    const device = { key: `device:${attempt.deviceId}`, free: limits.perDevice };
    return { checked: [device], counted: [device.key, account.key, address.key, global.key] };
  }
  return { checked: [account, address, global], counted: [account.key, address.key, global.key] };
}

/** Seconds still to wait after `failures` failures, the last one `sinceSeconds` ago. */
export function backoffRemainingSeconds(failures: number, sinceSeconds: number, free: number, limits: ThrottleLimits): number {
  if (failures < free || sinceSeconds >= 2 * limits.maxSeconds) return 0;
  const wait = Math.min(limits.baseSeconds * 2 ** Math.min(failures - free, 30), limits.maxSeconds);
  return Math.max(0, Math.ceil(wait - sinceSeconds));
}

/** Checks the counters and, when allowed, counts the attempt as a failure until it is settled. */
export async function beginSignInAttempt(attempt: SignInAttempt, limits = limitsFromEnv()): Promise<AttemptVerdict> {
  const { checked, counted } = countersOf(attempt, limits);
  return inSqlTransaction(async (client) => {
    await client.query(`DELETE FROM "login_backoff" WHERE "lastFailureAt" < now() - make_interval(secs => $1)`, [2 * limits.maxSeconds]);
    // Every counter gets its row before it is locked: FOR UPDATE locks only rows that exist, so a
    // burst of first attempts on one account would all have read "no failures" and all passed.
    // A concurrent insert of the same key waits for this transaction; keys go in one order.
    await client.query(
      `INSERT INTO "login_backoff" ("key", "failures", "lastFailureAt")
         SELECT k, 0, now() FROM unnest($1::text[]) AS k ORDER BY k
       ON CONFLICT ("key") DO NOTHING`,
      [counted],
    );
    const { rows } = await client.query<{ key: string; failures: number; since: number }>(
      `SELECT "key", "failures", EXTRACT(EPOCH FROM now() - "lastFailureAt")::float8 AS "since"
         FROM "login_backoff" WHERE "key" = ANY($1::text[]) ORDER BY "key" FOR UPDATE`,
      [counted],
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const waits = checked.map((counter) => {
      const row = byKey.get(counter.key);
      return row ? backoffRemainingSeconds(row.failures, row.since, counter.free, limits) : 0;
    });
    const retryAfterSeconds = Math.max(0, ...waits);
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds };
    await addFailures(client, counted);
    return { allowed: true };
  });
}

async function addFailures(client: pg.PoolClient, keys: string[]) {
  await client.query(
    `INSERT INTO "login_backoff" ("key", "failures", "lastFailureAt")
       SELECT k, 1, now() FROM unnest($1::text[]) AS k
     ON CONFLICT ("key") DO UPDATE SET "failures" = "login_backoff"."failures" + 1, "lastFailureAt" = now()`,
    [keys],
  );
}

/**
 * Settles an allowed attempt: a failure stays counted; a success clears the account's and the
 * device's counters and gives back its count elsewhere; an attempt that was neither (the password
 * was right but the second-factor code is still to come) only gives back its count.
 */
export async function settleSignInAttempt(attempt: SignInAttempt, outcome: "failure" | "success" | "incomplete", limits = limitsFromEnv()) {
  if (outcome === "failure") return;
  const { counted } = countersOf(attempt, limits);
  const cleared = outcome === "success" ? counted.filter((key) => key.startsWith("account:") || key.startsWith("device:")) : [];
  await sqlPool().query(
    `UPDATE "login_backoff" SET "failures" = CASE WHEN "key" = ANY($2::text[]) THEN 0 ELSE GREATEST("failures" - 1, 0) END
      WHERE "key" = ANY($1::text[])`,
    [counted, cleared],
  );
}
