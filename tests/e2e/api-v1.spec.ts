import { randomUUID } from "node:crypto";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { expect, test } from "./support/fixtures";

// The REST API over real HTTP, as a customer's backend calls it.
const system = { kind: "system", label: "e2e" } as const;

async function newKey(role: "operator" | "viewer" = "operator") {
  return (await createApiKey(system, { name: `e2e-${randomUUID().slice(0, 8)}`, role })).key;
}

async function selfie(scenario = "pass", seed = 1) {
  return { name: "selfie.jpg", mimeType: "image/jpeg", buffer: await createSampleImage({ scenario, seed, width: 640, height: 480 }) };
}

test("POST a verification with an API key, then follow it to its vendor answers", async ({ request }) => {
  const key = await newKey();
  const reference = `api-${randomUUID().slice(0, 8)}`;
  const created = await request.post("/api/v1/verifications", {
    headers: { Authorization: `Bearer ${key}` },
    multipart: { checkType: "liveness_selfie", vendors: "kairos", reference, selfie: await selfie("not_live", 2) },
  });
  expect(created.status()).toBe(202);
  const body = await created.json();
  expect(body).toMatchObject({ checkType: "liveness_selfie", reference, source: "api", runs: [{ vendor: "kairos", status: "queued" }] });
  expect(created.headers()["location"]).toBe(`/api/v1/verifications/${body.id}`);

  await expect
    .poll(async () => (await (await request.get(`/api/v1/verifications/${body.id}`, { headers: { Authorization: `Bearer ${key}` } })).json()).status, { timeout: 30_000 })
    .toBe("completed");
  const done = await (await request.get(`/api/v1/verifications/${body.id}`, { headers: { Authorization: `Bearer ${key}` } })).json();
  expect(done.runs[0]).toMatchObject({ vendor: "kairos", outcome: "fail", raw: { response_code: 2 } });
  expect(done.runs[0].normalized).toMatchObject({ outcome: "fail", liveness: { isLive: false } });

  const listed = await request.get(`/api/v1/verifications?reference=${reference}`, { headers: { Authorization: `Bearer ${key}` } });
  expect((await listed.json()).data.map((v: { id: string }) => v.id)).toEqual([body.id]);
  const event = await db.auditEvent.findFirstOrThrow({ where: { action: "verification.created", targetId: body.id } });
  expect(event.actorLabel).toMatch(/^api-key:e2e-/);
});

test("JSON with base64 files and an Idempotency-Key: a retry returns the first result and creates nothing", async ({ request }) => {
  const key = await newKey();
  const reference = `idem-${randomUUID().slice(0, 8)}`;
  const data = { checkType: "liveness_selfie", vendors: ["biometric_kz"], reference, files: { selfie: (await selfie("pass", 3)).buffer.toString("base64") } };
  const headers = { Authorization: `Bearer ${key}`, "Idempotency-Key": `order-${reference}` };
  const first = await request.post("/api/v1/verifications", { headers, data });
  const second = await request.post("/api/v1/verifications", { headers, data });
  expect(first.status()).toBe(202);
  expect(second.status()).toBe(202);
  expect(second.headers()["idempotent-replayed"]).toBe("true");
  expect((await second.json()).id).toBe((await first.json()).id);
  expect(await db.verification.count({ where: { reference } })).toBe(1);
});

