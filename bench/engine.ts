import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import type { BenchLine } from "./report";

// The engine section of `npm run bench` (alone: `npm run bench -- --only engine`): a worker
// process with the models loaded, analysing real faces one after another. Wall-clock faces/s is
// what a worker delivers on this machine now; CPU time per face is what the analysis costs, and
// moves far less when other processes share the cores (the load average is printed beside both).

export const TARGET_FACES_PER_SECOND = 4;
export const TARGET_PEAK_RSS_MB = 1024;

const setSchema = z.object({
  set: z.enum(["crops", "phone-size"]),
  pictures: z.number(),
  faces: z.number(),
  seconds: z.number(),
  cpuSeconds: z.number(),
  cpuMsPerFace: z.number(),
  facesPerSecond: z.number(),
  loadAverage: z.number(),
});
const processSchema = z.object({ set: z.literal("process"), warmUpMs: z.number(), peakRssMb: z.number() });

export async function measureEngine(log: (line: string) => void, rounds = 2): Promise<BenchLine[]> {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  log(`engine: ${rounds} rounds over the 21 fixture faces (as crops, then as phone-size uploads) in a worker process of its own`);
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, path.join(import.meta.dirname, "engine-worker.ts"), String(rounds)], {
    cwd: path.resolve(import.meta.dirname, ".."),
    maxBuffer: 1024 * 1024,
  });
  const lines = stdout.trim().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as unknown);
  const sets = lines.flatMap((l) => (setSchema.safeParse(l).success ? [setSchema.parse(l)] : []));
  const proc = processSchema.parse(lines.find((l) => processSchema.safeParse(l).success));
  const cores = cpus().length;
  const out: BenchLine[] = [];
  for (const s of sets) {
    const what = s.set === "crops" ? "face crops ~256 px" : "phone-size 960×1280 JPEG";
    const cpuFacesPerSecond = 1000 / s.cpuMsPerFace;
    out.push({
      kind: "measure", name: `engine: faces/s, wall clock (${s.set})`, value: s.facesPerSecond, unit: "faces/s", target: TARGET_FACES_PER_SECOND, direction: "min",
      ok: s.facesPerSecond >= TARGET_FACES_PER_SECOND,
      note: `${s.faces} faces in ${s.pictures} ${what}, ${s.seconds.toFixed(1)} s, one worker process; load average ${s.loadAverage.toFixed(2)} on ${cores} cores`,
    });
    out.push({
      kind: "measure", name: `engine: CPU time per face (${s.set})`, value: s.cpuMsPerFace, unit: "ms", target: 1000 / TARGET_FACES_PER_SECOND, direction: "max",
      ok: s.cpuMsPerFace <= 1000 / TARGET_FACES_PER_SECOND,
      note: `= ${cpuFacesPerSecond.toFixed(1)} faces/s per process on a core of its own (process.cpuUsage, less sensitive to load)`,
    });
  }
  out.push({
    kind: "measure", name: "engine: worker peak memory (RSS)", value: proc.peakRssMb, unit: "MB", target: TARGET_PEAK_RSS_MB, direction: "max", ok: proc.peakRssMb < TARGET_PEAK_RSS_MB,
    note: `models loaded; warm-up (model loading) ${(proc.warmUpMs / 1000).toFixed(1)} s, once per process`,
  });
  return out;
}
