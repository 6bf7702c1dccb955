import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { cvsFaceMatchScenarioNames, cvsLivenessScenarioNames } from "@/lib/vendors/cvs/cvs-scenarios";
import { runCheck, testConnection, type Outcome } from "@/lib/vendors";
import { closedPortUrl, expectValidResult, jpeg, png, reasonCodes, sandboxConfig } from "./sandbox-test-kit";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.clearFaults();
  sandbox.clearRequests();
});

type Expected = [Outcome, string[]];

const errorCodeScenarios: Record<string, Expected> = {
  no_content: ["error", ["empty_image"]],
  url_unavailable: ["error", ["media_url_unavailable"]],
  bad_image_format: ["error", ["invalid_image_format"]],
  quota_exhausted: ["error", ["quota_exhausted"]],
  auth_failed: ["error", ["auth_failed"]],
  bad_format_type: ["error", ["invalid_format_type"]],
};

const livenessExpectations: Record<string, Expected> = {
  pass: ["pass", []],
  borderline: ["review", ["angle_similarity_borderline"]],
  ...errorCodeScenarios,
  no_face_mid: ["error", ["face_not_found_mid"]],
  no_face_left: ["error", ["face_not_found_left"]],
  no_face_right: ["error", ["face_not_found_right"]],
  mid_left_mismatch: ["fail", ["mid_left_mismatch"]],
  mid_right_mismatch: ["fail", ["mid_right_mismatch"]],
  invalid_mid: ["error", ["invalid_image_mid"]],
  invalid_left: ["error", ["invalid_image_left"]],
  invalid_right: ["error", ["invalid_image_right"]],
};

const faceMatchExpectations: Record<string, Expected> = {
  pass: ["pass", []],
  borderline: ["review", ["face_match_borderline"]],
  no_match: ["fail", ["face_mismatch"]],
  ...errorCodeScenarios,
  id_card_missing: ["error", ["id_card_not_found"]],
  photocopy: ["fail", ["id_card_photocopy"]],
  tampered: ["fail", ["id_card_tampered"]],
  no_face_card: ["error", ["face_not_found_id_card"]],
  no_face_portrait: ["error", ["face_not_found_portrait"]],
  multiple_faces: ["error", ["multiple_faces"]],
  sunglasses: ["review", ["sunglasses"]],
  hat: ["review", ["hat"]],
  mask: ["review", ["mask"]],
  screen_photo: ["fail", ["presentation_attack"]],
  too_small: ["review", ["face_too_small"]],
  too_close_to_edge: ["review", ["face_too_close_to_edge"]],
};

const threePortraits = async (midScenario?: string) => [
  await jpeg("portrait_left"),
  await jpeg("portrait_mid", midScenario),
  await jpeg("portrait_right"),
];

