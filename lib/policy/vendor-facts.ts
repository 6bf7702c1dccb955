import type { EngineReading } from "@/lib/face-engine/engine-reading";
import type { Reason } from "@/lib/vendors/types";

/**
 * What a vendor said, parsed and put on Verdict's scales (0..1), before any decision.
 * `reasons` are the vendor's codes already mapped through its code tables.
 */
export type CvsLiveness3AngleFacts = {
  kind: "cvs.liveness_3angle";
  valid: boolean | null;
  matchingMidLeft: number | null;
  matchingMidRight: number | null;
  reasons: Reason[];
};

export type CvsFaceMatchFacts = {
  kind: "cvs.face_match";
  similarity: number | null;
  vendorMatch: 1 | 0 | -1 | null;
  reasons: Reason[];
};

export type FptLivenessFacts = {
  isLive: boolean | null;
  spoofProb: number | null;
  needToReview: boolean | null;
  isDeepfake: boolean | null;
  deepfakeProb: number | null;
};

export type FptFaceMatchFacts = { isMatch: boolean | null; similarity: number | null };

export type FptFacts = {
  kind: "fpt.liveness_video" | "fpt.face_match";
  liveness: FptLivenessFacts | null;
  faceMatch: FptFaceMatchFacts | null;
  reasons: Reason[];
};

export type BiometricKzFacts = {
  kind: "biometric_kz.liveness_selfie";
  result: boolean;
  prediction: number | null;
  reasons: Reason[];
};

export type KairosFacts = {
  kind: "kairos.liveness_selfie";
  facesLiveness: number | null;
  faceCount: number;
  responseCode: number | null;
  reasons: Reason[];
};

/** Verdict's own engine: its whole reading; the policy judges quality, pose and similarity from it. */
export type LocalFacts = {
  kind: "local.face_match" | "local.liveness_selfie" | "local.liveness_3angle" | "local.liveness_video";
  reading: EngineReading;
  reasons: Reason[];
};

export type VendorFacts = CvsLiveness3AngleFacts | CvsFaceMatchFacts | FptFacts | BiometricKzFacts | KairosFacts | LocalFacts;
