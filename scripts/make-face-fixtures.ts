import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import { analyseImage } from "@/lib/face-engine/analyse-image";

// Rebuilds tests/fixtures/faces/ from the real photos they were cut from (see its README):
//   npx tsx scripts/make-face-fixtures.ts <face-api demo dir> <opencv-doc html dir>
// Every output is re-encoded by sharp, which drops all metadata (the demo photos carry GPS EXIF).

const [sampleDir, opencvDir] = process.argv.slice(2);
if (!sampleDir || !opencvDir) {
  console.error("usage: tsx scripts/make-face-fixtures.ts <@vladmandic/face-api/demo> <opencv-doc/opencv4/html>");
  process.exit(2);
}
const out = path.resolve("tests/fixtures/faces");
const SIDE = 256;
const jpeg = (s: Sharp) => s.jpeg({ quality: 88, mozjpeg: true }).toBuffer();

async function write(name: string, bytes: Buffer) {
  await mkdir(path.dirname(path.join(out, name)), { recursive: true });
  await writeFile(path.join(out, name), bytes);
  console.log(name, bytes.length);
}

// 1. One crop per face in the six group photos: 22 different people.
for (let n = 1; n <= 6; n++) {
  const bytes = await readFile(path.join(sampleDir, `sample${n}.jpg`));
  const { width, height } = await sharp(bytes).rotate().metadata().then((m) => ({ width: m.autoOrient?.width ?? m.width, height: m.autoOrient?.height ?? m.height }));
  const reading = await analyseImage(bytes);
  const faces = [...reading.faces].sort((a, b) => a.box[0] - b.box[0]);
  for (const [k, face] of faces.entries()) {
    const [x, y, w, h] = face.box;
    const side = Math.round(Math.max(w, h) * 1.9);
    const left = Math.max(0, Math.min(width - side, Math.round(x + w / 2 - side / 2)));
    const top = Math.max(0, Math.min(height - side, Math.round(y + h / 2 - side / 2)));
    const crop = sharp(bytes).rotate().extract({ left, top, width: Math.min(side, width), height: Math.min(side, height) }).resize(SIDE, SIDE, { fit: "inside" });
    await write(`people/sample${n}-face${k + 1}.jpg`, await jpeg(crop));
  }
}

// 2. One person under four lightings (top row of lbp_yale.jpg, 4 panels of 166 × 190).
const yale = await readFile(path.join(opencvDir, "lbp_yale.jpg"));
for (let i = 0; i < 4; i++) {
  await write(`same-person/yale-${i + 1}.jpg`, await jpeg(sharp(yale).extract({ left: i * 166, top: 0, width: 166, height: 190 })));
}

// 3. One person, two frames (the outer panels of example.jpg; the middle one has drawings on it).
const example = await readFile(path.join(opencvDir, "example.jpg"));
const meta = await sharp(example).metadata();
const panel = Math.floor(meta.width / 3);
for (const [name, i] of [["left", 0], ["right", 2]] as const) {
  await write(`same-person/example-${name}.jpg`, await jpeg(sharp(example).extract({ left: i * panel, top: 0, width: panel, height: meta.height }).resize(SIDE, SIDE, { fit: "inside" })));
}

// 4. Real photos without a face (hands, a dog, buildings, objects).
const noFace = {
  "hand-1": "Back_Projection1_Source_Image.jpg",
  "hand-2": "Histogram_Comparison_Source_1.jpg",
  "building-1": "Canny_Detector_Tutorial_Original_Image.jpg",
  "building-2": "Harris_Detector_Original_Image.jpg",
  "interior": "HDRtoneMapping_memorialSample.jpg",
  "dog": "Histogram_Equalization_Original_Image.jpg",
  "drawing-fish": "Find_Contours_Original_Image.jpg",
  "candle": "HDRtoneMapping_candleSample.jpg",
  "balloons": "Bounding_Rects_Circles_Source_Image.jpg",
  "objects": "Feature_Homography_Result.jpg",
};
for (const [name, file] of Object.entries(noFace)) {
  await write(`no-face/${name}.jpg`, await jpeg(sharp(await readFile(path.join(opencvDir, file))).resize(SIDE * 1.5, SIDE * 1.5, { fit: "inside" })));
}
