import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { fptScenarioNames } from "@/lib/vendors/fpt/fpt-scenarios";
import { runCheck, testConnection, type MediaInput, type Outcome } from "@/lib/vendors";
import { expectValidResult, jpeg, mp4, reasonCodes, sandboxConfig } from "./sandbox-test-kit";

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

/** liveness_video with a cmnd image (so the face-match codes apply). */
const expectations: Record<string, Expected> = {
  pass: ["pass", []],
  borderline: ["review", ["liveness_borderline"]],
  need_to_review: ["review", ["vendor_review_requested"]],
  low_resolution_warning: ["pass", []],
  spoof: ["fail", ["spoof"]],
  deepfake: ["fail", ["deepfake"]],
  face_mismatch: ["fail", ["face_mismatch"]],
  poor_quality: ["error", ["poor_face_quality"]],
  no_face_document: ["review", ["face_not_found_document"]],
  multiple_faces: ["error", ["multiple_faces"]],
  invalid_input: ["error", ["invalid_input"]],
  no_face: ["error", ["face_not_found"]],
  too_small: ["error", ["face_too_small"]],
  too_blurry: ["error", ["face_too_blurry"]],
  still_image: ["fail", ["still_image"]],
  no_frontal_face: ["error", ["no_frontal_face"]],
  face_out_of_frame: ["error", ["face_out_of_frame"]],
  auth_failed: ["error", ["auth_failed"]],
  quota_exhausted: ["error", ["quota_exhausted"]],
};

const run = (media: MediaInput[], checkType: "liveness_video" | "face_match" = "liveness_video", v2Format = false) =>
  runCheck({ vendor: "fpt", checkType, media, config: sandboxConfig(sandbox, "fpt"), options: { fpt: { v2Format } } });

