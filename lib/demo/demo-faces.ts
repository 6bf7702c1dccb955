import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { resolvePackageDir } from "@/lib/runtime/package-dir";
import { MARKER_PREFIX, runFfmpeg, writeImageScenarioMarker } from "@/lib/sandbox/media-marker";

// Real faces for the demo data, cut at seed time from photos that installed npm packages ship (none
// are committed here). @vladmandic/face-api's demo/sample1-6.jpg are group photos of different
// people taken by the package's author (MIT); @vladmandic/human's assets/samples.jpg is a contact
// sheet of portraits. Boxes [left, top, width, height] of one face each, found once with face-api's
// SSD MobileNet detector on these exact files.
const PHOTOS: Array<{ pkg: string; file: string; faces: Array<[number, number, number, number]> }> = [
  { pkg: "@vladmandic/face-api", file: "demo/sample1.jpg", faces: [[414, 355, 177, 240], [838, 421, 186, 228], [1476, 199, 203, 241]] },
  { pkg: "@vladmandic/face-api", file: "demo/sample2.jpg", faces: [[1447, 153, 194, 242], [902, 220, 151, 233], [361, 126, 153, 259]] },
  { pkg: "@vladmandic/face-api", file: "demo/sample3.jpg", faces: [[585, 329, 199, 271], [1514, 292, 170, 280], [1075, 215, 220, 299]] },
  { pkg: "@vladmandic/face-api", file: "demo/sample4.jpg", faces: [[664, 53, 187, 258], [257, 185, 162, 245], [989, 180, 169, 227], [1277, 144, 145, 244]] },
  { pkg: "@vladmandic/face-api", file: "demo/sample5.jpg", faces: [[787, 109, 156, 212], [1113, 198, 158, 236], [1406, 390, 165, 271], [598, 415, 166, 249], [377, 859, 172, 301]] },
  { pkg: "@vladmandic/face-api", file: "demo/sample6.jpg", faces: [[681, 321, 160, 307], [1180, 305, 188, 280], [1487, 263, 212, 296], [250, 468, 210, 291]] },
  { pkg: "@vladmandic/human", file: "assets/samples.jpg", faces: [[213, 21, 35, 50]] },
];

export interface DemoFace {
  /** Which person (index into the faces found above): the same index is the same person. */
  person: number;
  source: string;
  box: [number, number, number, number];
}

export function listDemoFaces(): DemoFace[] {
  return PHOTOS.flatMap((photo) => photo.faces.map((box) => ({ source: path.join(resolvePackageDir(photo.pkg), photo.file), box }))).map((face, person) => ({ person, ...face }));
}

export interface PortraitVariant {
  /** Extra room around the face, as a share of its size (head and shoulders at about 0.7). */
  margin?: number;
  /** Moves the frame sideways, as a share of the face width (a head turned left/right in 3-angle sets). */
  shift?: number;
  /** Brightness factor (1 = as shot). */
  brightness?: number;
}

/** A 3:4 portrait JPEG of one face, 480 × 640, without the photo's metadata (GPS EXIF included). */
export async function cropPortrait(face: DemoFace, variant: PortraitVariant = {}): Promise<Buffer> {
  const { margin = 0.7, shift = 0, brightness = 1 } = variant;
  const image = sharp(face.source);
  const { width = 0, height = 0 } = await image.metadata();
  const [left, top, w, h] = face.box;
  const frameWidth = Math.min(width, Math.round(Math.max(w, h) * (1 + margin)));
  const frameHeight = Math.min(height, Math.round((frameWidth * 4) / 3));
  const centreX = left + w / 2 + shift * w;
  const centreY = top + h * 0.62; // a little below the face's middle: some shoulders, less above the hair
  const clamp = (value: number, size: number, limit: number) => Math.max(0, Math.min(limit - size, Math.round(value)));
  const region = { left: clamp(centreX - frameWidth / 2, frameWidth, width), top: clamp(centreY - frameHeight / 2, frameHeight, height), width: frameWidth, height: frameHeight };
  // sharp writes no EXIF/ICC/XMP unless asked (withMetadata), so the output carries none of the source's.
  return sharp(face.source).extract(region).resize(480, 640, { fit: "cover" }).modulate({ brightness }).jpeg({ quality: 85 }).toBuffer();
}

/** A portrait carrying a sandbox scenario marker when one is given (see lib/sandbox/media-marker.ts). */
export async function demoPortrait(face: DemoFace, scenario: string | undefined, variant?: PortraitVariant): Promise<Buffer> {
  const bytes = await cropPortrait(face, variant);
  return scenario ? writeImageScenarioMarker(bytes, scenario) : bytes;
}

/** A 5 s "selfie video" (FPT refuses shorter ones) of the portrait, slowly zooming in (ffmpeg's zoompan), tagged with the scenario. */
export async function demoSelfieVideo(face: DemoFace, scenario: string | undefined): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), "verdict-demo-video-"));
  try {
    const still = path.join(dir, "face.jpg");
    const output = path.join(dir, "selfie.mp4");
    await writeFile(still, await cropPortrait(face));
    const fps = 25;
    const frames = 5 * fps;
    const args = ["-loop", "1", "-i", still, "-vf", `zoompan=z='min(zoom+0.0015,1.15)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=${frames}:s=480x640:fps=${fps}`, "-frames:v", String(frames)];
    args.push("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-map_metadata", "-1");
    if (scenario) args.push("-metadata", `comment=${MARKER_PREFIX}${scenario}`);
    args.push(output);
    await runFfmpeg(args);
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
