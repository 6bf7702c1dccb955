// Called once a verification has its answers (every vendor run finished, or an ingested answer
// recorded): the place where the review queue flags cases and webhooks announce the result.
// Each step must be idempotent: a job retried after a crash may call this again.
export async function onVerificationFinished(verificationId: string): Promise<void> {
  void verificationId;
}
