import { flagVerification } from "@/lib/review/flag-verification";
import { emitVerificationFinished } from "@/lib/webhooks/emit-verification-finished";

// Called once a verification has its answers (every vendor run finished, or an ingested answer
// recorded): the place where the review queue flags cases and webhooks announce the result.
// Each step must be idempotent: a job retried after a crash may call this again.
export async function onVerificationFinished(verificationId: string): Promise<void> {
  // Review queue: open or update this verification's case (idempotent, see flag-verification.ts).
  await flagVerification(verificationId);
  // Webhooks: verification.finished, once per finish.
  await emitVerificationFinished(verificationId);
}
