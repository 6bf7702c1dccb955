import { createHmac, timingSafeEqual } from "node:crypto";

// The signature scheme (documented in README.md):
//   Verdict-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the webhook's secret>
// The receiver recomputes the HMAC over the exact bytes it received, compares in constant time, and
// refuses a timestamp older than its tolerance (5 minutes here), which defeats replays.

export const SIGNATURE_HEADER = "Verdict-Signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

export function signWebhookBody(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "malformed" | "expired" | "mismatch" };

export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = Math.floor(Date.now() / 1000) }: { toleranceSeconds?: number; now?: number } = {},
): SignatureCheck {
  if (!header) return { ok: false, reason: "malformed" };
  const parts = new Map<string, string[]>();
  for (const piece of header.split(",")) {
    const [key, value] = piece.trim().split("=", 2);
    if (!key || value === undefined) return { ok: false, reason: "malformed" };
    parts.set(key, [...(parts.get(key) ?? []), value]);
  }
  const t = parts.get("t")?.[0];
  const signatures = parts.get("v1") ?? [];
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0) return { ok: false, reason: "malformed" };
  const timestamp = Number(t);
  if (Math.abs(now - timestamp) > toleranceSeconds) return { ok: false, reason: "expired" };
  const expected = Buffer.from(hmacHex(secret, timestamp, body), "hex");
  const matches = signatures.some((s) => /^[0-9a-f]{64}$/.test(s) && timingSafeEqual(Buffer.from(s, "hex"), expected));
  return matches ? { ok: true } : { ok: false, reason: "mismatch" };
}
