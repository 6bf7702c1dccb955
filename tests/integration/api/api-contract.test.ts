import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db, disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import type { RunningWorker } from "@/lib/jobs/worker";
import { decideCase } from "@/lib/review/decide-case";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import type { RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { API_ROUTE_MODULES, startApiServer, type ApiServer } from "@/tests/support/api-http-server";
import { createOpenApiValidator } from "@/tests/support/openapi-validator";
import { RunWaiter, startSandboxForVendors, startVendorWorker } from "../verifications/pipeline-support";

// The API contract: real HTTP requests to every operation of the served OpenAPI document, against
// the real route handlers, PostgreSQL and the vendor sandboxes. Every answer (status, content type,
// required headers, body) is validated against the document with ajv, and every documented status
// of every operation must have been seen at least once.

type Json = Record<string, unknown>;
const system = { kind: "system", label: "api-contract" } as const;
const tag = randomUUID().slice(0, 8);
const FOREIGN_ORIGIN = { origin: "https://elsewhere.example" };
const SMALL_MEDIA_LIMIT = 200_000;

let api: ApiServer;
let sandbox: RunningSandbox;
let worker: RunningWorker;
const waiter = new RunWaiter();
let doc: Json;
let validator: ReturnType<typeof createOpenApiValidator>;
const keys = {} as Record<"admin" | "operator" | "reviewer" | "viewer", string>;
const seen = new Set<string>();
let previousMediaLimit: string | undefined;

beforeAll(async () => {
  sandbox = await startSandboxForVendors();
  worker = await startVendorWorker(waiter);
  api = await startApiServer();
  for (const role of ["admin", "operator", "reviewer", "viewer"] as const) {
    keys[role] = (await createApiKey(system, { name: `contract-${role}-${tag}`, role })).key;
  }
  // A small file limit, so the 413 answers need no large bodies.
  previousMediaLimit = process.env.MEDIA_MAX_BYTES;
  process.env.MEDIA_MAX_BYTES = String(SMALL_MEDIA_LIMIT);
  doc = (await (await fetch(`${api.url}/api/v1/openapi.json`)).json()) as Json;
  validator = createOpenApiValidator(doc);
});

afterAll(async () => {
  if (previousMediaLimit === undefined) delete process.env.MEDIA_MAX_BYTES;
  else process.env.MEDIA_MAX_BYTES = previousMediaLimit;
  await api?.close();
  await worker?.stop();
  await stopBoss();
  await sandbox?.close();
  await disconnectDb();
});

interface Call {
  /** The OpenAPI path template … */
  operation: string;
  /** … and the concrete URL (path and query) sent. */
  url: string;
  key?: keyof typeof keys | "wrong";
  headers?: Record<string, string>;
  body?: BodyInit;
}

/** Sends one request, checks the answer against the document and the expected status, and notes it as seen. */
async function send(expected: number, call: Call) {
  const [method, template] = call.operation.split(" ") as [string, string];
  const authorization = call.key === "wrong" ? "Bearer vdk_not_a_real_key_0000000000000" : call.key ? `Bearer ${keys[call.key]}` : undefined;
  const response = await fetch(`${api.url}${call.url}`, {
    method,
    headers: { ...(authorization ? { authorization } : {}), ...call.headers },
    body: call.body,
  });
  const body = Buffer.from(await response.arrayBuffer());
  // A JSON body the server accepted is one the document accepts too.
  if (response.ok && typeof call.body === "string" && call.headers?.["content-type"] === "application/json") {
    expect(validator.requestProblemsOf(method, template, JSON.parse(call.body)), `${method} ${call.url} request`).toEqual([]);
  }
  const where = `${method} ${call.url} answered ${response.status}: ${body.toString("utf8").slice(0, 300)}`;
  expect(response.status, where).toBe(expected);
  expect(validator.problemsOf({ method, path: template, status: response.status, headers: response.headers, body }), where).toEqual([]);
  seen.add(`${method.toLowerCase()} ${template} ${response.status}`);
  return { headers: response.headers, body, json: () => JSON.parse(body.toString("utf8")) as Json };
}

/** 401 with a wrong key, and 403 for a browser request from another site (no key, no session). */
async function refusesStrangers(operation: string, url: string) {
  const wrongKey = await send(401, { operation, url, key: "wrong" });
  expect(wrongKey.json()).toMatchObject({ type: "urn:verdict:problem:unauthenticated", code: "unauthenticated", status: 401 });
  const foreign = await send(403, { operation, url, headers: FOREIGN_ORIGIN });
  expect(foreign.json()).toMatchObject({ type: "urn:verdict:problem:forbidden", code: "forbidden", status: 403 });
}

async function selfie(seed: number, scenario = "pass") {
  return new Blob([new Uint8Array(await createSampleImage({ scenario, seed, width: 640, height: 480 }))], { type: "image/jpeg" });
}

function form(fields: Record<string, string | Blob>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") body.append(name, value);
    else body.append(name, value, `${name}.jpg`);
  }
  return body;
}

