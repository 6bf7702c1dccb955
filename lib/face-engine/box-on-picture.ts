// Where a face box is drawn over its picture. Client-safe (no engine here).

/** [x, y, width, height] in pixels of the picture. */
type FaceBox = readonly [number, number, number, number];

export interface DrawnBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The engine's box ran past the picture's edge and was pulled in to it. */
  cutOff: boolean;
}

/**
 * The part of a face box that lies on the picture, pulled in by half the line's width so the
 * whole line is drawn on the picture. The engine pads the picture before detecting, so a face
 * cut off at the edge (a tightly cropped photo) gets a box running past it: drawn as it is, every
 * line of it can fall outside the picture and nothing shows. Null when no part of the box is on
 * the picture.
 */
export function boxOnPicture(box: FaceBox, picture: { width: number; height: number }, lineWidth: number): DrawnBox | null {
  const [x, y, w, h] = box;
  const left = Math.max(0, x);
  const top = Math.max(0, y);
  const right = Math.min(picture.width, x + w);
  const bottom = Math.min(picture.height, y + h);
  if (!(right > left && bottom > top)) return null;
  // The line is centred on the box's edge: half of it lies outside the box.
  const half = Math.min(lineWidth / 2, picture.width / 2, picture.height / 2);
  const inX = (v: number) => Math.min(picture.width - half, Math.max(half, v));
  const inY = (v: number) => Math.min(picture.height - half, Math.max(half, v));
  const [x0, x1, y0, y1] = [inX(left), inX(right), inY(top), inY(bottom)];
  const cutOff = x < 0 || y < 0 || x + w > picture.width || y + h > picture.height;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0, cutOff };
}
