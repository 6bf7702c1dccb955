import type { Policy, PolicyKind } from "@/lib/policy/policy-schemas";

// The numbers of each policy a what-if slider moves (client-safe: no server imports).

export interface WhatIfField {
  key: string;
  label: string;
  min: number;
  max: number;
  step: number;
}

const reviewBand: WhatIfField = { key: "reviewBand", label: "Review band (± around the threshold)", min: 0, max: 0.5, step: 0.01 };
const unit = (key: string, label: string): WhatIfField => ({ key, label, min: 0, max: 1, step: 0.01 });

export const WHAT_IF_FIELDS: Record<PolicyKind, WhatIfField[]> = {
  "cvs.liveness_3angle": [unit("pairMatchThreshold", "Pair similarity threshold"), reviewBand],
  "cvs.face_match": [unit("matchAbove", "Match above"), unit("borderlineFrom", "Borderline from")],
  "fpt.liveness_video": [unit("spoofThreshold", "Spoof probability threshold"), unit("deepfakeThreshold", "Deepfake probability threshold"), reviewBand],
  "fpt.face_match": [unit("spoofThreshold", "Spoof probability threshold"), unit("deepfakeThreshold", "Deepfake probability threshold"), reviewBand],
  "biometric_kz.liveness_selfie": [unit("liveThreshold", "Live threshold (centres the review band)"), reviewBand],
  "kairos.liveness_selfie": [unit("threshold", "Liveness threshold"), reviewBand],
  "local.face_match": [unit("matchAbove", "Match above"), unit("borderlineFrom", "Borderline from")],
  "local.liveness_selfie": [unit("livenessThreshold", "Liveness threshold (advisory: below it a person looks)")],
  "local.liveness_3angle": [unit("samePersonAbove", "Same person above"), unit("samePersonBorderlineFrom", "Same person borderline from")],
  "local.liveness_video": [unit("matchAbove", "ID match above"), unit("borderlineFrom", "ID borderline from"), unit("samePersonAbove", "Same person across frames above"), unit("samePersonBorderlineFrom", "Same person across frames borderline from")],
};

export function readWhatIfValues(policy: Policy): Record<string, number> {
  const record = policy as unknown as Record<string, unknown>;
  return Object.fromEntries(WHAT_IF_FIELDS[policy.kind].map((f) => [f.key, typeof record[f.key] === "number" ? (record[f.key] as number) : f.min]));
}
