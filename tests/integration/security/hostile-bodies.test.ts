import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db, disconnectDb } from "@/lib/db";
import { createTestSet } from "@/lib/test-sets/manage-test-sets";
import { makeZip } from "@/tests/support/make-zip";
import { makeImage } from "@/tests/unit/media/support/make-test-media";
import { memoryOf, postChunked, resetPeakMemory, startRouteServer, type RouteServer } from "./route-server-kit";

// Bodies that once blew the app process up (a 300 MB chunked upload → 1.65 GB; four small zips of
// zeros → 2.2 GB) sent over real HTTP to the route handlers in a child process. Each must be refused
// (413 / 400) with the child's peak resident memory staying under a stated bound.

const MB = 1024 * 1024;
// The refused attack may cost the process at most this much above its resting size: the request
// cap of the verification routes (64 MB) plus parser buffers, far below the hundreds of MB sent.
const ATTACK_HEADROOM_MB = 160;
const UNPACK_BUDGET = 96 * MB;

let server: RouteServer;
let apiKey: string;
let testSetId: string;

beforeAll(async () => {
  apiKey = (await createApiKey({ kind: "cli", label: "memory-test" }, { name: `memory-${randomUUID().slice(0, 8)}`, role: "operator" })).key;
  testSetId = (await createTestSet({ kind: "cli", label: "memory-test" }, { name: `zips-${randomUUID().slice(0, 8)}`, checkType: "liveness_selfie" })).id;
  server = await startRouteServer({ TEST_SET_MAX_UNPACKED_BYTES: String(UNPACK_BUDGET) });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await disconnectDb();
});

function* multipart(boundary: string, parts: { name: string; filename?: string; body: Iterable<Buffer> }[]): Generator<Buffer> {
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ""}`;
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.filename ? "Content-Type: application/octet-stream\r\n" : ""}\r\n`);
    yield* part.body;
    yield Buffer.from("\r\n");
  }
  yield Buffer.from(`--${boundary}--\r\n`);
}

function* zeros(totalBytes: number, chunkBytes = MB): Generator<Buffer> {
  const chunk = Buffer.alloc(chunkBytes);
  for (let sent = 0; sent < totalBytes; sent += chunkBytes) yield chunk;
}

function measureAttack() {
  const before = memoryOf(server.pid);
  resetPeakMemory(server.pid);
  return () => {
    const after = memoryOf(server.pid);
    return { restingMb: before.rssMb, peakMb: after.peakMb };
  };
}

describe("bodies are counted as they arrive and refused at the limit", () => {
  it("refuses a 300 MB chunked multipart upload with 413 without holding it", async () => {
    const boundary = `b${randomUUID()}`;
    const done = measureAttack();
    const reply = await postChunked(
      `${server.url}/api/v1/verifications`,
      { authorization: `Bearer ${apiKey}`, "content-type": `multipart/form-data; boundary=${boundary}` },
      multipart(boundary, [
        { name: "checkType", body: [Buffer.from("liveness_selfie")] },
        { name: "vendors", body: [Buffer.from("kairos")] },
        { name: "selfie", filename: "selfie.jpg", body: zeros(300 * MB) },
      ]),
    );
    const memory = done();
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ status: 413, errors: { selfie: [expect.stringContaining("larger than")] } });
    expect(memory.peakMb).toBeLessThan(memory.restingMb + ATTACK_HEADROOM_MB);
  });

  it("refuses a 300 MB chunked JSON body with 413 at the request limit", async () => {
    const done = measureAttack();
    const reply = await postChunked(
      `${server.url}/api/v1/verifications/ingest`,
      { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      (function* () {
        yield Buffer.from('{"files":{"selfie":"');
        yield* (function* () {
          const chunk = Buffer.alloc(MB, "A");
          for (let i = 0; i < 300; i += 1) yield chunk;
        })();
        yield Buffer.from('"}}');
      })(),
    );
    const memory = done();
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).detail).toMatch(/The request is larger than 64 MB/);
    expect(memory.peakMb).toBeLessThan(memory.restingMb + ATTACK_HEADROOM_MB);
  });

  it("refuses zips of zeros that together expand past the upload's budget, holding none of them in memory", async () => {
    // Each zip holds 48 MB of zeros in 3 entries (~50 KB compressed), inside every per-zip limit;
    // three of them pass the 96 MB budget of one upload.
    const zip = makeZip([0, 1, 2].map((n) => ({ name: `zeros-${n}.jpg`, data: Buffer.alloc(16 * MB), deflate: true })));
    const boundary = `b${randomUUID()}`;
    const done = measureAttack();
    const reply = await postChunked(
      `${server.url}/api/test-sets/${testSetId}/items`,
      { "content-type": `multipart/form-data; boundary=${boundary}` },
      multipart(boundary, [
        { name: "defaultLabel", body: [Buffer.from("bona_fide")] },
        ...[1, 2, 3, 4].map((n) => ({ name: "files", filename: `zeros-${n}.zip`, body: [zip] })),
      ]),
    );
    const memory = done();
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ errors: { files: [expect.stringMatching(/zeros-3\.zip: the files of this upload expand to more than 100663296 bytes together/)] } });
    expect(memory.peakMb).toBeLessThan(memory.restingMb + ATTACK_HEADROOM_MB);
    expect(await db.testSetItem.count({ where: { testSetId } })).toBe(0);
  });
});

