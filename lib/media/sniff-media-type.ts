import { fileTypeFromBuffer } from "file-type";
import { ValidationError } from "@/lib/errors";
import type { MediaRole } from "@/lib/generated/prisma/enums";
import {
  IMAGE_TYPES,
  VIDEO_TYPES,
  describeAllowed,
  isImageMime,
  isVideoMime,
  kindOfRole,
  type SniffedType,
} from "@/lib/media/media-types";

/**
 * The real type of a file, read from its bytes (magic numbers), never from its name or the mime
 * type a client claimed. Throws a ValidationError keyed by the role when the bytes are not an
 * accepted image or video, or not the kind that role carries (a video sent as a portrait).
 */
export async function sniffMediaType(bytes: Uint8Array, role?: MediaRole): Promise<SniffedType> {
  const label = role ?? "file";
  const expected = role ? kindOfRole(role) : "any";
  function fail(detail: string): never {
    const message = `${label}: ${detail}; expected ${describeAllowed(expected)}.`;
    throw new ValidationError(message, { [label]: [message] });
  }

  if (bytes.length === 0) fail("the file is empty");
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) fail("the file type could not be recognised from its content");
  const { mime } = detected;

  let sniffed: SniffedType | undefined;
  if (isImageMime(mime)) sniffed = { kind: "image", mime, ext: IMAGE_TYPES[mime] };
  else if (isVideoMime(mime)) sniffed = { kind: "video", mime, ext: VIDEO_TYPES[mime] };
  if (!sniffed) fail(`the content is ${mime}, which is not accepted`);
  if (expected !== "any" && sniffed.kind !== expected) fail(`the content is ${mime}, not ${expected === "image" ? "an image" : "a video"}`);
  return sniffed;
}
