import { createConcurrencyGate, type ConcurrencyGate } from "@/lib/http/concurrency-gate";
import type { MultipartLimits } from "@/lib/http/request-body";
import { readEnv } from "@/lib/config/env";

// Limits of one test-set upload (POST /api/test-sets/{id}/items). The body goes to disk as it
// arrives; zips inside are unpacked to disk too, within TEST_SET_MAX_UNPACKED_BYTES together.
export const TEST_SET_UPLOAD_LIMITS: MultipartLimits = {
  maxRequestBytes: 600 * 1024 * 1024,
  maxFileBytes: 600 * 1024 * 1024,
  maxFiles: 5000,
  maxFieldBytes: 8 * 1024 * 1024,
  maxFields: 20,
  toDisk: true,
};

let gate: { max: number; gate: ConcurrencyGate } | undefined;

/** Imports running at once in this process (TEST_SET_MAX_CONCURRENT_IMPORTS, default 2). */
export function testSetImportGate(): ConcurrencyGate {
  const max = readEnv().TEST_SET_MAX_CONCURRENT_IMPORTS;
  if (gate?.max !== max) gate = { max, gate: createConcurrencyGate(max) };
  return gate.gate;
}
