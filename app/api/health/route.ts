import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// Public liveness/readiness probe: says whether the database answers, and nothing else.
export async function GET() {
  const started = Date.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "up", latencyMs: Date.now() - started });
  } catch {
    return Response.json({ status: "degraded", database: "down" }, { status: 503 });
  }
}
