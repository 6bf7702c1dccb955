import { describe, expect, it } from "vitest";
import { ROLE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { describeDifferentMedia, mediaSentTo } from "@/lib/compare/media-per-vendor";
import type { MediaRole } from "@/lib/vendors/types";

const media: { id: string; role: MediaRole }[] = [
  { id: "m-video", role: "video" },
  { id: "m-image2", role: "image2" },
  { id: "m-id", role: "id_image" },
  { id: "m-image1", role: "image1" },
];
const names = { vendor: VENDOR_SHORT_NAMES, role: ROLE_LABELS };

describe("the media each vendor received", () => {
  it("CVS face matching gets image1 and image2, FPT the video and the ID image: said plainly", () => {
    const cvs = mediaSentTo("cvs", "face_match", media);
    const fpt = mediaSentTo("fpt", "face_match", media);
    expect(cvs.map((m) => m.role)).toEqual(["image1", "image2"]);
    expect(fpt.map((m) => m.role)).toEqual(["video", "id_image"]);
    expect(describeDifferentMedia([{ vendor: "cvs", media: cvs }, { vendor: "fpt", media: fpt }], names)).toBe(
      "These runs compared different files: CVS got Image 1 and Image 2; FPT got Video and ID image. Their answers are not about the same media.",
    );
  });

  it("two vendors given the same selfie: nothing to say", () => {
    const selfie = [{ id: "s", role: "selfie" as const }];
    const columns = (["kairos", "biometric_kz"] as const).map((vendor) => ({ vendor, media: mediaSentTo(vendor, "liveness_selfie", selfie) }));
    expect(columns.every((c) => c.media.length === 1)).toBe(true);
    expect(describeDifferentMedia(columns, names)).toBeNull();
  });
});
