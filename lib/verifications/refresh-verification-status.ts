import { db } from "@/lib/db";
import { onVerificationFinished } from "@/lib/verifications/on-verification-finished";

// A verification is done when every vendor run is: `completed` when at least one vendor gave an
// answer, `failed` when every run ended in an error.
export async function refreshVerificationStatus(verificationId: string) {
  const runs = await db.vendorRun.findMany({ where: { verificationId }, select: { status: true } });
  const open = runs.some((r) => r.status === "queued" || r.status === "running");
  if (open) {
    await db.verification.updateMany({ where: { id: verificationId, status: { in: ["queued", "completed", "failed"] } }, data: { status: "running", completedAt: null } });
    return;
  }
  const anyAnswer = runs.some((r) => r.status === "completed");
  await db.verification.update({ where: { id: verificationId }, data: { status: anyAnswer ? "completed" : "failed", completedAt: new Date() } });
  await onVerificationFinished(verificationId);
}
