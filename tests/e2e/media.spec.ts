import { randomBytes, randomUUID } from "node:crypto";
import { hashApiKey } from "@/lib/api-keys/verify-api-key";
import { db } from "@/lib/db";
import { generateThumbnails } from "@/lib/media/generate-thumbnails";
import { makeImage } from "@/tests/unit/media/support/make-test-media";
import { seedVerificationWithMedia } from "@/tests/integration/media/support/seed-media";
import { expect, signInAs, test } from "./support/fixtures";

// The authorized media routes over HTTP with real sessions: roles, audit of full-size views,
// list thumbnails for every role, previews for the roles that see faces (audited), no-store on all,
// problem documents for bad and unknown ids.

async function seedPortrait() {
  const bytes = await makeImage("jpeg", 320, 240);
  const { verification, media } = await seedVerificationWithMedia([{ role: "selfie", bytes }], { reference: `e2e-media-${randomUUID().slice(0, 8)}` });
  await generateThumbnails(media[0].sha256);
  return { verificationId: verification.id, mediaId: media[0].id, bytes };
}

const viewsOf = (mediaId: string) => db.auditEvent.findMany({ where: { action: "media.viewed", targetType: "media", targetId: mediaId } });

test("an operator gets the full-size original with its real type, and the view is audited", async ({ page }) => {
  const { verificationId, mediaId, bytes } = await seedPortrait();
  await signInAs(page, "operator");
  const response = await page.request.get(`/api/media/${mediaId}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/jpeg");
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-disposition"]).toBe('inline; filename="selfie.jpg"');
  expect(Buffer.from(await response.body()).equals(bytes)).toBe(true);

  const views = await viewsOf(mediaId);
  expect(views).toHaveLength(1);
  expect(views[0]).toMatchObject({ actorLabel: "e2e-operator@verdict.test", after: { verificationId, role: "selfie", kind: "original", viewerRole: "operator" } });

  const preview = await page.request.get(`/api/media/${mediaId}/thumbnails/preview`);
  expect(preview.status()).toBe(200);
  expect(preview.headers()["cache-control"]).toBe("private, no-store");
  expect((await viewsOf(mediaId)).map((v) => (v.after as { kind?: string }).kind).sort()).toEqual(["original", "preview"]);
  // API JSON is not kept by caches either.
  const json = await page.request.get("/api/v1/verifications?limit=1");
  expect(json.headers()["cache-control"]).toBe("private, no-store");
});

test("a viewer may not open the full-size original, and nothing is audited", async ({ page }) => {
  const { mediaId } = await seedPortrait();
  await signInAs(page, "viewer");
  const response = await page.request.get(`/api/media/${mediaId}`);
  expect(response.status()).toBe(403);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect(await response.json()).toMatchObject({ status: 403, title: "Forbidden" });
  expect(await viewsOf(mediaId)).toHaveLength(0);
});

test("a signed-out request gets 401 for the original and the thumbnail", async ({ request }) => {
  const { mediaId } = await seedPortrait();
  const original = await request.get(`/api/media/${mediaId}`);
  expect(original.status()).toBe(401);
  expect(await original.json()).toMatchObject({ status: 401, title: "Unauthorized" });
  expect((await request.get(`/api/media/${mediaId}/thumbnails/thumb`)).status()).toBe(401);
  expect(await viewsOf(mediaId)).toHaveLength(0);
});

test("a viewer sees list thumbnails only, never cached; 403 on a preview; a missing one is a 404 problem", async ({ page }) => {
  const { mediaId } = await seedPortrait();
  await signInAs(page, "viewer");
  const thumb = await page.request.get(`/api/media/${mediaId}/thumbnails/thumb`);
  expect(thumb.status()).toBe(200);
  expect(thumb.headers()["content-type"]).toBe("image/webp");
  expect(thumb.headers()["cache-control"]).toBe("private, no-store");
  const preview = await page.request.get(`/api/media/${mediaId}/thumbnails/preview`);
  expect(preview.status()).toBe(403);
  expect(preview.headers()["cache-control"]).toBe("private, no-store");
  expect(await viewsOf(mediaId)).toHaveLength(0);

  const strip = await page.request.get(`/api/media/${mediaId}/thumbnails/filmstrip`);
  expect(strip.status()).toBe(404);
  expect(await strip.json()).toMatchObject({ status: 404, detail: "The filmstrip thumbnail 0 of this media is not generated yet." });
  const badKind = await page.request.get(`/api/media/${mediaId}/thumbnails/huge`);
  expect(badKind.status()).toBe(400);
  expect((await badKind.json()).errors).toHaveProperty("kind");
});

test("unknown ids are 404 and malformed ids are 400, as problem documents", async ({ page }) => {
  await signInAs(page, "reviewer");
  const unknown = await page.request.get(`/api/media/${randomUUID()}`);
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-type"]).toContain("application/problem+json");
  expect(await unknown.json()).toMatchObject({ status: 404, detail: "No media with this id." });
  expect((await page.request.get(`/api/media/${randomUUID()}/thumbnails/thumb`)).status()).toBe(404);

  const malformed = await page.request.get("/api/media/not-a-uuid");
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ status: 400, errors: { mediaId: ["Not a media id."] } });
});

test("an operator API key fetches media it may see; a viewer key may not; both attributed", async ({ request }) => {
  const { mediaId } = await seedPortrait();
  const makeKey = async (role: "operator" | "viewer") => {
    const key = `vdk_${randomBytes(24).toString("base64url")}`;
    const row = await db.apiKey.create({ data: { name: `e2e-media-${role}-${randomUUID().slice(0, 6)}`, prefix: key.slice(0, 8), hash: hashApiKey(key), role } });
    return { key, row };
  };
  const operator = await makeKey("operator");
  const ok = await request.get(`/api/media/${mediaId}`, { headers: { Authorization: `Bearer ${operator.key}` } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toBe("image/jpeg");
  const views = await viewsOf(mediaId);
  expect(views).toHaveLength(1);
  expect(views[0]).toMatchObject({ apiKeyId: operator.row.id, actorLabel: `api-key:${operator.row.name}` });

  const viewerKey = await makeKey("viewer");
  expect((await request.get(`/api/media/${mediaId}`, { headers: { Authorization: `Bearer ${viewerKey.key}` } })).status()).toBe(403);
  expect(await viewsOf(mediaId)).toHaveLength(1);
});
