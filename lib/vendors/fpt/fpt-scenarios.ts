import type { ScenarioInfo } from "@/lib/vendors/sandbox-scenarios";

/** Sandbox scenarios for FPT Liveness v3: one per documented code, plus the review cases. */
export const fptScenarios = [
  { name: "pass", description: "code 200, live (low spoof_prob), faces match when cmnd is sent", vendorCode: "200" },
  { name: "borderline", description: "code 200, is_live true but spoof_prob just under 0.5", vendorCode: "200" },
  { name: "need_to_review", description: "code 200 with need_to_review \"true\"", vendorCode: "200" },
  { name: "low_resolution_warning", description: "code 200, live, with the low-resolution warning", vendorCode: "200" },
  { name: "spoof", description: "301: face in video is spoof", vendorCode: "301" },
  { name: "deepfake", description: "302: video seems like deepfake", vendorCode: "302" },
  { name: "face_mismatch", description: "303: face is not matching with document", vendorCode: "303" },
  { name: "poor_quality", description: "406: face quality is not good enough", vendorCode: "406" },
  { name: "no_face_document", description: "407: no faces detected in document (cmnd)", vendorCode: "407" },
  { name: "multiple_faces", description: "408: more than 1 face in the video", vendorCode: "408" },
  { name: "invalid_input", description: "409: no video / wrong extension / too short / invalid input", vendorCode: "409" },
  { name: "no_face", description: "410: no face / lost face in the video", vendorCode: "410" },
  { name: "too_small", description: "411: the face is too small", vendorCode: "411" },
  { name: "too_blurry", description: "412: the face is too blurry", vendorCode: "412" },
  { name: "still_image", description: "413: video is still image", vendorCode: "413" },
  { name: "no_frontal_face", description: "422: no frontal face in video", vendorCode: "422" },
  { name: "face_out_of_frame", description: "423: face is out of frame during video", vendorCode: "423" },
  { name: "auth_failed", description: "HTTP 401, code 401 (assumed: not in the document)", vendorCode: "401" },
  { name: "quota_exhausted", description: "HTTP 429, code 429 (assumed: not in the document)", vendorCode: "429" },
] as const satisfies readonly ScenarioInfo[];

export type FptScenario = (typeof fptScenarios)[number]["name"];
export const fptScenarioNames: FptScenario[] = fptScenarios.map((s) => s.name);