describe("CVS verify_liveness over HTTP", () => {
  it("has an expectation for every verify_liveness scenario", () => {
    expect(Object.keys(livenessExpectations).sort()).toEqual([...cvsLivenessScenarioNames].sort());
  });

  for (const [scenario, [outcome, codes]] of Object.entries(livenessExpectations)) {
    it(`scenario ${scenario} → ${outcome}`, async () => {
      const result = expectValidResult(
        await runCheck({ vendor: "cvs", checkType: "liveness_3angle", media: await threePortraits(scenario), config: sandboxConfig(sandbox, "cvs") }),
      );
      expect(result.outcome).toBe(outcome);
      expect(reasonCodes(result)).toEqual(codes);
      expect(result.httpStatus).toBe(200);
      expect(result.attempts).toHaveLength(1);
      expect(result.policyVersion).toBe("builtin-1");
    });
  }

  it("keeps the vendor verdict and the raw body, and maps invalidCode with its vendor code", async () => {
    const result = await runCheck({ vendor: "cvs", checkType: "liveness_3angle", media: await threePortraits("mid_right_mismatch"), config: sandboxConfig(sandbox, "cvs") });
    expect(result.vendorVerdict).toMatchObject({ valid: false, invalidCode: "5" });
    expect(result.reasons[0]).toMatchObject({ vendorCode: "invalidCode:5", category: "fraud", severity: "error" });
    expect(result.raw).toMatchObject({ errorCode: "0", data: { valid: "False", invalidCode: "5" } });
    expect(result.liveness).toEqual({ isLive: false, score: null });
  });

  it("sends JSON base64 with ?format_type=base64", async () => {
    const result = await runCheck({
      vendor: "cvs",
      checkType: "liveness_3angle",
      media: await threePortraits("pass"),
      config: sandboxConfig(sandbox, "cvs"),
      options: { cvs: { formatType: "base64" } },
    });
    expect(result.outcome).toBe("pass");
  });

  it("a marker on any angle is honoured (mid first)", async () => {
    const media = [await jpeg("portrait_left", "no_face_left"), await jpeg("portrait_mid"), await jpeg("portrait_right")];
    const result = await runCheck({ vendor: "cvs", checkType: "liveness_3angle", media, config: sandboxConfig(sandbox, "cvs") });
    expect(reasonCodes(result)).toEqual(["face_not_found_left"]);
  });

  it("an image that does not decode gets errorCode 3", async () => {
    const media = await threePortraits();
    media[1] = { ...media[1], bytes: Buffer.from("definitely not an image") };
    const result = await runCheck({ vendor: "cvs", checkType: "liveness_3angle", media, config: sandboxConfig(sandbox, "cvs") });
    expect(result.outcome).toBe("error");
    expect(result.reasons[0]).toMatchObject({ code: "invalid_image_format", vendorCode: "errorCode:3", category: "input" });
  });

  it("wrong credentials → errorCode 5 → auth_failed, not retried", async () => {
    const config = sandboxConfig(sandbox, "cvs", { credentials: { apiKey: "sandbox_key", apiSecret: "wrong" } });
    const result = await runCheck({ vendor: "cvs", checkType: "liveness_3angle", media: await threePortraits(), config });
    expect(result.outcome).toBe("error");
    expect(result.reasons).toEqual([
      { code: "auth_failed", message: "Incorrect api_key or api_secret", vendorCode: "errorCode:5", severity: "error", category: "auth" },
    ]);
    expect(sandbox.requests("cvs")).toHaveLength(1);
  });

  it("is doc-faithful: the Python sample's request (multipart, basic auth, no query) works unchanged", async () => {
    // requests.post(url, auth=(api_key, api_secret), files={'portrait_left': ..., 'portrait_mid': ..., 'portrait_right': ...})
    const form = new FormData();
    for (const [field, name] of [["portrait_left", "example_1.jpg"], ["portrait_mid", "example_2.jpg"], ["portrait_right", "example_3.jpg"]] as const) {
      const image = await jpeg("portrait_mid", field === "portrait_mid" ? "pass" : undefined);
      form.append(field, new Blob([new Uint8Array(image.bytes)]), name);
    }
    const response = await fetch(`${sandbox.url}/cvs/api/v2/ekyc/verify_liveness`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("sandbox_key:sandbox_secret").toString("base64")}` },
      body: form,
    });
    const body: unknown = await response.json();
    expect(body).toMatchObject({ errorCode: "0", errorMessage: "Success", data: { valid: "True", invalidCode: "0" } });
    expect(Object.keys((body as { data: object }).data).sort()).toEqual(["invalidCode", "invalidMessage", "matching_mid_left", "matching_mid_right", "valid"]);
  });

  it("answers errorCode 6 to an unknown format_type", async () => {
    const response = await fetch(`${sandbox.url}/cvs/api/v2/ekyc/verify_liveness?format_type=xml`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("sandbox_key:sandbox_secret").toString("base64")}` },
      body: "<xml/>",
    });
    expect(await response.json()).toEqual({ data: {}, errorCode: "6", errorMessage: "Incorrect format type" });
  });
});

