import type { ScenarioInfo } from "@/lib/vendors/sandbox-scenarios";

const both = ["verify_liveness", "face_matching"] as const;
const liveness = ["verify_liveness"] as const;
const matching = ["face_matching"] as const;

/** Sandbox scenarios for CVS: one per documented errorCode and invalidCode of both APIs. */
export const cvsScenarios = [
  { name: "pass", description: "valid True / match 1 with a high similarity", vendorCode: "errorCode:0 invalidCode:0", appliesTo: both },
  { name: "borderline", description: "valid True with an angle similarity just above 75 % / match 0 at ~70 %", vendorCode: "invalidCode:0", appliesTo: both },
  { name: "no_content", description: "errorCode 1: the photo does not contain content", vendorCode: "errorCode:1", appliesTo: both },
  { name: "url_unavailable", description: "errorCode 2: Url is unavailable", vendorCode: "errorCode:2", appliesTo: both },
  { name: "bad_image_format", description: "errorCode 3: Incorrect image format", vendorCode: "errorCode:3", appliesTo: both },
  { name: "quota_exhausted", description: "errorCode 4: Out of requests", vendorCode: "errorCode:4", appliesTo: both },
  { name: "auth_failed", description: "errorCode 5: Incorrect api_key or api_secret", vendorCode: "errorCode:5", appliesTo: both },
  { name: "bad_format_type", description: "errorCode 6: Incorrect format type", vendorCode: "errorCode:6", appliesTo: both },
  { name: "no_face_mid", description: "invalidCode 1: the mid image does not contain face", vendorCode: "invalidCode:1", appliesTo: liveness },
  { name: "no_face_left", description: "invalidCode 2: the left image does not contain face", vendorCode: "invalidCode:2", appliesTo: liveness },
  { name: "no_face_right", description: "invalidCode 3: the right image does not contain face", vendorCode: "invalidCode:3", appliesTo: liveness },
  { name: "mid_left_mismatch", description: "invalidCode 4: the mid and left images do not match", vendorCode: "invalidCode:4", appliesTo: liveness },
  { name: "mid_right_mismatch", description: "invalidCode 5: the mid and right images do not match", vendorCode: "invalidCode:5", appliesTo: liveness },
  { name: "invalid_mid", description: "invalidCode 6: invalid center image", vendorCode: "invalidCode:6", appliesTo: liveness },
  { name: "invalid_left", description: "invalidCode 7: invalid left image", vendorCode: "invalidCode:7", appliesTo: liveness },
  { name: "invalid_right", description: "invalidCode 8: invalid right image", vendorCode: "invalidCode:8", appliesTo: liveness },
  { name: "no_match", description: "match -1: similarity below 65 %", vendorCode: "invalidCode:0", appliesTo: matching },
  { name: "id_card_missing", description: "invalidCode 1: the ID card photo is not existed", vendorCode: "invalidCode:1", appliesTo: matching },
  { name: "photocopy", description: "invalidCode 2: photocopy of the ID card", vendorCode: "invalidCode:2", appliesTo: matching },
  { name: "tampered", description: "invalidCode 3: ID card photo suspected of tampering", vendorCode: "invalidCode:3", appliesTo: matching },
  { name: "no_face_card", description: "invalidCode 4: the ID card photo does not contain a face", vendorCode: "invalidCode:4", appliesTo: matching },
  { name: "no_face_portrait", description: "invalidCode 5: the portrait does not contain a face", vendorCode: "invalidCode:5", appliesTo: matching },
  { name: "multiple_faces", description: "invalidCode 6: more than one face", vendorCode: "invalidCode:6", appliesTo: matching },
  { name: "sunglasses", description: "invalidCode 7: wearing sunglasses", vendorCode: "invalidCode:7", appliesTo: matching },
  { name: "hat", description: "invalidCode 8: wearing a hat", vendorCode: "invalidCode:8", appliesTo: matching },
  { name: "mask", description: "invalidCode 9: wearing a mask", vendorCode: "invalidCode:9", appliesTo: matching },
  { name: "screen_photo", description: "invalidCode 10: photo of a picture/screen, or sign of fraud", vendorCode: "invalidCode:10", appliesTo: matching },
  { name: "too_small", description: "invalidCode 11: the face is too small", vendorCode: "invalidCode:11", appliesTo: matching },
  { name: "too_close_to_edge", description: "invalidCode 12: the face is too close to the margin", vendorCode: "invalidCode:12", appliesTo: matching },
] as const satisfies readonly ScenarioInfo[];

export type CvsScenario = (typeof cvsScenarios)[number]["name"];

export const cvsLivenessScenarioNames: CvsScenario[] = cvsScenarios.filter((s) => (s.appliesTo as readonly string[]).includes("verify_liveness")).map((s) => s.name);
export const cvsFaceMatchScenarioNames: CvsScenario[] = cvsScenarios.filter((s) => (s.appliesTo as readonly string[]).includes("face_matching")).map((s) => s.name);
