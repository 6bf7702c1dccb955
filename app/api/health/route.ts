import { db } from "@/lib/db";
import { getQueueHealth, type QueueHealth } from "@/lib/jobs/queue-health";
import { readReplicaStatus } from "@/lib/runtime/read-replica-status";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

// Public liveness/readiness probe for load balancers and monitoring: whether the database answers,
// and the job queue's depth and its longest-waiting job (counts, a queue name and an age; no job
// data). Before any process has installed the job queue's schema, `jobs` is null.
export async function GET() {
  const started = Date.now();
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    return Response.json({ status: "degraded", database: "down" }, { status: 503, headers: NO_STORE });
  }
  const latencyMs = Date.now() - started;
  let jobs: QueueHealth | null;
  try {
    jobs = await getQueueHealth();
  } catch (error) {
    // 42P01: the job schema does not exist yet (no app or worker process has started the queue).
    const missing = typeof error === "object" && error !== null && "code" in error && error.code === "42P01";
    if (!missing) return Response.json({ status: "degraded", database: "up", latencyMs, jobs: "unreadable" }, { status: 503, headers: NO_STORE });
    jobs = null;
  }
  // The dashboards' read replica, when DATABASE_READ_URL names one: its lag, or that it is unreachable.
  const readReplica = await readReplicaStatus().catch(() => "down" as const);
  return Response.json({ status: "ok", database: "up", latencyMs, jobs, ...(readReplica === null ? {} : { readReplica }) }, { headers: NO_STORE });
}
