import { db } from "@/lib/db";
import type { VendorCallAttempt } from "@/lib/generated/prisma/client";
import { describeWaitingFor } from "@/lib/verifications/describe-waiting-for";

export function callAttemptJson(a: Pick<VendorCallAttempt, "attempt" | "outcome" | "sentAt" | "finishedAt" | "httpStatus" | "error">) {
  return { attempt: a.attempt, outcome: a.outcome, sentAt: a.sentAt.toISOString(), finishedAt: a.finishedAt?.toISOString() ?? null, httpStatus: a.httpStatus, error: a.error };
}

// The public JSON shape of a verification (REST API and the live status of the detail page).
export async function getVerificationJson(id: string) {
  const v = await db.verification.findUnique({
    where: { id },
    include: { media: { orderBy: { role: "asc" } }, runs: { orderBy: [{ vendor: "asc" }, { attempt: "asc" }], include: { callAttempts: { orderBy: { attempt: "asc" } } } },
      testSetItems: { select: { testSet: { select: { name: true } } }, take: 1 },
    },
  });
  if (!v) return null;
  return {
    id: v.id,
    url: `/verifications/${v.id}`,
    status: v.status,
    checkType: v.checkType,
    reference: v.reference,
    note: v.note,
    source: v.source,
    createdAt: v.createdAt.toISOString(),
    completedAt: v.completedAt?.toISOString() ?? null,
    waitingFor: describeWaitingFor(v.status, v.runs, v.testSetItems[0]?.testSet ?? null),
    media: v.media.map((m) => ({
      id: m.id, role: m.role, mime: m.mime, size: m.size, sha256: m.sha256, width: m.width, height: m.height, durationMs: m.durationMs, fps: m.fps,
      url: `/api/media/${m.id}`,
    })),
    runs: v.runs.map((r) => ({
      id: r.id, vendor: r.vendor, attempt: r.attempt, status: r.status, outcome: r.outcome, vendorVerdict: r.vendorVerdict,
      requestedAt: r.requestedAt.toISOString(), startedAt: r.startedAt?.toISOString() ?? null, finishedAt: r.finishedAt?.toISOString() ?? null,
      latencyMs: r.latencyMs, httpStatus: r.httpStatus, policyId: r.policyId, rerunReason: r.rerunReason,
      normalized: r.normalized, raw: r.raw, attempts: r.attempts,
      // Every HTTP attempt as recorded before it was sent; `unknown`: its worker died waiting for the answer.
      calls: r.callAttempts.map(callAttemptJson),
    })),
  };
}

export type VerificationJson = NonNullable<Awaited<ReturnType<typeof getVerificationJson>>>;
