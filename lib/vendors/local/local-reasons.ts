import type { QualityCode } from "@/lib/face-engine/face-quality";
import type { ReasonTemplate } from "@/lib/vendors/reasons";

// The engine's reason codes. `vendorCode` carries the file (and frame) a reason is about, e.g.
// `image2:no_face` or `video@2500:no_face`, so the API and the upload page can say which file failed.

export const localReasons = {
  noFace: { code: "no_face", message: "No face was found", severity: "error", category: "quality" },
  multipleFaces: { code: "multiple_faces", message: "Several faces were found; exactly one is required", severity: "error", category: "quality" },
  multipleFacesWarning: { code: "multiple_faces", message: "Several faces were found; the largest was used", severity: "warning", category: "quality" },
  unreadable: { code: "unreadable_media", message: "The file could not be read as a picture or video", severity: "error", category: "input" },
  missingMedia: { code: "missing_media", message: "A required media file is missing", severity: "error", category: "input" },
  notFrontal: { code: "not_frontal", message: "The head does not face the camera", severity: "error", category: "quality" },
  poseMismatch: { code: "pose_mismatch", message: "The head's angle does not fit the portrait's role (swapped or repeated angle)", severity: "error", category: "quality" },
  differentPerson: { code: "different_person", message: "The faces belong to different people", severity: "error", category: "fraud" },
  matchBorderline: { code: "face_match_borderline", message: "The face similarity is in the borderline band", severity: "warning", category: "fraud" },
  livenessLow: { code: "liveness_low", message: "The models' liveness score is low (advisory: a person looks)", severity: "warning", category: "fraud" },
  livenessAdvisory: {
    code: "liveness_advisory",
    message: "Single-photo liveness from open models is weak: advisory only",
    severity: "info",
    category: "fraud",
  },
} as const satisfies Record<string, ReasonTemplate>;

const qualityMessages: Record<QualityCode, string> = {
  face_too_small: "The face is too small",
  blurry: "The face is blurry",
  too_dark: "The face is too dark",
  too_bright: "The face is too bright",
  face_cut_off: "The face is cut off at the picture's edge",
};

/** A quality problem: an error where the check needs a good picture, a warning where it can do with less (face_match). */
export function localQualityReason(code: QualityCode, asWarning: boolean): ReasonTemplate {
  return { code, message: qualityMessages[code], severity: asWarning ? "warning" : "error", category: "quality" };
}