describe("bad input is refused with 400 naming the field, and nothing is written", () => {
  const reference = `bad-input-${randomUUID().slice(0, 8)}`;
  const kairosAnswer = JSON.stringify({ status: "success", liveness: { score: 0.97, label: "live" } });
  const auth = () => ({ authorization: `Bearer ${apiKey}` });

  async function postForm(path: string, fields: Record<string, string>, file?: { role: string; filename: string; bytes: Buffer }) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    if (file) form.append(file.role, new Blob([new Uint8Array(file.bytes)]), file.filename);
    const response = await fetch(`${server.url}${path}`, { method: "POST", headers: auth(), body: form });
    return { status: response.status, body: (await response.json()) as { errors?: Record<string, string[]> } };
  }

  async function postJson(path: string, body: string) {
    const response = await fetch(`${server.url}${path}`, { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body });
    return { status: response.status, body: (await response.json()) as { errors?: Record<string, string[]> } };
  }

  const ingestFields = { checkType: "liveness_selfie", vendor: "kairos", reference, vendorResponse: kairosAnswer };

  it("refuses a JPEG cut in half, naming its role", async () => {
    const jpeg = await makeImage("jpeg", 640, 480);
    const reply = await postForm("/api/v1/verifications/ingest", ingestFields, { role: "selfie", filename: "selfie.jpg", bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)) });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.selfie?.join(" ")).toMatch(/selfie: the JPG image could not be read .*premature end/i);
  });

  it("refuses NUL characters in a text field and in a file name, naming the field", async () => {
    const jpeg = await makeImage("jpeg", 320, 240);
    const inField = await postForm("/api/v1/verifications/ingest", { ...ingestFields, note: "a\u0000b" }, { role: "selfie", filename: "selfie.jpg", bytes: jpeg });
    expect(inField.status).toBe(400);
    expect(inField.body.errors).toHaveProperty("note");
    const inName = await postForm("/api/v1/verifications/ingest", ingestFields, { role: "selfie", filename: "sel\u0000fie.jpg", bytes: jpeg });
    expect(inName.status).toBe(400);
    expect(inName.body.errors).toHaveProperty("selfie");
    const inJson = await postJson("/api/v1/verifications/ingest", JSON.stringify({ ...ingestFields, reference: "x\u0000y", files: { selfie: jpeg.toString("base64") } }));
    expect(inJson.status).toBe(400);
    expect(inJson.body.errors).toHaveProperty("reference");
    const inAnswer = await postForm("/api/v1/verifications/ingest", { ...ingestFields, vendorResponse: '{"status":"success","x":"\\u0000"}' }, { role: "selfie", filename: "selfie.jpg", bytes: jpeg });
    expect(inAnswer.status).toBe(400);
    expect(inAnswer.body.errors).toHaveProperty("vendorResponse");
  });

  it("refuses JSON nested 100,000 levels deep, in the body or in vendorResponse, naming the field", async () => {
    const jpeg = await makeImage("jpeg", 320, 240);
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const inBody = await postJson("/api/v1/verifications/ingest", `{"checkType":"liveness_selfie","vendor":"kairos","files":{"selfie":"${jpeg.toString("base64")}"},"vendorResponse":${deep}}`);
    expect(inBody.status).toBe(400);
    expect(inBody.body.errors?.vendorResponse?.[0]).toMatch(/nested more than 64 levels/);
    const asText = await postForm("/api/v1/verifications/ingest", { ...ingestFields, vendorResponse: deep }, { role: "selfie", filename: "selfie.jpg", bytes: jpeg });
    expect(asText.status).toBe(400);
    expect(asText.body.errors?.vendorResponse?.[0]).toMatch(/nested more than 64 levels/);
  });

  it("wrote nothing for any of them", async () => {
    expect(await db.verification.count({ where: { reference } })).toBe(0);
  });
});
