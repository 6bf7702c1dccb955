import { loadavg } from "node:os";
import { analyseImage, type EngineImageReading } from "@/lib/face-engine/analyse-image";
import { detTable, errorRatesAt, similarityRange, type ScoredPair } from "@/lib/face-engine/evaluation";
import { deriveVariants, readFixtureGroup, syntheticNoFacePictures, type FixturePhoto } from "@/lib/face-engine/face-fixtures";
import { similarityOf } from "@/lib/face-engine/face-quality";
import { defaultPolicies } from "@/lib/policy/default-policies";
import { evaluate3Angle, evaluateVideo, printLivenessEvaluation, type AnalysedPhoto } from "./eval-liveness";

// `npm run eval:engine [-- --json]`: how well Verdict's engine tells people apart, on the real
// photos in tests/fixtures/faces (see its README): FMR / FNMR at the default face_match thresholds,
// a DET table, and how many pictures without a face would pass; then liveness_3angle and
// liveness_video on material derived from those photos (bench/eval-liveness.ts). Progress on stderr.

const json = process.argv.includes("--json");
const log = (line: string) => console.error(line);

interface Read {
  name: string;
  reading: EngineImageReading;
}

let analysisMs = 0;
let facesAnalysed = 0;
async function read(photo: FixturePhoto): Promise<Read> {
  const reading = await analyseImage(photo.bytes);
  analysisMs += reading.analysisMs;
  facesAnalysed += Math.max(1, reading.faces.length);
  return { name: photo.name, reading };
}

const embeddingOf = (r: Read) => r.reading.faces[0]?.embedding ?? null;
function score(a: Read, b: Read): ScoredPair {
  const ea = embeddingOf(a);
  const eb = embeddingOf(b);
  return { a: a.name, b: b.name, similarity: ea && eb ? similarityOf(ea, eb) : null };
}
function allPairs(items: Read[]): ScoredPair[] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b) => score(a, b)));
}

