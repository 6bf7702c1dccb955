export { applyPolicy, classifySimilarity, isWithinBand, type PolicyDecision } from "@/lib/policy/apply-policy";
export { DEFAULT_POLICY_VERSION, defaultPolicies, getDefaultPolicy } from "@/lib/policy/default-policies";
export {
  findPolicyKind,
  policyKinds,
  policySchema,
  policySchemaByKind,
  type Policy,
  type PolicyInput,
  type PolicyKind,
  type PolicyOfKind,
} from "@/lib/policy/policy-schemas";
export type {
  BiometricKzFacts,
  CvsFaceMatchFacts,
  CvsLiveness3AngleFacts,
  FptFaceMatchFacts,
  FptFacts,
  FptLivenessFacts,
  KairosFacts,
  VendorFacts,
} from "@/lib/policy/vendor-facts";