const oversized = async () => new Blob([new Uint8Array(await createSampleImage({ seed: 99, width: 640, height: 480 })), new Uint8Array(SMALL_MEDIA_LIMIT)], { type: "image/jpeg" });

const reference = `contract-${tag}`;
let verificationId: string;
let completedId: string;
let mediaId: string;
let caseId: string;

describe("the served document", () => {
  it("lists every operation with an operationId and a tag, and every error as a typed problem document", () => {
    const paths = doc.paths as Record<string, Record<string, Json>>;
    const operations = Object.values(paths).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) {
      expect(operation.operationId).toEqual(expect.any(String));
      expect(operation.tags).toHaveLength(1);
    }
    const problems = (doc.components as { responses: Record<string, { content: Json }> }).responses;
    for (const [name, response] of Object.entries(problems)) {
      expect(Object.keys(response.content), name).toEqual(["application/problem+json"]);
    }
  });

  it("describes every API route file and every handler it exports", async () => {
    // Sign-in, the health probe and the console's own session-only uploads (test sets, search by face) are not the API.
    const consoleOnly = ["auth", "health", "test-sets", "face-search"];
    const routeFiles = (await readdir(path.resolve("app/api"), { recursive: true })).filter((f) => f.endsWith("route.ts") && !consoleOnly.some((prefix) => f.startsWith(prefix)));
    const documented = doc.paths as Record<string, Record<string, unknown>>;
    for (const file of routeFiles) {
      const template = `/api/${path.dirname(file)}`.replace(/\[([^\]]+)\]/g, "{$1}");
      if (template.startsWith("/api/media/{mediaId}/thumbnails")) continue; // the console's thumbnails, not part of the API
      const load = API_ROUTE_MODULES[template];
      expect(load, `${file} is not served by the test server (tests/support/api-http-server.ts)`).toBeDefined();
      const handlers = Object.keys(await load()).filter((name) => ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(name));
      for (const method of handlers) expect(documented[template]?.[method.toLowerCase()], `${method} ${template} is not in the OpenAPI document`).toBeDefined();
    }
  });
});

