import { loadavg } from "node:os";
import sharp from "sharp";
import { analyseImage } from "@/lib/face-engine/analyse-image";
import { readFixtureGroup } from "@/lib/face-engine/face-fixtures";
import { warmUpFaceEngine } from "@/lib/face-engine/load-human";

// Runs in a process of its own, as a worker of the engine's queue would: warms up (models loaded
// once), then analyses pictures one at a time (decode + detect + mesh + descriptor + anti-spoofing
// + liveness + quality), `rounds` times over two sets: the 21 fixture face crops as shipped
// (~256 px), and the same faces as phone-size uploads (960×1280 JPEG, upscaled: the decode and
// scaling work of a real upload). Prints one JSON line per set, then one for the process.

const rounds = Number(process.argv[2] ?? 2);
const crops = (await readFixtureGroup("people")).map((p) => p.bytes);
const phoneSize = await Promise.all(crops.map((bytes) => sharp(bytes).resize(960, 1280, { fit: "cover" }).jpeg({ quality: 90 }).toBuffer()));

const warmUpMs = await warmUpFaceEngine();
// The first picture through each model allocates its buffers: one untimed analysis.
await analyseImage(crops[0]);

async function measure(set: string, pictures: Buffer[]) {
  const load = loadavg()[0];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let faces = 0;
  for (let round = 0; round < rounds; round++) for (const bytes of pictures) faces += (await analyseImage(bytes)).faces.length;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { set, pictures: pictures.length * rounds, faces, seconds, cpuSeconds, cpuMsPerFace: (cpuSeconds * 1000) / faces, facesPerSecond: faces / seconds, loadAverage: Math.max(load, loadavg()[0]) };
}

for (const result of [await measure("crops", crops), await measure("phone-size", phoneSize)]) console.log(JSON.stringify(result));
console.log(JSON.stringify({ set: "process", warmUpMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
