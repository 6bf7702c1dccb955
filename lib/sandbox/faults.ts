import { z } from "zod";
import { vendorIdSchema, type VendorId } from "@/lib/vendors/types";

/**
 * Fault injection, per vendor. Deterministic on purpose: "the next 2 requests get a 503" is
 * `{ status5xx: 503, remaining: 2 }`; `rate: 0.5` faults every 2nd request (by counter, not by chance).
 * Precedence when several are set: connectionReset > timeout > quotaExhausted > badCredentials >
 * status5xx > htmlError > malformedJson; latencyMs delays any of them (or a normal answer).
 */
export const faultSpecSchema = z
  .object({
    /** Delay before answering, in ms. */
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    /** Never answer: hold the connection until the client gives up (or the sandbox closes). */
    timeout: z.boolean().optional(),
    /** Answer with this 5xx status (true = 503). */
    status5xx: z.union([z.literal(true), z.number().int().min(500).max(599)]).optional(),
    /** 200 with the vendor's real answer cut in half (invalid JSON). */
    malformedJson: z.boolean().optional(),
    /** An HTML page instead of JSON: 200 alone (a proxy/WAF page), or the 5xx status with status5xx. */
    htmlError: z.boolean().optional(),
    /** Destroy the TCP connection without an answer. */
    connectionReset: z.boolean().optional(),
    /** The vendor's own "out of requests / limits" answer. */
    quotaExhausted: z.boolean().optional(),
    /** The vendor's own "bad credentials" answer, whatever credentials were sent. */
    badCredentials: z.boolean().optional(),
    /** Fraction of requests affected, deterministic by counter (1 = every request). */
    rate: z.number().gt(0).max(1).optional(),
    /** How many requests the fault affects before it clears itself; omitted = until cleared. */
    remaining: z.number().int().min(1).optional(),
  })
  .strict();

export type FaultSpec = z.infer<typeof faultSpecSchema>;

export const faultsByVendorSchema = z.partialRecord(vendorIdSchema, faultSpecSchema);
export type FaultsByVendor = z.infer<typeof faultsByVendorSchema>;

type FaultState = { spec: FaultSpec; remaining: number | null; seen: number };

export class FaultRegistry {
  private readonly faults = new Map<VendorId, FaultState>();

  set(vendor: VendorId, spec: FaultSpec): void {
    this.faults.set(vendor, { spec, remaining: spec.remaining ?? null, seen: 0 });
  }

  clear(vendor?: VendorId): void {
    if (vendor) this.faults.delete(vendor);
    else this.faults.clear();
  }

  /** Current fault and how many faulted requests remain (null = unlimited). */
  get(vendor: VendorId): { spec: FaultSpec; remaining: number | null } | null {
    const state = this.faults.get(vendor);
    return state ? { spec: state.spec, remaining: state.remaining } : null;
  }

  list(): Partial<Record<VendorId, { spec: FaultSpec; remaining: number | null }>> {
    return Object.fromEntries([...this.faults].map(([vendor, s]) => [vendor, { spec: s.spec, remaining: s.remaining }]));
  }

  /** Called once per incoming vendor request: the fault to apply to it, if any. */
  take(vendor: VendorId): FaultSpec | null {
    const state = this.faults.get(vendor);
    if (!state) return null;
    state.seen += 1;
    const rate = state.spec.rate ?? 1;
    const applies = Math.floor(state.seen * rate) > Math.floor((state.seen - 1) * rate);
    if (!applies) return null;
    if (state.remaining !== null) {
      state.remaining -= 1;
      if (state.remaining <= 0) this.faults.delete(vendor);
    }
    return state.spec;
  }
}

/** `SANDBOX_FAULTS='{"fpt":{"status5xx":503,"remaining":2}}'`; throws with the zod issues when invalid. */
export function parseFaultsEnv(value: string | undefined): FaultsByVendor {
  if (!value || value.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new Error("SANDBOX_FAULTS is not valid JSON");
  }
  const parsed = faultsByVendorSchema.safeParse(json);
  if (!parsed.success) throw new Error(`SANDBOX_FAULTS is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