describe("CVS face_matching over HTTP", () => {
  it("has an expectation for every face_matching scenario", () => {
    expect(Object.keys(faceMatchExpectations).sort()).toEqual([...cvsFaceMatchScenarioNames].sort());
  });

  for (const [scenario, [outcome, codes]] of Object.entries(faceMatchExpectations)) {
    it(`scenario ${scenario} → ${outcome}`, async () => {
      const result = expectValidResult(
        await runCheck({
          vendor: "cvs",
          checkType: "face_match",
          media: [await jpeg("image1", scenario), await png("image2")],
          config: sandboxConfig(sandbox, "cvs"),
          options: { cvs: { type1: "card", formatType: "file" } },
        }),
      );
      expect(result.outcome).toBe(outcome);
      expect(reasonCodes(result)).toEqual(codes);
    });
  }

  it("puts similarity on 0..1 and keeps CVS's match", async () => {
    const result = await runCheck({ vendor: "cvs", checkType: "face_match", media: [await jpeg("image1", "borderline"), await jpeg("image2")], config: sandboxConfig(sandbox, "cvs") });
    expect(result.faceMatch?.band).toBe("borderline");
    expect(result.faceMatch?.similarity).toBeGreaterThanOrEqual(0.65);
    expect(result.faceMatch?.similarity).toBeLessThanOrEqual(0.75);
    expect(result.vendorVerdict.match).toBe(0);
  });

  it("sends JSON base64 (type1=portrait)", async () => {
    const result = await runCheck({
      vendor: "cvs",
      checkType: "face_match",
      media: [await jpeg("image1", "no_match"), await jpeg("image2")],
      config: sandboxConfig(sandbox, "cvs"),
      options: { cvs: { type1: "portrait", formatType: "base64" } },
    });
    expect(result.outcome).toBe("fail");
    expect(result.vendorVerdict.match).toBe(-1);
  });

  it("GETs with image URLs (format_type=url) and maps an unreachable URL to errorCode 2", async () => {
    const card = await jpeg("image1", "pass");
    await fetch(`${sandbox.url}/_sandbox/media/card.jpg`, { method: "PUT", headers: { "content-type": "image/jpeg" }, body: new Uint8Array(card.bytes) });
    await fetch(`${sandbox.url}/_sandbox/media/portrait.jpg`, { method: "PUT", body: new Uint8Array((await jpeg("image2")).bytes) });
    const ok = await runCheck({
      vendor: "cvs",
      checkType: "face_match",
      media: [],
      config: sandboxConfig(sandbox, "cvs"),
      options: { cvs: { formatType: "url", urls: { image1: `${sandbox.url}/_sandbox/media/card.jpg`, image2: `${sandbox.url}/_sandbox/media/portrait.jpg` } } },
    });
    expect(ok.outcome).toBe("pass");
    const missing = await runCheck({
      vendor: "cvs",
      checkType: "face_match",
      media: [],
      config: sandboxConfig(sandbox, "cvs"),
      options: { cvs: { formatType: "url", urls: { image1: `${sandbox.url}/_sandbox/media/nope.jpg`, image2: `${sandbox.url}/_sandbox/media/portrait.jpg` } } },
    });
    expect(missing.reasons[0]).toMatchObject({ code: "media_url_unavailable", vendorCode: "errorCode:2" });
  });

  it("is doc-faithful: the Python GET sample (unencoded URLs in the query) works unchanged", async () => {
    await fetch(`${sandbox.url}/_sandbox/media/c.png`, { method: "PUT", body: new Uint8Array((await png("image1", "hat")).bytes) });
    await fetch(`${sandbox.url}/_sandbox/media/p.png`, { method: "PUT", body: new Uint8Array((await png("image2")).bytes) });
    const url = `${sandbox.url}/cvs/api/v2/ekyc/face_matching?img1=${sandbox.url}/_sandbox/media/c.png&img2=${sandbox.url}/_sandbox/media/p.png&type1=card&format_type=url`;
    const response = await fetch(url, { headers: { authorization: `Basic ${Buffer.from("sandbox_key:sandbox_secret").toString("base64")}` } });
    const body = (await response.json()) as { data: Record<string, string>; errorCode: string };
    expect(body.errorCode).toBe("0");
    expect(body.data).toMatchObject({ invalidCode: "8", invalidMessage: "Wearing a hat", match: "1" });
    expect(Object.keys(body.data).sort()).toEqual(["face1", "face1_score", "face2", "face2_score", "invalidCode", "invalidMessage", "match", "matching"]);
  });

  it("is doc-faithful: the Python base64 sample (encodebytes with newlines, PNG) works unchanged", async () => {
    const encode = (bytes: Buffer) => bytes.toString("base64").replace(/(.{76})/g, "$1\n") + "\n";
    const response = await fetch(`${sandbox.url}/cvs/api/v2/ekyc/face_matching?type1=card&format_type=base64`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("sandbox_key:sandbox_secret").toString("base64")}`, "content-type": "application/json" },
      body: JSON.stringify({ img1: encode((await png("image1", "photocopy")).bytes), img2: encode((await png("image2")).bytes) }),
    });
    expect(await response.json()).toMatchObject({ errorCode: "0", data: { invalidCode: "2" } });
  });
});

describe("CVS testConnection", () => {
  it("reports ok, auth_failed and unreachable", async () => {
    expect((await testConnection("cvs", sandboxConfig(sandbox, "cvs"))).status).toBe("ok");
    const bad = await testConnection("cvs", sandboxConfig(sandbox, "cvs", { credentials: { apiKey: "x", apiSecret: "y" } }));
    expect(bad.status).toBe("auth_failed");
    const down = await testConnection("cvs", { ...sandboxConfig(sandbox, "cvs", { maxRetries: 0 }), baseUrl: await closedPortUrl("/cvs") });
    expect(down.status).toBe("unreachable");
    expect(down.message).toMatch(/ECONNREFUSED/);
  });
});
