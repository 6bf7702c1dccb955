import { Hono } from "hono";
import { inspectImage } from "@/lib/sandbox/inspect-image";
import { detectMediaFormat } from "@/lib/sandbox/media-marker";
import { readMp4DurationSeconds, readMp4VideoSize } from "@/lib/media/mp4-boxes";
import { readForm, readFormFile } from "@/lib/sandbox/read-request-media";
import { pickScenario, scoreBetween } from "@/lib/sandbox/scenario-selection";
import type { SandboxEnv, VendorSandbox } from "@/lib/sandbox/sandbox-types";
import { FPT_LIVENESS_PATH } from "@/lib/vendors/fpt/fpt-adapter";
import { fptCodes } from "@/lib/vendors/fpt/fpt-codes";
import { fptScenarioNames, fptScenarios, type FptScenario } from "@/lib/vendors/fpt/fpt-scenarios";
import { vendorRegistry } from "@/lib/vendors/vendor-registry";

/**
 * FPT.AI Liveness v3 emulator (document 001). Assumptions where the document is silent:
 * vendor codes come with HTTP 200 (the code is in the body); a bad `api-key` is HTTP 401
 * `{"code":"401","message":"Invalid API key"}`; an exhausted quota is HTTP 429 `{"code":"429",...}`;
 * the key is read from `api-key` (curl sample) or `api_key` (the header table).
 * The v2 shape (`?v2_format=1`) is our own assumption, see fpt-schemas.ts.
 */
const MB = 1024 * 1024;
const LOW_RESOLUTION_WARNING = "Resolution of video is too low. Please upload video with at least HD resolution to ensure accuracy";
const NA = "N/A";

type LivenessBlock = {
  code: string;
  message: string;
  is_live: string;
  spoof_prob: string;
  need_to_review: string;
  is_deepfake: string;
  deepfake_prob: string;
  warning: string;
};
type FaceMatchBlock = { code: string; message: string; isMatch: string; similarity: string; warning: string };
type FptBody = { code: string; message: string; liveness: LivenessBlock; face_match: FaceMatchBlock };

const faceMatchNotRun: FaceMatchBlock = { code: NA, message: NA, isMatch: NA, similarity: NA, warning: NA };
const livenessNotRun = (code: string, message: string): LivenessBlock => ({
  code,
  message,
  is_live: NA,
  spoof_prob: NA,
  need_to_review: NA,
  is_deepfake: NA,
  deepfake_prob: NA,
  warning: NA,
});

/** The whole answer failed with one code (sample "409 Invalid upload image"). */
function failedBody(code: string, message: string): FptBody {
  return { code, message, liveness: livenessNotRun(code, message), face_match: { ...faceMatchNotRun, code, message } };
}

/** A quality code: liveness could not run; face matching was not reached. */
function qualityBody(code: string): FptBody {
  const message = fptCodes[code]?.message ?? "error";
  return { code, message, liveness: livenessNotRun(code, message), face_match: faceMatchNotRun };
}

function liveBlock(spoofProb: number, extra: Partial<LivenessBlock> = {}): LivenessBlock {
  return {
    code: "200",
    message: "liveness check successful",
    is_live: spoofProb < 0.5 ? "true" : "false",
    spoof_prob: spoofProb.toFixed(4),
    need_to_review: "false",
    is_deepfake: "false",
    deepfake_prob: "0.0",
    warning: "",
    ...extra,
  };
}

function matchBlock(similarity: number): FaceMatchBlock {
  const isMatch = similarity >= 80;
  return {
    code: isMatch ? "200" : "303",
    message: isMatch ? "face matching successful" : "face is not matching with document",
    isMatch: String(isMatch),
    similarity: similarity.toFixed(2),
    warning: NA,
  };
}