test("bad requests get problem documents naming the field, and write nothing", async ({ request }) => {
  const key = await newKey();
  const auth = { Authorization: `Bearer ${key}` };
  const before = await db.verification.count();

  const notImage = await request.post("/api/v1/verifications", {
    headers: auth,
    multipart: { checkType: "liveness_selfie", vendors: "kairos", selfie: { name: "selfie.jpg", mimeType: "image/jpeg", buffer: Buffer.from("%PDF-1.7 not a photo") } },
  });
  expect(notImage.status()).toBe(400);
  expect(notImage.headers()["content-type"]).toContain("application/problem+json");
  const problem = await notImage.json();
  expect(problem.errors.selfie[0]).toMatch(/^selfie: /);
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.(ts|js):\d+/);

  const wrongVendor = await request.post("/api/v1/verifications", { headers: auth, multipart: { checkType: "liveness_3angle", vendors: "kairos" } });
  expect((await wrongVendor.json()).errors.vendors[0]).toBe("kairos does not serve liveness_3angle; vendors that do: cvs, local.");

  const unknownRole = await request.post("/api/v1/verifications", {
    headers: auth,
    multipart: { checkType: "liveness_selfie", vendors: "kairos", face: await selfie() },
  });
  expect((await unknownRole.json()).errors.face[0]).toContain("is not a media role");

  const tooLarge = await request.post("/api/v1/verifications", {
    headers: auth,
    multipart: { checkType: "liveness_selfie", vendors: "kairos", selfie: { name: "big.jpg", mimeType: "image/jpeg", buffer: Buffer.concat([(await selfie()).buffer, Buffer.alloc(26 * 1024 * 1024)]) } },
  });
  // Reading stops at the file limit: 413, naming the file's role.
  expect(tooLarge.status()).toBe(413);
  expect((await tooLarge.json()).errors.selfie[0]).toMatch(/is larger than/);

  const wrongType = await request.post("/api/v1/verifications", { headers: { ...auth, "Content-Type": "text/plain" }, data: "hello" });
  expect(wrongType.status()).toBe(415);

  expect(await db.verification.count()).toBe(before);
});

test("a wrong, revoked or under-privileged key is refused", async ({ request }) => {
  const multipart = { checkType: "liveness_selfie", vendors: "kairos", selfie: await selfie() };
  const noKey = await request.post("/api/v1/verifications", { multipart });
  expect(noKey.status()).toBe(401);
  const wrong = await request.post("/api/v1/verifications", { headers: { Authorization: "Bearer vdk_not_a_real_key_0000000000000" }, multipart });
  expect(wrong.status()).toBe(401);

  const created = await createApiKey(system, { name: `e2e-revoked-${randomUUID().slice(0, 8)}`, role: "operator" });
  await revokeApiKey(system, created.apiKey.id);
  const revoked = await request.post("/api/v1/verifications", { headers: { Authorization: `Bearer ${created.key}` }, multipart });
  expect(revoked.status()).toBe(401);

  const viewerKey = await newKey("viewer");
  const viewer = await request.post("/api/v1/verifications", { headers: { Authorization: `Bearer ${viewerKey}` }, multipart });
  expect(viewer.status()).toBe(403);
  const read = await request.get("/api/v1/verifications?limit=1", { headers: { Authorization: `Bearer ${viewerKey}` } });
  expect(read.status()).toBe(200);
  const badQuery = await request.get("/api/v1/verifications?limit=1000&from=yesterday", { headers: { Authorization: `Bearer ${viewerKey}` } });
  expect(Object.keys((await badQuery.json()).errors).sort()).toEqual(["from", "limit"]);
});

test("a client posts a vendor answer it already got, and Verdict normalizes it", async ({ request }) => {
  const key = await newKey();
  const vendorResponse = JSON.stringify({ result: false, prediction: "0.235123", created_at: "2023-05-23T13:56:32.010Z", failure_reason: { type: "CALC_RESULT", detail: "Low overall prediciton" } });
  const response = await request.post("/api/v1/verifications/ingest", {
    headers: { Authorization: `Bearer ${key}` },
    multipart: { checkType: "liveness_selfie", vendor: "biometric_kz", vendorResponse, selfie: await selfie(undefined, 9) },
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  expect(body).toMatchObject({ source: "ingest", status: "completed", runs: [{ vendor: "biometric_kz", outcome: "fail", raw: { prediction: "0.235123" } }] });

  const missing = await request.post("/api/v1/verifications/ingest", {
    headers: { Authorization: `Bearer ${key}` },
    multipart: { checkType: "liveness_selfie", vendor: "biometric_kz", selfie: await selfie(undefined, 10) },
  });
  expect((await missing.json()).errors.vendorResponse[0]).toContain("vendorResponse is required");
});

test("the OpenAPI document describes the API without a session", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/verifications", "/api/v1/verifications/{id}", "/api/v1/verifications/ingest"]));
});
