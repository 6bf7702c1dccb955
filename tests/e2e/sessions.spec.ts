import { randomUUID } from "node:crypto";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db";
import { signInOverHttp } from "./support/auth-http";
import { createThrowawayUser, expect, signIn, signInAs, test } from "./support/fixtures";
import { TRUSTED_TEST_PROXY } from "./support/network";

test("a session cookie copied before sign-out is refused after it", async ({ page, context, browser, baseURL }) => {
  test.slow(); // two browsers and several page loads
  const user = await createThrowawayUser("viewer");
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/queue$/);
  const copied = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(copied).toBeDefined();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // The copy still has a valid signature and expiry; the server has ended its session.
  const thief = await browser.newContext();
  await thief.addCookies([{ name: copied!.name, value: copied!.value, url: baseURL! }]);
  const stolen = await thief.newPage();
  await stolen.goto("/queue");
  await expect(stolen).toHaveURL(/\/login/);
  const session = await thief.request.get("/api/auth/session");
  expect(await session.json()).not.toHaveProperty("user");
  const api = await thief.request.get("/api/v1/verifications");
  expect(api.status()).toBe(401);
  await thief.close();

  const signOuts = await db.auditEvent.findMany({ where: { action: "auth.signed_out", targetId: user.id } });
  expect(signOuts).toHaveLength(1);
  expect(signOuts[0].ip).toBe("127.0.0.1");
  expect(await db.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
});

test("a client's own X-Forwarded-For is neither its recorded address nor a way around the back-off", async ({ baseURL }) => {
  const user = await createThrowawayUser("viewer");
  for (let i = 0; i < 5; i++) {
    const error = await signInOverHttp(baseURL!, { email: user.email, password: `wrong-${i}` }, { forwardedFor: `203.0.113.${i + 1}` });
    expect(error).toBe("CredentialsSignin");
  }
  // A new spoofed address does not start a fresh count: the right password from an unknown device waits.
  const sixth = await signInOverHttp(baseURL!, { email: user.email, password: "correct horse battery staple" }, { forwardedFor: "198.51.100.200" });
  expect(sixth).toMatch(/^LockedOut:\d+$/);

  const failures = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", targetId: user.id } });
  expect(failures).toHaveLength(5);
  for (const event of failures) expect(event.after).toMatchObject({ address: "127.0.0.1" });
  const spoofedKeys = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "login_backoff" WHERE "key" LIKE 'address:203.0.113.%'`;
  expect(Number(spoofedKeys[0].n)).toBe(0);
});

test("behind a trusted proxy, the address it forwards is the client's", async ({ baseURL }) => {
  const email = `nobody-${randomUUID().slice(0, 8)}@verdict.test`;
  const error = await signInOverHttp(baseURL!, { email, password: "whatever" }, { localAddress: TRUSTED_TEST_PROXY, forwardedFor: "198.51.100.7" });
  expect(error).toBe("CredentialsSignin");
  const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed", after: { path: ["email"], equals: email } } });
  expect(event.after).toMatchObject({ address: "198.51.100.7" });
});

test("route handlers refuse a foreign Origin on a session cookie, not on an API key", async ({ page, baseURL }) => {
  await signInAs(page, "operator");
  const own = await page.request.get("/api/v1/verifications", { headers: { Origin: new URL(baseURL!).origin } });
  expect(own.status()).toBe(200);
  const foreign = await page.request.get("/api/v1/verifications", { headers: { Origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({ detail: "Requests from another site may not use your session." });
  const media = await page.request.get(`/api/media/${randomUUID()}`, { headers: { Origin: "https://evil.example" } });
  expect(media.status()).toBe(403);
  const post = await page.request.post("/api/v1/verifications", { headers: { Origin: "null" }, multipart: { checkType: "liveness_selfie" } });
  expect(post.status()).toBe(403);

  const { key } = await createApiKey({ kind: "system", label: "e2e" }, { name: `origin-${randomUUID().slice(0, 8)}`, role: "operator" });
  const withKey = await page.request.get("/api/v1/verifications", { headers: { Origin: "https://evil.example", Authorization: `Bearer ${key}` } });
  expect(withKey.status()).toBe(200);
});