function scenarioBody(scenario: FptScenario, jitter: number, hasCmnd: boolean): FptBody | Response {
  const ok = (liveness: LivenessBlock, faceMatch: FaceMatchBlock = hasCmnd ? matchBlock(scoreBetween(jitter, 95, 99.99)) : faceMatchNotRun): FptBody => ({
    code: faceMatch.code === "303" ? "303" : "200",
    message: faceMatch.code === "303" ? "face is not matching with document" : "request successful",
    liveness,
    face_match: faceMatch,
  });
  const lowSpoof = scoreBetween(jitter, 0.001, 0.2, 4);
  switch (scenario) {
    case "pass":
      return ok(liveBlock(lowSpoof));
    case "borderline":
      return ok(liveBlock(scoreBetween(jitter, 0.46, 0.49, 4)));
    case "need_to_review":
      return ok(liveBlock(scoreBetween(jitter, 0.25, 0.4, 4), { need_to_review: "true" }));
    case "low_resolution_warning":
      return ok(liveBlock(lowSpoof, { warning: LOW_RESOLUTION_WARNING }));
    case "spoof":
      return { code: "301", message: "Face in video is spoof", liveness: liveBlock(scoreBetween(jitter, 0.85, 0.99, 4), { code: "301", message: "Face in video is spoof" }), face_match: faceMatchNotRun };
    case "deepfake":
      return {
        code: "302",
        message: "Video seems like deepfake",
        liveness: liveBlock(lowSpoof, { code: "302", message: "Video seems like deepfake", is_deepfake: "true", deepfake_prob: scoreBetween(jitter, 0.8, 0.99, 4).toFixed(4) }),
        face_match: faceMatchNotRun,
      };
    case "face_mismatch":
      // The document's "Sample Response: Error".
      return ok(liveBlock(0.3433, { is_deepfake: NA, deepfake_prob: NA }), matchBlock(0.7));
    case "no_face_document":
      return {
        code: "407",
        message: "No faces detected in document",
        liveness: liveBlock(0.3805, { message: "liveness request successful", is_deepfake: NA, deepfake_prob: NA }),
        face_match: { code: "407", message: "No faces detected in document", isMatch: NA, similarity: NA, warning: NA },
      };
    case "invalid_input":
      return failedBody("409", "Invalid upload image");
    case "still_image":
      return {
        code: "413",
        message: "Video may seem like image",
        liveness: { ...livenessNotRun("413", "Video may seem like image"), is_live: "false", need_to_review: "false", warning: "" },
        face_match: faceMatchNotRun,
      };
    case "poor_quality":
      return qualityBody("406");
    case "multiple_faces":
      return qualityBody("408");
    case "no_face":
      return qualityBody("410");
    case "too_small":
      return qualityBody("411");
    case "too_blurry":
      return qualityBody("412");
    case "no_frontal_face":
      return qualityBody("422");
    case "face_out_of_frame":
      return qualityBody("423");
    case "auth_failed":
      return authFailed();
    case "quota_exhausted":
      return quotaExhausted();
  }
}

/** The v2 shape we assume for `?v2_format=1` (see fpt-schemas.ts). */
function toV2(body: FptBody) {
  const { code, message, liveness, face_match: fm } = body;
  return {
    code,
    message,
    is_live: liveness.is_live,
    spoof_prob: liveness.spoof_prob,
    need_to_review: liveness.need_to_review,
    is_deepfake: liveness.is_deepfake,
    deepfake_prob: liveness.deepfake_prob,
    warning: liveness.warning,
    face_match: { isMatch: fm.isMatch, similarity: fm.similarity, warning: fm.warning },
  };
}

const authFailed = () => Response.json({ code: "401", message: "Invalid API key" }, { status: 401 });
const quotaExhausted = () => Response.json({ code: "429", message: "Out of quota" }, { status: 429 });

function createFptRoutes(): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const sandboxKey = vendorRegistry.fpt.sandboxCredentials.apiKey;

  app.post(FPT_LIVENESS_PATH, async (c) => {
    const key = c.req.header("api-key") ?? c.req.header("api_key");
    if (key !== sandboxKey) return authFailed();
    const answer = (body: FptBody) => c.json(c.req.query("v2_format") === "1" ? toV2(body) : body);

    const form = await readForm(c);
    const video = await readFormFile(form, "video");
    const cmnd = await readFormFile(form, "cmnd");
    if (!video || video.bytes.length === 0) return answer(failedBody("409", "No video uploaded"));
    if (!video.filename.toLowerCase().endsWith(".mp4") || detectMediaFormat(video.bytes) !== "mp4") {
      return answer(failedBody("409", "Wrong extension"));
    }
    if (video.bytes.length > 10 * MB) return answer(failedBody("409", "Video is too large"));
    const duration = readMp4DurationSeconds(video.bytes);
    if (duration !== null && duration < 5) return answer(failedBody("409", "Video is too short"));
    if (cmnd && (cmnd.bytes.length > 5 * MB || !(await inspectImage(cmnd.bytes)).ok)) {
      return answer(failedBody("409", "Invalid upload image"));
    }

    const files = cmnd ? [video.bytes, cmnd.bytes] : [video.bytes];
    const picked = pickScenario(files, fptScenarioNames, { pass: "pass", review: "borderline", fail: "spoof" });
    const body = scenarioBody(picked.scenario, picked.jitter, cmnd !== null);
    if (body instanceof Response) return body;
    const size = readMp4VideoSize(video.bytes);
    if (size && Math.min(size.width, size.height) < 720 && body.liveness.code === "200" && body.liveness.warning === "") {
      body.liveness.warning = LOW_RESOLUTION_WARNING;
    }
    return answer(body);
  });

  return app;
}

export const fptSandbox: VendorSandbox = {
  vendor: "fpt",
  pathPrefix: "/fpt",
  scenarios: fptScenarios,
  createRoutes: createFptRoutes,
  respondQuotaExhausted: quotaExhausted,
  respondBadCredentials: authFailed,
};
