import type pg from "pg";
import type { BenchLine } from "./report";

export async function measureAuditPage(_pool: pg.Pool, _events: number, _iterations: number, _log: (line: string) => void): Promise<BenchLine[]> {
  return [];
}
