import { describe, expect, it } from "vitest";
import { boxOnPicture } from "@/lib/face-engine/box-on-picture";

// The face box drawn over a picture: inside it, whole line included, even when the engine's box
// runs past the edge (the engine pads the picture, so a tightly cropped face gets such a box).

const picture = { width: 132, height: 132 };

describe("boxOnPicture", () => {
  it("leaves a box well inside the picture as it is", () => {
    expect(boxOnPicture([20, 30, 60, 70], picture, 2)).toEqual({ x: 20, y: 30, width: 60, height: 70, cutOff: false });
  });

  it("pulls a box running past every edge (the engine's box of a tight crop) in to the picture, the whole line on it", () => {
    const drawn = boxOnPicture([-16, -16, 159, 162], picture, 2);
    expect(drawn).toEqual({ x: 1, y: 1, width: 130, height: 130, cutOff: true });
    // The line is centred on the edge: its outer side lands exactly on the picture's edge.
    expect(drawn!.x - 1).toBe(0);
    expect(drawn!.x + drawn!.width + 1).toBe(picture.width);
  });

  it("moves only the sides that ran past the edge", () => {
    // A face cut off at the bottom of a tall picture.
    expect(boxOnPicture([40, 100, 80, 90], { width: 160, height: 150 }, 4)).toEqual({ x: 40, y: 100, width: 80, height: 48, cutOff: true });
    // Past the left edge only.
    expect(boxOnPicture([-10, 20, 50, 50], { width: 160, height: 150 }, 2)).toEqual({ x: 1, y: 20, width: 39, height: 50, cutOff: true });
  });

  it("keeps a box that touches the edge inside by half the line, without calling it cut off", () => {
    expect(boxOnPicture([0, 0, 132, 132], picture, 2)).toEqual({ x: 1, y: 1, width: 130, height: 130, cutOff: false });
  });

  it("draws nothing for a box wholly off the picture, or an empty or unreadable one", () => {
    expect(boxOnPicture([140, 10, 30, 30], picture, 2)).toBeNull();
    expect(boxOnPicture([10, -50, 30, 40], picture, 2)).toBeNull();
    expect(boxOnPicture([10, 10, 0, 30], picture, 2)).toBeNull();
    expect(boxOnPicture([Number.NaN, 10, 30, 30], picture, 2)).toBeNull();
  });

  it("stays on a picture narrower than the line", () => {
    const drawn = boxOnPicture([-5, -5, 20, 20], { width: 3, height: 3 }, 8);
    expect(drawn).toEqual({ x: 1.5, y: 1.5, width: 0, height: 0, cutOff: true });
  });
});
