export { applyPolicy, classifySimilarity, isWithinBand } from "@/lib/policy/apply-policy";
export { defaultPolicies, getDefaultPolicy } from "@/lib/policy/default-policies";
export { policySchema } from "@/lib/policy/policy-schemas";
export type { FptLivenessFacts, VendorFacts } from "@/lib/policy/vendor-facts";
