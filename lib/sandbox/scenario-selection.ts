import { createHash } from "node:crypto";
import { readScenarioMarker } from "@/lib/sandbox/media-marker";

/**
 * Unmarked media get a deterministic scenario from sha256(all media bytes):
 * the first 4 bytes as a fraction f: f < 0.80 → pass, f < 0.90 → review mix, else fail mix.
 */
export const HASH_MIX = { pass: 0.8, review: 0.1, fail: 0.1 } as const;

export type HashMix<N extends string> = { pass: N; review: N; fail: N };

export type PickedScenario<N extends string> = {
  scenario: N;
  source: "marker" | "hash";
  /** sha256 of the media (hex), also what the hash mix used. */
  digest: string;
  /** A stable value in [0, 1) to vary scores within a scenario. */
  jitter: number;
};

export function hashMedia(files: readonly Uint8Array[]): Buffer {
  const hash = createHash("sha256");
  for (const file of files) hash.update(file);
  return hash.digest();
}

/**
 * The first file (in the given order) with a marker naming a scenario from `names` wins;
 * markers naming unknown scenarios are ignored. Otherwise the hash mix decides.
 */
export function pickScenario<N extends string>(
  files: readonly Uint8Array[],
  names: readonly N[],
  mix: HashMix<N>,
): PickedScenario<N> {
  const digest = hashMedia(files);
  const jitter = digest.readUInt32BE(4) / 2 ** 32;
  for (const file of files) {
    const marker = readScenarioMarker(file);
    const known = names.find((n) => n === marker);
    if (known) return { scenario: known, source: "marker", digest: digest.toString("hex"), jitter };
  }
  const fraction = digest.readUInt32BE(0) / 2 ** 32;
  const scenario = fraction < HASH_MIX.pass ? mix.pass : fraction < HASH_MIX.pass + HASH_MIX.review ? mix.review : mix.fail;
  return { scenario, source: "hash", digest: digest.toString("hex"), jitter };
}

/** A deterministic value in [min, max) from the jitter, rounded to `decimals`. */
export function scoreBetween(jitter: number, min: number, max: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round((min + (max - min) * jitter) * factor) / factor;
}
