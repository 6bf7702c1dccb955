import { engineReadingSchema } from "@/lib/face-engine/engine-reading";
import { rejectMalformed } from "@/lib/vendors/interpret-helpers";
import { buildReason, commonReasons } from "@/lib/vendors/reasons";
import { jsonObjectOf, type InterpretInput, type Interpretation, type VendorAdapter } from "@/lib/vendors/vendor-adapter";
import type { CheckType } from "@/lib/vendors/types";

// Verdict's own engine as a vendor adapter. It is not called over HTTP (lib/vendors/local/run-local-check.ts
// runs the models in the worker), but its answer — the engine's reading as JSON — goes through the
// same interpret → policy path as every vendor's body, so stored answers can be decided again.

const policyKindOf = (checkType: CheckType) => `local.${checkType}` as const;

function interpretLocal({ checkType, body }: InterpretInput): Interpretation {
  const json = jsonObjectOf(body);
  if (!json) return rejectMalformed("not a JSON object");
  const parsed = engineReadingSchema.safeParse(json);
  if (!parsed.success) return rejectMalformed(parsed.error);
  const reading = parsed.data;
  // The 3-angle check's two comparisons, by name, so the pages can draw each against the policy.
  const pair = (role: string) => reading.comparisons.find((c) => c.a === "portrait_mid" && c.b === role)?.similarity ?? null;
  const angles: Record<string, number | null> = checkType === "liveness_3angle" ? { mid_left: pair("portrait_left"), mid_right: pair("portrait_right") } : {};
  const faces = reading.media.map((m) => `${m.frameMs === null ? m.role : `${m.role}@${m.frameMs}`}:${m.faces.length}`).join(" ");
  return {
    kind: "facts",
    facts: { kind: policyKindOf(checkType), reading, reasons: [] },
    vendorVerdict: {
      faces,
      similarity: reading.comparisons.length ? Math.min(...reading.comparisons.map((c) => c.similarity)) : null,
      model: reading.model,
      ...angles,
    },
    warnings: [],
  };
}

export const localAdapter: VendorAdapter = {
  vendor: "local",
  allowLenientJson: false,
  buildRequest: () => ({ ok: false, reasons: [buildReason(commonReasons.invalidConfig, null, "The engine runs in the worker, not over HTTP")] }),
  interpretResponse: interpretLocal,
  buildConnectionProbe: () => ({ url: "local://verdict-engine", method: "GET", headers: {} }),
  classifyConnectionProbe: () => "ok",
};