describe("verifications", () => {
  it("createVerification: 202 with a queued run whose normalized is null, then a replayed Idempotency-Key", async () => {
    const created = await send(202, {
      operation: "POST /api/v1/verifications",
      url: "/api/v1/verifications",
      key: "operator",
      body: form({ checkType: "liveness_selfie", vendors: "kairos", reference, note: "contract test", manualReview: "true", selfie: await selfie(1) }),
    });
    const body = created.json();
    verificationId = body.id as string;
    expect(body).toMatchObject({ url: `/api/v1/verifications/${verificationId}`, note: "contract test", runs: [{ vendor: "kairos", status: "queued", normalized: null }] });
    expect(created.headers.get("location")).toBe(body.url);

    const json = JSON.stringify({ checkType: "liveness_selfie", vendors: ["biometric_kz"], reference, files: { selfie: Buffer.from(await (await selfie(2)).arrayBuffer()).toString("base64") } });
    const headers = { "content-type": "application/json", "idempotency-key": `order-${tag}` };
    const first = await send(202, { operation: "POST /api/v1/verifications", url: "/api/v1/verifications", key: "operator", headers, body: json });
    const replay = await send(202, { operation: "POST /api/v1/verifications", url: "/api/v1/verifications", key: "operator", headers, body: json });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json().id).toBe(first.json().id);
  });

  it("createVerification: 400 naming the field, 413 naming the role, 415, 401, 403 by role", async () => {
    const operation = "POST /api/v1/verifications";
    const url = "/api/v1/verifications";
    const wrongVendor = await send(400, { operation, url, key: "operator", body: form({ checkType: "liveness_3angle", vendors: "kairos" }) });
    expect(wrongVendor.json()).toMatchObject({ type: "urn:verdict:problem:invalid-request", code: "invalid_request", errors: { vendors: ["kairos does not serve liveness_3angle; vendors that do: cvs, local."] } });
    const tooLarge = await send(413, { operation, url, key: "operator", body: form({ checkType: "liveness_selfie", vendors: "kairos", selfie: await oversized() }) });
    expect((tooLarge.json().errors as Record<string, string[]>).selfie[0]).toMatch(/is larger than/);
    await send(415, { operation, url, key: "operator", headers: { "content-type": "text/plain" }, body: "hello" });
    await refusesStrangers(operation, url);
    await send(403, { operation, url, key: "viewer", body: form({ checkType: "liveness_selfie", vendors: "kairos", selfie: await selfie(3) }) });
  });

  it("getVerification: 200 while queued and once the sandbox answered; 404 for an unknown or malformed id", async () => {
    const operation = "GET /api/v1/verifications/{id}";
    await send(200, { operation, url: `/api/v1/verifications/${verificationId}`, key: "viewer" });
    const runs = await db.vendorRun.findMany({ where: { verificationId } });
    await waiter.forRuns(runs.map((r) => r.id));
    const done = (await send(200, { operation, url: `/api/v1/verifications/${verificationId}`, key: "viewer" })).json();
    expect(done).toMatchObject({ status: "completed", runs: [{ vendor: "kairos", status: "completed", sandbox: true, normalized: { vendor: "kairos" } }] });
    completedId = verificationId;
    mediaId = (done.media as Array<{ id: string }>)[0].id;
    for (const id of [randomUUID(), "not-a-uuid"]) {
      expect((await send(404, { operation, url: `/api/v1/verifications/${id}`, key: "viewer" })).json()).toMatchObject({ code: "not_found", detail: "No verification has this id." });
    }
    await refusesStrangers(operation, `/api/v1/verifications/${verificationId}`);
  });

  it("listVerifications: 200 with API URLs; 400 naming each bad parameter", async () => {
    const operation = "GET /api/v1/verifications";
    const page = (await send(200, { operation, url: `/api/v1/verifications?reference=${reference}&limit=10`, key: "viewer" })).json();
    expect((page.data as Array<{ id: string; url: string }>).find((v) => v.id === completedId)?.url).toBe(`/api/v1/verifications/${completedId}`);
    const bad = await send(400, { operation, url: "/api/v1/verifications?limit=1000&from=yesterday", key: "viewer" });
    expect(Object.keys(bad.json().errors as Json).sort()).toEqual(["from", "limit"]);
    await refusesStrangers(operation, "/api/v1/verifications");
  });

  it("ingestVerification: 201 for multipart and JSON; 400, 413, 415, 401, 403", async () => {
    const operation = "POST /api/v1/verifications/ingest";
    const url = "/api/v1/verifications/ingest";
    const vendorResponse = { result: false, prediction: "0.235123", created_at: "2023-05-23T13:56:32.010Z", failure_reason: { type: "CALC_RESULT", detail: "Low overall prediciton" } };
    const multipart = await send(201, { operation, url, key: "operator", body: form({ checkType: "liveness_selfie", vendor: "biometric_kz", vendorResponse: JSON.stringify(vendorResponse), reference, selfie: await selfie(4) }) });
    expect(multipart.json()).toMatchObject({ source: "ingest", status: "completed", runs: [{ vendor: "biometric_kz", outcome: "fail", sandbox: false }] });
    const files = { selfie: Buffer.from(await (await selfie(5)).arrayBuffer()).toString("base64") };
    const json = await send(201, { operation, url, key: "operator", headers: { "content-type": "application/json" }, body: JSON.stringify({ checkType: "liveness_selfie", vendor: "biometric_kz", vendorResponse, note: "from our backend", files }) });
    expect(json.json()).toMatchObject({ note: "from our backend", runs: [{ raw: { prediction: "0.235123" } }] });
    const missing = await send(400, { operation, url, key: "operator", body: form({ checkType: "liveness_selfie", vendor: "biometric_kz", selfie: await selfie(6) }) });
    expect((missing.json().errors as Record<string, string[]>).vendorResponse[0]).toContain("vendorResponse is required");
    await send(413, { operation, url, key: "operator", body: form({ checkType: "liveness_selfie", vendor: "biometric_kz", vendorResponse: "{}", selfie: await oversized() }) });
    await send(415, { operation, url, key: "operator", headers: { "content-type": "text/plain" }, body: "hello" });
    await refusesStrangers(operation, url);
    await send(403, { operation, url, key: "reviewer", body: form({ checkType: "liveness_selfie", vendor: "biometric_kz", vendorResponse: "{}" }) });
  });
});

