import { db } from "@/lib/db";
import { getQueueHealth } from "@/lib/jobs/queue-health";

export const dynamic = "force-dynamic";

// Public liveness/readiness probe for load balancers and monitoring: whether the database answers,
// and the job queue's depth and its longest-waiting job (counts, a queue name and an age; no job
// data). Before the first worker or app process has installed the queue, `jobs` is null.
export async function GET() {
  const started = Date.now();
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    return Response.json({ status: "degraded", database: "down" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
  const latencyMs = Date.now() - started;
  const jobs = await getQueueHealth().catch((error: unknown) => {
    // 42P01: the job schema does not exist yet (no process has started the queue).
    if (typeof error === "object" && error !== null && "code" in error && error.code === "42P01") return null;
    throw error;
  }).catch(() => undefined);
  if (jobs === undefined) return Response.json({ status: "degraded", database: "up", latencyMs, jobs: "unreadable" }, { status: 503, headers: { "cache-control": "no-store" } });
  return Response.json({ status: "ok", database: "up", latencyMs, jobs }, { headers: { "cache-control": "no-store" } });
}
