import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import type { BenchLine } from "./report";

// The engine section of `npm run bench` (alone: `npm run bench -- --only engine`): a worker
// process with the models loaded, analysing real faces one after another.

const resultSchema = z.object({ faces: z.number(), seconds: z.number(), facesPerSecond: z.number(), firstAnalysisSeconds: z.number(), peakRssMb: z.number() });

export async function measureEngine(log: (line: string) => void, rounds = 2): Promise<BenchLine[]> {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  log(`engine: ${rounds} rounds over the 21 fixture faces in a worker process of its own`);
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, path.join(import.meta.dirname, "engine-worker.ts"), String(rounds)], {
    cwd: path.resolve(import.meta.dirname, ".."),
    maxBuffer: 1024 * 1024,
  });
  const result = resultSchema.parse(JSON.parse(stdout.trim().split("\n").at(-1)!));
  return [
    {
      kind: "measure", name: "engine: faces analysed per second", value: result.facesPerSecond, unit: "faces/s", target: 4, direction: "min", ok: result.facesPerSecond >= 4,
      note: `${result.faces} faces in ${result.seconds.toFixed(1)} s, one worker process (WASM, one thread); first analysis with model loading ${result.firstAnalysisSeconds.toFixed(1)} s`,
    },
    {
      kind: "measure", name: "engine: worker peak memory (RSS)", value: result.peakRssMb, unit: "MB", target: 1024, direction: "max", ok: result.peakRssMb < 1024,
      note: "models loaded, analysing 256 px face crops",
    },
  ];
}