describe("review cases", () => {
  it("listReviewCases and getReviewCase: the manual-review case with a decision; 400, 404, 401, 403", async () => {
    await expect.poll(() => db.reviewCase.findFirst({ where: { verificationId: completedId } }), { timeout: 20_000 }).not.toBeNull();
    const opened = await db.reviewCase.findFirstOrThrow({ where: { verificationId: completedId } });
    caseId = opened.id;
    const user = await db.user.create({ data: { email: `contract-${tag}@verdict.test`, role: "reviewer" } });
    await decideCase({ kind: "user", id: user.id, email: user.email }, user, { caseId, version: opened.version, kind: "approve", reasonCode: "borderline_acceptable", comment: "checked" });

    const list = "GET /api/v1/review-cases";
    const page = (await send(200, { operation: list, url: `/api/v1/review-cases?reference=${reference}&status=all`, key: "viewer" })).json();
    expect((page.data as Array<{ id: string }>).map((c) => c.id)).toContain(caseId);
    expect((await send(400, { operation: list, url: "/api/v1/review-cases?status=nope&limit=0", key: "viewer" })).json().errors).toMatchObject({ status: [expect.stringContaining("status must be one of")], limit: ["limit must be 1 to 100."] });
    await refusesStrangers(list, "/api/v1/review-cases");

    const one = "GET /api/v1/review-cases/{id}";
    const detail = (await send(200, { operation: one, url: `/api/v1/review-cases/${caseId}`, key: "viewer" })).json();
    expect(detail).toMatchObject({ rules: ["manual_review"], decisions: [{ kind: "approve", decidedBy: user.email, comment: "checked" }] });
    await send(404, { operation: one, url: `/api/v1/review-cases/${randomUUID()}`, key: "viewer" });
    await refusesStrangers(one, `/api/v1/review-cases/${caseId}`);
  });
});

describe("exports", () => {
  it("exportDashboard: CSV; 400 for an unknown dataset naming it", async () => {
    const operation = "GET /api/v1/dashboards/export";
    const csv = await send(200, { operation, url: "/api/v1/dashboards/export?dataset=rates&bucket=day", key: "viewer" });
    expect(csv.body.toString("utf8").split("\r\n")[0]).toContain(",");
    const bad = await send(400, { operation, url: "/api/v1/dashboards/export?dataset=nope", key: "viewer" });
    expect((bad.json().errors as Record<string, string[]>).dataset[0]).toMatch(/^Choose one of: rates, /);
    await refusesStrangers(operation, "/api/v1/dashboards/export?dataset=rates");
  });

  it("exportAuditLog: CSV for admins, 400 naming a day that does not exist, 403 for other roles", async () => {
    const operation = "GET /api/v1/audit/export";
    const csv = await send(200, { operation, url: `/api/v1/audit/export?verification=${completedId}`, key: "admin" });
    expect(csv.body.toString("utf8")).toContain(completedId);
    const badDay = await send(400, { operation, url: "/api/v1/audit/export?from=2026-02-30", key: "admin" });
    expect(badDay.body.toString("utf8")).toContain("2026-02-30");
    await send(403, { operation, url: "/api/v1/audit/export", key: "viewer" });
    await refusesStrangers(operation, "/api/v1/audit/export");
  });
});

