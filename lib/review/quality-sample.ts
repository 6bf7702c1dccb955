// QA sampling of automatic passes: whether a verification falls in the sample is a pure function of
// its id, so the same verification always gets the same answer (reproducible, auditable, no state).

/** The verification id mapped to [0, 1): FNV-1a over its text, then murmur3's finaliser to spread the bits. */
export function qualitySampleValue(verificationId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < verificationId.length; i++) {
    h ^= verificationId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}

/** Sampled when the value is below the share: share 0 never samples, share 1 always does. */
export function isQualitySampled(verificationId: string, share: number): boolean {
  return share > 0 && qualitySampleValue(verificationId) < share;
}
