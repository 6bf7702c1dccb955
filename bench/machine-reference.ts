import { createHash } from "node:crypto";
import type { MeasureLine } from "./report";

// The same fixed work on any machine (JSON and string handling as in the app's requests, SHA-256 as
// in its media hashing), timed on one core just before the ingest: the machines these figures are
// taken on differ from session to session by a factor of two, and under load the same machine does
// too. Throughput and CPU-per-verification figures compare across runs only next to this one.
export function measureMachineReference(): MeasureLine {
  const record = { id: "3f2b8c1e-6a4d-4e0f-9b7a-2d1c5e8f9a0b", checkType: "face_match", vendors: ["cvs", "kairos"], scores: Array.from({ length: 64 }, (_, i) => i / 64), note: "x".repeat(200) };
  const bytes = Buffer.alloc(16 * 1024 * 1024, 7);
  const started = performance.now();
  let total = 0;
  for (let i = 0; i < 40_000; i++) total += (JSON.parse(JSON.stringify({ ...record, i })) as { i: number }).i;
  const digest = createHash("sha256").update(bytes).digest("hex");
  const ms = performance.now() - started;
  return {
    kind: "measure", name: "reference workload (one core)", value: ms, unit: "ms", target: null, direction: "max", ok: true,
    note: `fixed JSON and SHA-256 work (${total % 7}${digest.slice(0, 2)}): lower is a faster or quieter machine; read the figures beside it`,
  };
}