describe("media and subjects", () => {
  it("getMedia: the file, a byte range, an unsatisfiable range; 400, 404, 401, 403", async () => {
    const operation = "GET /api/media/{mediaId}";
    const url = `/api/media/${mediaId}`;
    const file = await send(200, { operation, url, key: "operator" });
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    const range = await send(206, { operation, url, key: "operator", headers: { range: "bytes=0-9" } });
    expect(range.body.length).toBe(10);
    await send(416, { operation, url, key: "operator", headers: { range: `bytes=${file.body.length + 10}-` } });
    expect((await send(400, { operation, url: "/api/media/not-a-uuid", key: "operator" })).json().errors).toEqual({ mediaId: ["Not a media id."] });
    await send(404, { operation, url: `/api/media/${randomUUID()}`, key: "operator" });
    await send(403, { operation, url, key: "viewer" });
    await refusesStrangers(operation, url);
  });

  it("getSubjectHistory: the reference's verifications; 400, 404, 401, 403", async () => {
    const operation = "GET /api/v1/subjects/{reference}";
    const history = (await send(200, { operation, url: `/api/v1/subjects/${reference}`, key: "viewer" })).json();
    expect(history.reference).toBe(reference);
    expect(history.verifications).toEqual(expect.arrayContaining([expect.objectContaining({ media: expect.any(Array), cases: expect.any(Array) })]));
    await send(400, { operation, url: "/api/v1/subjects/%20", key: "viewer" });
    await send(404, { operation, url: `/api/v1/subjects/nobody-${tag}`, key: "viewer" });
    await refusesStrangers(operation, `/api/v1/subjects/${reference}`);
  });

  it("exportSubject: a zip; 400, 404, 401, 403", async () => {
    const operation = "GET /api/v1/subjects/{reference}/export";
    const zip = await send(200, { operation, url: `/api/v1/subjects/${reference}/export`, key: "reviewer" });
    expect(zip.body.subarray(0, 2).toString("latin1")).toBe("PK");
    await send(400, { operation, url: "/api/v1/subjects/%20/export", key: "reviewer" });
    await send(404, { operation, url: `/api/v1/subjects/nobody-${tag}/export`, key: "reviewer" });
    await send(403, { operation, url: `/api/v1/subjects/${reference}/export`, key: "operator" });
    await refusesStrangers(operation, `/api/v1/subjects/${reference}/export`);
  });

  it("eraseSubject: erases, then the media is gone (410); 400, 404, 401, 403", async () => {
    const operation = "DELETE /api/v1/subjects/{reference}";
    const url = `/api/v1/subjects/${reference}`;
    const json = { "content-type": "application/json" };
    const short = await send(400, { operation, url, key: "admin", headers: json, body: JSON.stringify({ reason: "x" }) });
    expect(short.json().errors).toEqual({ reason: ["Give a reason (at least 3 characters)."] });
    await send(403, { operation, url, key: "operator", headers: json, body: JSON.stringify({ reason: "customer asked" }) });
    await send(404, { operation, url: `/api/v1/subjects/nobody-${tag}`, key: "admin", headers: json, body: JSON.stringify({ reason: "customer asked" }) });
    await refusesStrangers(operation, url);
    const erased = (await send(200, { operation, url, key: "admin", headers: json, body: JSON.stringify({ reason: "customer asked" }) })).json();
    expect(erased).toMatchObject({ reference, held: [] });
    expect(erased.erased).toBeGreaterThan(0);
    const gone = await send(410, { operation: "GET /api/media/{mediaId}", url: `/api/media/${mediaId}`, key: "operator" });
    expect(gone.json()).toMatchObject({ type: "urn:verdict:problem:gone", code: "gone" });
    const tombstone = (await send(200, { operation: "GET /api/v1/verifications/{id}", url: `/api/v1/verifications/${completedId}`, key: "viewer" })).json();
    expect(tombstone.erased).toMatchObject({ reason: "customer asked" });
  });
});

describe("coverage", () => {
  it("the document itself answers 200 without a key", async () => {
    await send(200, { operation: "GET /api/v1/openapi.json", url: "/api/v1/openapi.json" });
  });

  it("every documented status of every operation was answered above", () => {
    const documented = Object.entries(doc.paths as Record<string, Record<string, { responses: Json }>>).flatMap(([template, item]) =>
      Object.entries(item).flatMap(([method, operation]) => Object.keys(operation.responses).map((status) => `${method} ${template} ${status}`)),
    );
    expect(documented.filter((entry) => !seen.has(entry))).toEqual([]);
  });
});
