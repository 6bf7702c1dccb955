// The compact per-face codes of the plain-PostgreSQL face index. Pure and deterministic: every
// app and worker process derives the same projection from the same seed, so codes written by one
// are read by all. Changing the seed or sizes means reindexing every face.

export const EMBEDDING_DIM = 1024;
export const CODE_BITS = 256;

/** mulberry32: a tiny seeded PRNG (the projection must be identical everywhere, not secret). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let projection: Float32Array | null = null;

/** CODE_BITS × EMBEDDING_DIM Gaussian matrix (Box–Muller), built once per process. */
function projectionMatrix(): Float32Array {
  if (projection) return projection;
  const random = seededRandom(0x5eed_f00d);
  const m = new Float32Array(CODE_BITS * EMBEDDING_DIM);
  for (let i = 0; i < m.length; i += 2) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    m[i] = r * Math.cos(2 * Math.PI * v);
    m[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  projection = m;
  return m;
}

export function isIndexableEmbedding(embedding: ArrayLike<number>): boolean {
  if (embedding.length !== EMBEDDING_DIM) return false;
  for (let i = 0; i < embedding.length; i++) if (!Number.isFinite(embedding[i])) return false;
  return true;
}

/** The descriptor seen through the fixed random projection, unit length (for lists and codes). */
export function projectEmbedding(embedding: ArrayLike<number>): Float32Array {
  const m = projectionMatrix();
  const out = new Float32Array(CODE_BITS);
  let norm = 0;
  for (let r = 0; r < CODE_BITS; r++) {
    let sum = 0;
    const row = r * EMBEDDING_DIM;
    for (let c = 0; c < EMBEDDING_DIM; c++) sum += m[row + c] * embedding[c];
    out[r] = sum;
    norm += sum * sum;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let r = 0; r < CODE_BITS; r++) out[r] *= scale;
  return out;
}

/** Sign bits of the projection as PostgreSQL's bit-string literal ('0101…'): Hamming ≈ angle. */
export function signCode(projected: Float32Array): string {
  let s = "";
  for (let i = 0; i < projected.length; i++) s += projected[i] >= 0 ? "1" : "0";
  return s;
}

/** Bits of the weight each code bit gets in the asymmetric distance (4: weights 0–15). */
export const WEIGHT_PLANES = 4;

/**
 * The query's side of the asymmetric Hamming distance: each bit's weight is how far the query's
 * projection is from 0 there (|q_i|, scaled to 0–15), split into bit planes, lowest first. A
 * mismatch on a bit where the query is near 0 says little; plain Hamming counts it fully, which
 * is what made the shortlist miss near-ties. Distance = Σ_k 2^k · bit_count((code # query) & plane_k).
 */
export function weightPlanes(projected: Float32Array): string[] {
  let max = 0;
  for (let i = 0; i < projected.length; i++) max = Math.max(max, Math.abs(projected[i]));
  const levels = (1 << WEIGHT_PLANES) - 1;
  const weights = Array.from(projected, (x) => (max > 0 ? Math.round((Math.abs(x) / max) * levels) : 0));
  return Array.from({ length: WEIGHT_PLANES }, (_, k) => weights.map((w) => ((w >> k) & 1 ? "1" : "0")).join(""));
}

/** int8 quantization (per-vector scale; cosine does not need the scale back). */
export function quantizeEmbedding(embedding: ArrayLike<number>): Buffer {
  let max = 0;
  for (let i = 0; i < embedding.length; i++) max = Math.max(max, Math.abs(embedding[i]));
  const scale = max > 0 ? 127 / max : 0;
  const out = Buffer.alloc(embedding.length);
  for (let i = 0; i < embedding.length; i++) out.writeInt8(Math.round(embedding[i] * scale), i);
  return out;
}

export function cosineOfQuantized(a: Int8Array, b: Int8Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}


export const asInt8 = (buf: Buffer) => new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