describe("FPT liveness over HTTP", () => {
  it("has an expectation for every scenario", () => {
    expect(Object.keys(expectations).sort()).toEqual([...fptScenarioNames].sort());
  });

  for (const [scenario, [outcome, codes]] of Object.entries(expectations)) {
    it(`scenario ${scenario} → ${outcome}`, async () => {
      const result = expectValidResult(await run([await mp4(scenario), await jpeg("id_image")]));
      expect(result.outcome).toBe(outcome);
      expect(reasonCodes(result)).toEqual(codes);
      expect(result.attempts).toHaveLength(1);
    });
  }

  it("normalizes scores: liveness score = 1 - spoof_prob, similarity / 100", async () => {
    const result = await run([await mp4("pass"), await jpeg("id_image")]);
    const spoofProb = result.vendorVerdict.spoof_prob;
    expect(typeof spoofProb).toBe("number");
    expect(result.liveness?.score).toBeCloseTo(1 - Number(spoofProb), 6);
    expect(result.liveness).toMatchObject({ isLive: true, deepfakeProb: 0 });
    expect(result.faceMatch?.similarity).toBeCloseTo(Number(result.vendorVerdict.similarity) / 100, 6);
    expect(result.faceMatch?.band).toBe("match");
  });

  it("passes the vendor's warning through (low resolution video)", async () => {
    const result = await run([await mp4("pass")]);
    expect(result.warnings).toEqual(["Resolution of video is too low. Please upload video with at least HD resolution to ensure accuracy"]);
    expect(result.faceMatch).toBeUndefined();
  });

  it("serves face_match: video vs id image", async () => {
    expect((await run([await mp4("pass"), await jpeg("id_image")], "face_match")).outcome).toBe("pass");
    expect((await run([await mp4("face_mismatch"), await jpeg("id_image")], "face_match")).outcome).toBe("fail");
    expect((await run([await mp4("no_face_document"), await jpeg("id_image")], "face_match")).outcome).toBe("error");
    expect((await run([await mp4("spoof"), await jpeg("id_image")], "face_match")).outcome).toBe("fail");
  });

  it("reads the v2 shape (?v2_format=1)", async () => {
    const result = await run([await mp4("need_to_review"), await jpeg("id_image")], "liveness_video", true);
    expect(result.outcome).toBe("review");
    expect(result.raw).toHaveProperty("is_live", "true");
    expect(result.raw).not.toHaveProperty("liveness");
    expect((await run([await mp4("deepfake")], "liveness_video", true)).outcome).toBe("fail");
  });

  it("409 for a missing video, a wrong extension, a too short or too large video, a broken cmnd", async () => {
    const noVideo = await run([]);
    expect(reasonCodes(noVideo)).toEqual(["missing_media"]);
    expect(sandbox.requests("fpt")).toHaveLength(0);

    const wrongExtension = await run([{ ...(await mp4()), filename: "video.avi" }]);
    expect(wrongExtension.reasons[0]).toMatchObject({ code: "invalid_input", vendorCode: "409", message: "Wrong extension" });

    const short = await run([{ ...(await mp4()), bytes: await (await import("@/lib/sandbox/sample-media")).createSampleVideo({ width: 160, height: 120, fps: 5, durationS: 2 }) }]);
    expect(short.reasons[0]).toMatchObject({ code: "invalid_input", message: "Video is too short" });

    const base = await mp4();
    const large = await run([{ ...base, bytes: Buffer.concat([base.bytes, Buffer.alloc(10 * 1024 * 1024)]) }]);
    expect(large.reasons[0]).toMatchObject({ code: "invalid_input", message: "Video is too large" });

    const brokenCmnd = await run([await mp4("pass"), { role: "id_image", bytes: Buffer.from("nope"), mime: "image/jpeg", filename: "id.jpg" }]);
    expect(brokenCmnd.reasons[0]).toMatchObject({ code: "invalid_input", message: "Invalid upload image" });
  });

  it("wrong api-key → 401 → auth_failed, not retried", async () => {
    const result = await runCheck({ vendor: "fpt", checkType: "liveness_video", media: [await mp4("pass")], config: sandboxConfig(sandbox, "fpt", { credentials: { apiKey: "nope" } }) });
    expect(result.httpStatus).toBe(401);
    expect(result.reasons).toMatchObject([{ code: "auth_failed", category: "auth", vendorCode: "401" }]);
    expect(result.attempts).toHaveLength(1);
    expect(sandbox.requests("fpt")).toHaveLength(1);
  });

  it("is doc-faithful: the curl sample (header api-key, form video + cmnd) works unchanged", async () => {
    // curl --request POST 'https://api.fpt.ai/vision/ekyc/liveness' --header 'api-key: xxxxxxxx' --form 'video=@"/video.mp4"' --form 'cmnd=@"/face.jpg"'
    const form = new FormData();
    form.append("video", new Blob([new Uint8Array((await mp4("face_mismatch")).bytes)], { type: "video/mp4" }), "video.mp4");
    form.append("cmnd", new Blob([new Uint8Array((await jpeg("id_image")).bytes)], { type: "image/jpeg" }), "face.jpg");
    const response = await fetch(`${sandbox.url}/fpt/vision/ekyc/liveness`, { method: "POST", headers: { "api-key": "sandbox_key" }, body: form });
    expect(response.status).toBe(200);
    // The document's "Sample Response: Error".
    expect(await response.json()).toEqual({
      code: "303",
      message: "face is not matching with document",
      liveness: {
        code: "200",
        message: "liveness check successful",
        is_live: "true",
        spoof_prob: "0.3433",
        need_to_review: "false",
        is_deepfake: "N/A",
        deepfake_prob: "N/A",
        warning: "Resolution of video is too low. Please upload video with at least HD resolution to ensure accuracy",
      },
      face_match: { code: "303", message: "face is not matching with document", isMatch: "false", similarity: "0.70", warning: "N/A" },
    });
  });

  it("testConnection: ok and auth_failed", async () => {
    expect((await testConnection("fpt", sandboxConfig(sandbox, "fpt"))).status).toBe("ok");
    expect((await testConnection("fpt", sandboxConfig(sandbox, "fpt", { credentials: { apiKey: "bad" } }))).status).toBe("auth_failed");
  });
});
