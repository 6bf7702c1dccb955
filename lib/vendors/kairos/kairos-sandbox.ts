import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { inspectImage } from "@/lib/sandbox/inspect-image";
import { readForm, readFormFile, readFormText } from "@/lib/sandbox/read-request-media";
import { pickScenario, scoreBetween } from "@/lib/sandbox/scenario-selection";
import type { SandboxEnv, VendorSandbox } from "@/lib/sandbox/sandbox-types";
import { KAIROS_LIVENESS_PATH } from "@/lib/vendors/kairos/kairos-adapter";
import { kairosScenarioNames, kairosScenarios, type KairosScenario } from "@/lib/vendors/kairos/kairos-scenarios";
import { vendorRegistry } from "@/lib/vendors/vendor-registry";

/**
 * Kairos liveness-verification emulator (document 004). Assumptions where the document is silent:
 * bad app_id/app_key → 401, usage limit → 403, both `{"message": ...}`; a missing selfie, an undecodable
 * image or a threshold outside 0..1 → 400; a missing threshold defaults to 0.6 (the sample's value).
 */
const DEFAULT_THRESHOLD = 0.6;

const message = (status: 400 | 401 | 403 | 500, text: string) => Response.json({ message: text }, { status });
const unauthorized = () => message(401, "Invalid app_id or app_key");
const limitReached = () => message(403, "Usage limit exceeded");

const timestamp = () => new Date().toISOString().replace("T", " ").slice(0, 19);

type Face = { confidence: number; delta: { x: number; y: number }; top_left: { x: number; y: number } };

function face(width: number, height: number, shift = 0): Face {
  return {
    confidence: 0.9885,
    delta: { x: Math.round(width * 0.2 * 1e4) / 1e4, y: Math.round(height * 0.36 * 1e4) / 1e4 },
    top_left: { x: Math.round(width * (0.4 + shift) * 1e4) / 1e4, y: Math.round(height * 0.06 * 1e4) / 1e4 },
  };
}

function answer(responseCode: number, facesLiveness: number, faces: Face[], img: { width: number; height: number }): Response {
  const now = timestamp();
  return Response.json({
    api_req_uid: randomUUID(),
    processed_at: now,
    requested_at: now,
    response_code: responseCode,
    response_data: { faces_liveness: facesLiveness, faces_predicted: faces, img: { height: img.height, width: img.width } },
  });
}

function scenarioAnswer(scenario: KairosScenario, jitter: number, threshold: number, img: { width: number; height: number }): Response {
  const oneFace = [face(img.width, img.height)];
  switch (scenario) {
    case "pass":
      return answer(2, scoreBetween(jitter, Math.max(threshold + 0.1, 0.9), 0.999, 4), oneFace, img);
    case "borderline":
      return answer(2, Math.min(1, Math.round((threshold + 0.01 + 0.02 * jitter) * 1e4) / 1e4), oneFace, img);
    case "not_live":
      return answer(2, 0.0, oneFace, img);
    case "no_face":
      return answer(2, 0.0, [], img);
    case "multiple_faces":
      return answer(2, scoreBetween(jitter, 0.9, 0.99, 4), [face(img.width, img.height, -0.3), face(img.width, img.height, 0.3)], img);
    case "unexpected_response_code":
      return answer(3, scoreBetween(jitter, 0.9, 0.99, 4), oneFace, img);
    case "auth_failed":
      return unauthorized();
    case "quota_exhausted":
      return limitReached();
    case "server_error":
      return message(500, "Internal server error");
    case "invalid_request":
      return message(400, "Invalid request");
  }
}

function createKairosRoutes(): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const credentials = vendorRegistry.kairos.sandboxCredentials;
  app.post(KAIROS_LIVENESS_PATH, async (c) => {
    if (c.req.header("app_id") !== credentials.appId || c.req.header("app_key") !== credentials.appKey) return unauthorized();
    const form = await readForm(c);
    const selfie = await readFormFile(form, "selfie");
    if (!selfie || selfie.bytes.length === 0) return message(400, "selfie is required");
    const thresholdText = readFormText(form, "threshold");
    const threshold = thresholdText === null || thresholdText.trim() === "" ? DEFAULT_THRESHOLD : Number(thresholdText);
    if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) return message(400, "threshold must be a number between 0 and 1");
    const image = await inspectImage(selfie.bytes);
    if (!image.ok) return message(400, "selfie is not a readable image");
    const picked = pickScenario([selfie.bytes], kairosScenarioNames, { pass: "pass", review: "borderline", fail: "not_live" });
    return scenarioAnswer(picked.scenario, picked.jitter, threshold, image);
  });
  return app;
}

export const kairosSandbox: VendorSandbox = {
  vendor: "kairos",
  pathPrefix: "/kairos",
  scenarios: kairosScenarios,
  createRoutes: createKairosRoutes,
  respondQuotaExhausted: limitReached,
  respondBadCredentials: unauthorized,
};
