import { fileTypeFromBuffer } from "file-type";
import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError, BusyError, ForbiddenError, ValidationError } from "@/lib/errors";
import { analyseImage, type Box } from "@/lib/face-engine/analyse-image";
import { isFaceEngineEnabled } from "@/lib/face-engine/face-engine-enabled";
import { runAuditedSearch, type SimilarFace } from "@/lib/face-search/find-similar-faces";
import type { Role } from "@/lib/generated/prisma/enums";
import { createConcurrencyGate } from "@/lib/http/concurrency-gate";
import { readMultipartBody } from "@/lib/http/request-body";
import { sha256Hex } from "@/lib/media/hash-bytes";
import { inspectImage } from "@/lib/media/inspect-image";
import { FACE_VIEWER_ROLES } from "@/lib/media/media-access";
import { getMediaEnv } from "@/lib/media/media-env";

// 1:N face search from an uploaded picture (POST /api/face-search, the "Search by face" page). The
// picture is of someone who may not be in Verdict at all: it is read into memory, checked, read by
// the engine and dropped. Nothing of it is stored — no blob, no row — except the audit event, which
// holds its SHA-256, never its bytes.

const PICTURE_FIELD = "picture";
const FACE_FIELD = "face";

export interface UploadedPictureSearch {
  picture: { width: number; height: number; sha256: string };
  /** The faces the engine found, largest first (boxes in the picture's pixels). */
  faces: Array<{ box: Box; score: number }>;
  /** Which of `faces` was searched with; null when the engine found none. */
  searchedFace: number | null;
  results: SimilarFace[];
}

export interface PictureSearcher {
  role: Role;
  actor: Actor;
}

/** The engine runs in the app's process here, one picture at a time (as its worker queue does); more get 503. */
const MAX_SEARCHES_AT_ONCE = 1;
const gate = createConcurrencyGate(MAX_SEARCHES_AT_ONCE);

const faceChoiceSchema = z.coerce.number("Choose a face by its number.").int("Choose a face by its number.").min(0, "Choose a face by its number.");

function pictureError(message: string): ValidationError {
  return new ValidationError(`${PICTURE_FIELD}: ${message}`, { [PICTURE_FIELD]: [message] });
}

/** A JPEG or PNG that decodes in full, within the media size and pixel limits; 400 naming the field otherwise. */
async function checkPicture(bytes: Buffer): Promise<{ width: number; height: number }> {
  if (bytes.length === 0) throw pictureError("the file is empty; choose a JPEG or PNG picture.");
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime !== "image/jpeg" && type?.mime !== "image/png") {
    throw pictureError(`the content is ${type?.mime ?? "not a recognised file type"}; choose a JPEG or PNG picture.`);
  }
  try {
    return await inspectImage(bytes);
  } catch (error) {
    throw pictureError(`the ${type.ext.toUpperCase()} picture could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
}

async function readPictureForm(req: Request): Promise<{ bytes: Buffer; face: number | null }> {
  const maxFileBytes = getMediaEnv().MEDIA_MAX_BYTES;
  // Nothing goes to disk: the picture is held in memory only, for as long as the search takes.
  const form = await readMultipartBody(req, { maxRequestBytes: maxFileBytes + 64 * 1024, maxFileBytes, maxFiles: 1, maxFieldBytes: 64, maxFields: 4 });
  const file = form.files.find((f) => f.field === PICTURE_FIELD);
  if (!file?.bytes) throw pictureError("choose a JPEG or PNG picture to search with.");
  const faceText = form.fields.get(FACE_FIELD)?.[0];
  if (faceText === undefined || faceText === "") return { bytes: file.bytes, face: null };
  const face = faceChoiceSchema.safeParse(faceText);
  if (!face.success) throw new ValidationError(`${FACE_FIELD}: ${face.error.issues[0].message}`, { [FACE_FIELD]: [face.error.issues[0].message] });
  return { bytes: file.bytes, face: face.data };
}

/**
 * The body of POST /api/face-search (multipart): `picture` (JPEG or PNG) and, optionally, `face`
 * (which of the faces found to search with, 0 = the largest, the default). Checks the role, that
 * the engine is on, the body's limits and the picture; answers with the faces found and the 10
 * most similar indexed faces. Every search is audited, one that found no face too.
 */
export async function searchFacesFromUpload(req: Request, searcher: PictureSearcher): Promise<UploadedPictureSearch> {
  if (!FACE_VIEWER_ROLES.includes(searcher.role)) throw new ForbiddenError("Your role may not search by face.");
  if (!(await isFaceEngineEnabled())) throw new AppError("Verdict's face engine is switched off (Admin → Vendors), so an uploaded picture cannot be read; search from a verification's face instead.", 422);
  const release = gate.tryEnter();
  if (!release) throw new BusyError("Another face search is running; try again in a moment.", 2);
  try {
    const { bytes, face } = await readPictureForm(req);
    const size = await checkPicture(bytes);
    return await searchPicture(searcher.actor, bytes, size, face);
  } finally {
    release();
  }
}

async function searchPicture(actor: Actor, bytes: Buffer, size: { width: number; height: number }, choice: number | null): Promise<UploadedPictureSearch> {
  const sha256 = sha256Hex(bytes);
  const reading = await analyseImage(bytes);
  const faces = reading.faces.map((f) => ({ box: f.box, score: f.score }));
  const picture = { width: size.width, height: size.height, sha256 };
  if (choice !== null && choice >= reading.faces.length) {
    const message = reading.faces.length === 0 ? "No face was found in this picture to choose from." : `Choose a face from 0 to ${reading.faces.length - 1}.`;
    throw new ValidationError(`${FACE_FIELD}: ${message}`, { [FACE_FIELD]: [message] });
  }
  const searched = reading.faces[choice ?? 0];
  const detail = { from: "uploaded_picture", sha256, faces: faces.length };
  if (!searched) {
    // Nothing to search with; the attempt is still a biometric lookup, so it is recorded.
    await recordAuditEvent(db, actor, { action: "face.searched", targetType: "face_search", after: { ...detail, face: null, results: 0, best: null } });
    return { picture, faces, searchedFace: null, results: [] };
  }
  const label = faces.length > 1 ? `uploaded picture · face ${(choice ?? 0) + 1} of ${faces.length}` : "uploaded picture";
  const { results } = await runAuditedSearch(actor, searched.embedding, { faceId: null, mediaId: null, verificationId: null, label }, { ...detail, face: choice ?? 0 });
  return { picture, faces, searchedFace: choice ?? 0, results };
}