async function main() {
  const started = performance.now();
  log("analysing the fixtures…");
  // One at a time: the engine is one model set per process, and the speed figure is per face.
  const readAll = async (photos: FixturePhoto[]) => {
    const out: Read[] = [];
    for (const photo of photos) out.push(await read(photo));
    return out;
  };
  const peoplePhotos = await readFixtureGroup("people");
  const samePersonPhotos = await readFixtureGroup("same-person");
  const people = await readAll(peoplePhotos);
  const samePerson = await readAll(samePersonPhotos);
  const noFace = await readAll([...(await readFixtureGroup("no-face")), ...(await syntheticNoFacePictures())]);
  log("deriving variants…");
  const derived: ScoredPair[] = [];
  for (const person of people) {
    const photo = peoplePhotos.find((p) => p.name === person.name)!;
    for (const variant of await deriveVariants(photo.bytes)) derived.push(score(person, await read({ name: `${person.name} (${variant.kind})`, bytes: variant.bytes })));
  }

  const yale = samePerson.filter((r) => r.name.includes("yale"));
  const example = samePerson.filter((r) => r.name.includes("example"));
  const genuineReal = [...allPairs(yale), ...allPairs(example)];
  // Different people: every pair of the 21 group-photo faces, and each of them against the two other people.
  const impostor = [...allPairs(people), ...people.flatMap((p) => samePerson.map((s) => score(p, s))), ...yale.flatMap((y) => example.map((e) => score(y, e)))];

  const policy = defaultPolicies["local.face_match"];
  const atMatch = { real: errorRatesAt(policy.matchAbove, genuineReal, impostor), derived: errorRatesAt(policy.matchAbove, derived, impostor) };
  const impostorsInReview = impostor.filter((p) => p.similarity !== null && p.similarity >= policy.borderlineFrom && p.similarity <= policy.matchAbove).length;
  const genuineInReview = genuineReal.filter((p) => p.similarity !== null && p.similarity >= policy.borderlineFrom && p.similarity <= policy.matchAbove).length;
  const noFaceWithFace = noFace.filter((r) => r.reading.faces.length > 0);
  const det = detTable([...genuineReal], impostor).map((row) => ({ ...row, derivedFnmr: errorRatesAt(row.threshold, derived, impostor).fnmr }));
  const missed = [...people, ...samePerson].filter((r) => r.reading.faces.length === 0).map((r) => r.name);

  log("liveness_3angle and liveness_video on derived material…");
  const analysed = (photos: FixturePhoto[], reads: Read[]): AnalysedPhoto[] =>
    photos.map((photo, i) => ({ name: photo.name, bytes: photo.bytes, pose: reads[i].reading.faces[0]?.pose ?? null, embedding: embeddingOf(reads[i]) }));
  const peopleAnalysed = analysed(peoplePhotos, people);
  const samePersonAnalysed = analysed(samePersonPhotos, samePerson);
  const threeAngle = await evaluate3Angle([...peopleAnalysed, ...samePersonAnalysed], impostor);
  const video = await evaluateVideo(
    peopleAnalysed,
    samePersonAnalysed.filter((p) => p.name.includes("yale")),
    samePersonAnalysed.filter((p) => p.name.includes("example")),
    log,
  );

  const result = {
    thresholds: { matchAbove: policy.matchAbove, borderlineFrom: policy.borderlineFrom },
    pairs: { genuineReal: genuineReal.length, genuineDerived: derived.length, impostor: impostor.length },
    ranges: { genuineReal: similarityRange(genuineReal), genuineDerived: similarityRange(derived), impostor: similarityRange(impostor) },
    atDefaults: {
      fmr: atMatch.real.fmr,
      falseMatches: atMatch.real.falseMatches,
      fnmrReal: atMatch.real.fnmr,
      falseNonMatchesReal: atMatch.real.falseNonMatches,
      fnmrDerived: atMatch.derived.fnmr,
      falseNonMatchesDerived: atMatch.derived.falseNonMatches,
      impostorsInReviewBand: impostorsInReview,
      genuineRealInReviewBand: genuineInReview,
    },
    noFace: { pictures: noFace.length, withAFace: noFaceWithFace.map((r) => r.name), passRate: noFaceWithFace.length / noFace.length },
    facesMissed: missed,
    speed: { facesAnalysed, analysisSeconds: analysisMs / 1000, facesPerSecond: facesAnalysed / (analysisMs / 1000) },
    det,
    liveness3Angle: threeAngle,
    livenessVideo: video,
    elapsedSeconds: (performance.now() - started) / 1000,
  };
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  const range = (r: [number, number] | null) => (r ? `${r[0].toFixed(3)}–${r[1].toFixed(3)}` : "—");
  console.log(`Verdict engine evaluation (similarity = cosine of faceres descriptors; match above ${policy.matchAbove}, review from ${policy.borderlineFrom})`);
  console.log(`pairs: ${genuineReal.length} genuine (real photos), ${derived.length} genuine (derived from one photo), ${impostor.length} impostor`);
  console.log(`similarity ranges: genuine real ${range(result.ranges.genuineReal)}, genuine derived ${range(result.ranges.genuineDerived)}, impostor ${range(result.ranges.impostor)}`);
  console.log(`at the defaults: FMR ${pct(atMatch.real.fmr)} (${atMatch.real.falseMatches}/${impostor.length}), FNMR real ${pct(atMatch.real.fnmr)} (${atMatch.real.falseNonMatches}/${genuineReal.length}), FNMR derived ${pct(atMatch.derived.fnmr)} (${atMatch.derived.falseNonMatches}/${derived.length})`);
  console.log(`review band: ${impostorsInReview} impostor and ${genuineInReview} real genuine pairs land in it (a person looks)`);
  console.log(`no-face pictures that pass: ${noFaceWithFace.length}/${noFace.length} (${pct(result.noFace.passRate)})${noFaceWithFace.length ? `: ${noFaceWithFace.map((r) => r.name).join(", ")}` : ""}`);
  console.log(`faces missed by the detector: ${missed.length ? missed.join(", ") : "none"}`);
  console.log(`speed: ${result.speed.facesPerSecond.toFixed(2)} faces/s (${facesAnalysed} faces, one process, detect + mesh + embed + antispoof + liveness + quality; wall clock, load average ${loadavg()[0].toFixed(2)}: \`npm run bench -- --only engine\` measures CPU time per face too)`);
  console.log("\nDET (threshold: FMR / FNMR real / FNMR derived)");
  console.log("| threshold | FMR | FNMR real | FNMR derived |\n|---:|---:|---:|---:|");
  for (const row of det) console.log(`| ${row.threshold.toFixed(3)} | ${pct(row.fmr)} | ${pct(row.fnmr)} | ${pct(row.derivedFnmr)} |`);
  printLivenessEvaluation(threeAngle, video);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
