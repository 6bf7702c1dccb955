import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { backoffRemainingSeconds, beginSignInAttempt, settleSignInAttempt, type SignInAttempt, type ThrottleLimits } from "@/lib/auth/login-throttle";
import { disconnectDb, sqlPool } from "@/lib/db";

afterAll(() => disconnectDb());

const limits: ThrottleLimits = { perAccount: 3, perAddress: 5, perDevice: 4, global: 1_000_000, baseSeconds: 30, maxSeconds: 900 };

function unique(prefix: string) {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

async function fail(attempt: SignInAttempt, given = limits) {
  const verdict = await beginSignInAttempt(attempt, given);
  expect(verdict).toEqual({ allowed: true });
  await settleSignInAttempt(attempt, "failure", given);
}

describe("sign-in back-off", () => {
  it("doubles the wait past the free failures, up to the longest", () => {
    expect(backoffRemainingSeconds(2, 0, 3, limits)).toBe(0);
    expect(backoffRemainingSeconds(3, 0, 3, limits)).toBe(30);
    expect(backoffRemainingSeconds(4, 10, 3, limits)).toBe(50);
    expect(backoffRemainingSeconds(20, 0, 3, limits)).toBe(900);
    expect(backoffRemainingSeconds(20, 1800, 3, limits)).toBe(0);
  });

  it("slows an unknown device after the account's free failures, while a known device still gets in", async () => {
    const email = `${unique("victim")}@verdict.test`;
    const address = unique("addr");
    for (let i = 0; i < limits.perAccount; i++) await fail({ email, address, deviceId: null });

    // The attacker, from another address with no device cookie, must wait…
    const stranger = await beginSignInAttempt({ email, address: unique("other"), deviceId: null }, limits);
    expect(stranger).toEqual({ allowed: false, retryAfterSeconds: 30 });
    // …the owner's own browser is checked against its own counter only, and its success clears the account.
    const owner: SignInAttempt = { email, address: unique("home"), deviceId: randomUUID() };
    expect(await beginSignInAttempt(owner, limits)).toEqual({ allowed: true });
    await settleSignInAttempt(owner, "success", limits);
    expect(await beginSignInAttempt({ email, address: unique("later"), deviceId: null }, limits)).toEqual({ allowed: true });
  });

  it("holds a known device to its own counter, so a stolen device cookie is no free pass", async () => {
    const attempt: SignInAttempt = { email: `${unique("dev")}@verdict.test`, address: unique("addr"), deviceId: randomUUID() };
    for (let i = 0; i < limits.perDevice; i++) await fail(attempt);
    expect(await beginSignInAttempt(attempt, limits)).toMatchObject({ allowed: false });
  });

  it("limits one address spraying across accounts", async () => {
    const address = unique("sprayer");
    for (let i = 0; i < limits.perAddress; i++) await fail({ email: `${unique("u")}@verdict.test`, address, deviceId: null });
    const next = await beginSignInAttempt({ email: `${unique("fresh")}@verdict.test`, address, deviceId: null }, limits);
    expect(next).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it("limits spraying from many addresses by the global rate", async () => {
    const { rows } = await sqlPool().query<{ failures: number }>(`SELECT "failures" FROM "login_backoff" WHERE "key" = 'global'`);
    const already = rows[0]?.failures ?? 0;
    const tight = { ...limits, global: already + 3 };
    for (let i = 0; i < 3; i++) await fail({ email: `${unique("g")}@verdict.test`, address: unique("bot"), deviceId: null }, tight);
    const next = await beginSignInAttempt({ email: `${unique("g")}@verdict.test`, address: unique("bot"), deviceId: null }, tight);
    expect(next).toMatchObject({ allowed: false });
    // A known device of an account is not held back by an attack on everyone.
    const known = await beginSignInAttempt({ email: `${unique("g")}@verdict.test`, address: unique("bot"), deviceId: randomUUID() }, tight);
    expect(known).toEqual({ allowed: true });
    await sqlPool().query(`DELETE FROM "login_backoff" WHERE "key" = 'global'`);
  });

  it("counts parallel guesses before checking any password, so a burst cannot slip past the limit", async () => {
    const email = `${unique("burst")}@verdict.test`;
    const verdicts = await Promise.all(
      Array.from({ length: 10 }, () => beginSignInAttempt({ email, address: unique("bot"), deviceId: null }, limits)),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(limits.perAccount);
  });
});
