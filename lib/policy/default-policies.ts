import { policySchemaByKind, type Policy, type PolicyKind, type PolicyOfKind, findPolicyKind } from "@/lib/policy/policy-schemas";
import type { CheckType, VendorId } from "@/lib/vendors/types";

export const DEFAULT_POLICY_VERSION = "builtin-1";
/** The engine's same-person thresholds for 3-angle and video, chosen from `npm run eval:engine` (were 0.55 / 0.45 in builtin-1). */
const LOCAL_SAME_PERSON_DEFAULTS_VERSION = "builtin-2";

/** Defaults follow each vendor's documented semantics, plus a small review band around score thresholds. */
export const defaultPolicies: { [K in PolicyKind]: PolicyOfKind<K> } = {
  "cvs.liveness_3angle": policySchemaByKind["cvs.liveness_3angle"].parse({ kind: "cvs.liveness_3angle", version: DEFAULT_POLICY_VERSION }),
  "cvs.face_match": policySchemaByKind["cvs.face_match"].parse({ kind: "cvs.face_match", version: DEFAULT_POLICY_VERSION }),
  "fpt.liveness_video": policySchemaByKind["fpt.liveness_video"].parse({ kind: "fpt.liveness_video", version: DEFAULT_POLICY_VERSION }),
  "fpt.face_match": policySchemaByKind["fpt.face_match"].parse({ kind: "fpt.face_match", version: DEFAULT_POLICY_VERSION }),
  "biometric_kz.liveness_selfie": policySchemaByKind["biometric_kz.liveness_selfie"].parse({
    kind: "biometric_kz.liveness_selfie",
    version: DEFAULT_POLICY_VERSION,
  }),
  "kairos.liveness_selfie": policySchemaByKind["kairos.liveness_selfie"].parse({
    kind: "kairos.liveness_selfie",
    version: DEFAULT_POLICY_VERSION,
  }),
  "local.face_match": policySchemaByKind["local.face_match"].parse({ kind: "local.face_match", version: DEFAULT_POLICY_VERSION }),
  "local.liveness_selfie": policySchemaByKind["local.liveness_selfie"].parse({ kind: "local.liveness_selfie", version: DEFAULT_POLICY_VERSION }),
  "local.liveness_3angle": policySchemaByKind["local.liveness_3angle"].parse({ kind: "local.liveness_3angle", version: LOCAL_SAME_PERSON_DEFAULTS_VERSION }),
  "local.liveness_video": policySchemaByKind["local.liveness_video"].parse({ kind: "local.liveness_video", version: LOCAL_SAME_PERSON_DEFAULTS_VERSION }),
};

export function getDefaultPolicy(vendor: VendorId, checkType: CheckType): Policy | null {
  const kind = findPolicyKind(vendor, checkType);
  return kind ? defaultPolicies[kind] : null;
}
