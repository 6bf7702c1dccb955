import { createHash } from "node:crypto";

// The content address of a blob: lowercase hex sha256.
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
