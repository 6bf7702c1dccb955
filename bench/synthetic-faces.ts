import { EMBEDDING_DIM } from "@/lib/face-search/face-code";

// Synthetic face descriptors for the face-search bench, drawn to look like the engine's: a shared
// "face" direction (impostor pairs are not orthogonal), an identity part with a decaying spectrum in
// a low-dimensional subspace (descriptors of real faces have a small intrinsic dimension), and
// per-capture noise. Tuned so that, like `npm run eval:engine`'s real pairs, two captures of one
// person score ≈ 0.85 and different people ≈ 0.35 ± 0.1. Every vector is a pure function of its
// (identity, capture) seeds, so the bench regenerates instead of holding 4 GB in memory.

const LATENT = 64;
const SHARED = Math.sqrt(0.4);
const IDENTITY = Math.sqrt(0.6);
const NOISE = 0.42;

function seeded(seed: number): () => number {
  let a = (seed * 2654435761) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function unitGaussian(random: () => number, dim: number): Float32Array {
  const v = new Float32Array(dim);
  let norm = 0;
  for (let i = 0; i < dim; i++) {
    v[i] = gaussian(random);
    norm += v[i] ** 2;
  }
  const s = 1 / Math.sqrt(norm);
  for (let i = 0; i < dim; i++) v[i] *= s;
  return v;
}

const basisRandom = seeded(424242);
const shared = unitGaussian(basisRandom, EMBEDDING_DIM);
const basis = Array.from({ length: LATENT }, () => unitGaussian(basisRandom, EMBEDDING_DIM));
const spectrum = Array.from({ length: LATENT }, (_, k) => 1 / Math.sqrt(1 + k / 16));
const spectrumNorm = Math.sqrt(spectrum.reduce((s, x) => s + x * x, 0));

function identityVector(identity: number): Float32Array {
  const random = seeded(identity + 1);
  const v = new Float32Array(EMBEDDING_DIM);
  for (let i = 0; i < EMBEDDING_DIM; i++) v[i] = SHARED * shared[i];
  for (let k = 0; k < LATENT; k++) {
    const w = (IDENTITY * spectrum[k] * gaussian(random)) / spectrumNorm;
    const b = basis[k];
    for (let i = 0; i < EMBEDDING_DIM; i++) v[i] += w * b[i];
  }
  return v;
}

/** One capture of a person: identity plus capture noise, unit length. */
export function syntheticFace(identity: number, capture: number): Float32Array {
  const v = identityVector(identity);
  const noise = unitGaussian(seeded(identity * 7919 + capture * 104729 + 17), EMBEDDING_DIM);
  let norm = 0;
  for (let i = 0; i < EMBEDDING_DIM; i++) {
    v[i] += NOISE * noise[i];
    norm += v[i] ** 2;
  }
  const s = 1 / Math.sqrt(norm);
  for (let i = 0; i < EMBEDDING_DIM; i++) v[i] *= s;
  return v;
}

/**
 * Face `j` of the indexed set: one in `dupEvery` is a second capture of an earlier person (a near
 * duplicate: the share the bench states), the others are people seen once.
 */
export function indexedFaceIdentity(j: number, dupEvery: number): { identity: number; capture: number } {
  if (j > 0 && j % dupEvery === dupEvery - 1) {
    const earlier = Math.floor(seeded(j)() * j);
    // Face `earlier` must itself be a first capture, so this one is its near duplicate.
    return { identity: earlier % dupEvery === dupEvery - 1 ? earlier - 1 : earlier, capture: 1 + (j % 3) };
  }
  return { identity: j, capture: 0 };
}
