import type { NormalizedResult, Reason } from "@/lib/vendors/types";

// Pure: whether the engine's reading stops the paid vendors. It does when the media cannot be
// judged (no face, several faces, a wrong angle, an unusable picture or file), never on a
// judgement call (different people, weak liveness): those stay the vendors' to make.

export interface GateVerdict {
  /** true: call the paid vendors. */
  proceed: boolean;
  /** What is wrong, per file (the reasons' vendorCode names the file: `image2:no_face`). */
  problems: Reason[];
}

export function judgeGate(engine: NormalizedResult): GateVerdict {
  // The engine itself failed: never hold the vendors back because of Verdict's own trouble.
  if (engine.outcome === "error" && !engine.reasons.some((r) => r.code === "unreadable_media")) return { proceed: true, problems: [] };
  const problems = engine.reasons.filter((r) => r.severity === "error" && (r.category === "quality" || r.code === "unreadable_media"));
  return { proceed: problems.length === 0, problems };
}

/** The role a reason is about, from its vendorCode (`video@2500:no_face` → video). */
export function roleOfReason(reason: Reason): string | null {
  const match = reason.vendorCode?.match(/^([a-z0-9_]+)(?:@\d+)?:/);
  return match ? match[1] : null;
}
