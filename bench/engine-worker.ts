import { analyseImage } from "@/lib/face-engine/analyse-image";
import { readFixtureGroup } from "@/lib/face-engine/face-fixtures";

// Runs in a process of its own, as a worker of the engine's queue would: loads the models, then
// analyses the fixture faces (detect + mesh + embed + antispoof + liveness + quality), one at a
// time, `rounds` times. Prints one JSON line: faces per second and the process's peak RSS.

const rounds = Number(process.argv[2] ?? 2);
const photos = await readFixtureGroup("people");
const loadStarted = performance.now();
await analyseImage(photos[0].bytes);
const loadSeconds = (performance.now() - loadStarted) / 1000;
let faces = 0;
const started = performance.now();
for (let round = 0; round < rounds; round++) {
  for (const photo of photos) faces += (await analyseImage(photo.bytes)).faces.length;
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ faces, seconds, facesPerSecond: faces / seconds, firstAnalysisSeconds: loadSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
