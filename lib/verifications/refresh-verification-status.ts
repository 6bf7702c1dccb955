import { onVerificationFinished } from "@/lib/verifications/on-verification-finished";
import { settleVerificationStatus } from "@/lib/verifications/vendor-call-sql";

// A verification is done when every vendor run is: `completed` when at least one vendor gave an
// answer, `failed` when every run ended in an error. Once done, the review queue and webhooks hear of it.
export async function refreshVerificationStatus(verificationId: string) {
  if ((await settleVerificationStatus(verificationId)) === "finished") await onVerificationFinished(verificationId);
}
