import { createHmac, hkdfSync } from "node:crypto";
import { readEnv } from "@/lib/config/env";

// What an erased subject's verifications keep instead of the reference: "erased:" and an HMAC-SHA256
// of the reference under a key derived from VERDICT_MASTER_KEY. The tombstones stay grouped (one
// subject), and erasing the same reference again finds them (idempotent), but the identifier
// itself is gone: the value cannot be reversed, nor confirmed by guessing without the key.

export const ERASED_PREFIX = "erased:";

function erasureKey(): Buffer {
  const raw = readEnv().VERDICT_MASTER_KEY;
  if (!raw) throw new Error("VERDICT_MASTER_KEY is not set: it is needed to erase a subject (the tombstones keep a keyed hash of the reference).");
  const key = Buffer.from(raw, "base64");
  if (key.length !== 32) throw new Error("VERDICT_MASTER_KEY must be the base64 encoding of exactly 32 bytes.");
  return Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "verdict erased subject reference v1", 32));
}

export function erasedReferenceOf(reference: string): string {
  return `${ERASED_PREFIX}${createHmac("sha256", erasureKey()).update(reference, "utf8").digest("hex")}`;
}

/** A reference and the tombstone value its erased verifications carry: what a look-up by reference matches. */
export function referenceOrErased(reference: string): string[] {
  return [reference, erasedReferenceOf(reference)];
}
