import { judgeGate, roleOfReason } from "@/lib/quality-gate/gate-verdict";
import { normalizedResultSchema, type VendorId } from "@/lib/vendors/types";

// What the quality gate did on one verification, for the API and the pages: which file failed
// and why, and which paid calls it saved.

export interface QualityGateSummary {
  /** pending: the engine has not answered yet; passed: the vendors were called; stopped: they were not. */
  status: "pending" | "passed" | "stopped";
  problems: Array<{ role: string | null; code: string; message: string }>;
  skippedVendors: VendorId[];
}

interface GateRun {
  vendor: VendorId;
  attempt: number;
  status: string;
  normalized: unknown;
  skippedByGate: boolean;
}

export function describeQualityGate(verification: { qualityGate: boolean }, runs: GateRun[]): QualityGateSummary | null {
  if (!verification.qualityGate) return null;
  const engine = runs.find((r) => r.vendor === "local" && r.attempt === 1);
  const skippedVendors = runs.filter((r) => r.skippedByGate).map((r) => r.vendor);
  const answered = engine !== undefined && engine.status !== "queued" && engine.status !== "running";
  const parsed = answered ? normalizedResultSchema.safeParse(engine.normalized) : null;
  const problems = parsed?.success ? judgeGate(parsed.data).problems.map((r) => ({ role: roleOfReason(r), code: r.code, message: r.message })) : [];
  return { status: skippedVendors.length ? "stopped" : answered ? "passed" : "pending", problems, skippedVendors };
}
