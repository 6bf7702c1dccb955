import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ForbiddenError, GoneError, NotFoundError, ValidationError } from "@/lib/errors";
import { describeMediaTombstone } from "@/lib/data-protection/media-tombstone";
import { ThumbnailKind, type Role } from "@/lib/generated/prisma/enums";
import { getBlob } from "@/lib/media/blob-store";
import { IMAGE_TYPES, VIDEO_TYPES, isImageMime, isVideoMime } from "@/lib/media/media-types";
import { parseRange } from "@/lib/media/parse-range";
import { THUMBNAIL_SPECS } from "@/lib/media/generate-thumbnails";
import { canViewThumbnail, isListThumbnail, LIST_THUMBNAIL_MAX_SIDE } from "@/lib/media/media-access";

// Responses for the media routes (app/api/media/**); the routes add authentication and roles.

export const mediaParamsSchema = z.object({ mediaId: z.uuid("Not a media id.") });

export const thumbnailParamsSchema = z.object({
  mediaId: z.uuid("Not a media id."),
  kind: z.enum(ThumbnailKind, `Expected one of: ${Object.values(ThumbnailKind).join(", ")}.`),
});

export const thumbnailQuerySchema = z.object({
  position: z.coerce
    .number("Expected a frame number.")
    .int("Expected a frame number.")
    .min(0)
    .max(THUMBNAIL_SPECS.filmstrip.frames - 1)
    .default(0),
});

// Faces are never kept by a browser's or a proxy's cache: each view goes through the role check
// (and, above a list thumbnail, the audit log) again.
const MEDIA_CACHE = "private, no-store";

export interface MediaViewer {
  actor: Actor;
  role: Role;
}

function extensionOf(mime: string) {
  if (isImageMime(mime)) return IMAGE_TYPES[mime];
  if (isVideoMime(mime)) return VIDEO_TYPES[mime];
  return "bin";
}

async function findMedia(mediaId: string) {
  const media = await db.media.findUnique({
    where: { id: mediaId },
    select: {
      id: true, verificationId: true, role: true, sha256: true, purgedAt: true, purgeKind: true, purgedBy: true,
      purgePolicy: { select: { name: true } }, blob: { select: { mime: true, size: true } },
    },
  });
  if (!media) throw new NotFoundError("No media with this id.");
  if (media.purgedAt || !media.sha256 || !media.blob) {
    throw new GoneError(`This media was ${describeMediaTombstone({ purgedAt: media.purgedAt ?? new Date(0), purgeKind: media.purgeKind, purgedBy: media.purgedBy, policyName: media.purgePolicy?.name ?? null })}; its bytes no longer exist.`);
  }
  return { ...media, sha256: media.sha256, blob: media.blob };
}

/**
 * The full-size original, with the sniffed Content-Type and single-range support (video seeking).
 * Every request that serves bytes is written to the audit log first: seeing a full-size face is
 * an audited act, and no bytes leave if the audit row cannot be written.
 */
export async function serveOriginalMedia(request: Request, mediaId: string, viewer: MediaViewer): Promise<Response> {
  const media = await findMedia(mediaId);
  const { mime, size } = media.blob;
  const headers = new Headers({
    "Content-Type": mime,
    "Cache-Control": MEDIA_CACHE,
    "X-Content-Type-Options": "nosniff",
    // A name we make up: the client's original filename is not fit for a header.
    "Content-Disposition": `inline; filename="${media.role}.${extensionOf(mime)}"`,
    "Accept-Ranges": "bytes",
    ETag: `"${media.sha256}"`,
  });

  const requested = parseRange(request.headers.get("range"), size);
  if (requested.kind === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    headers.delete("Content-Type");
    return new Response(null, { status: 416, headers });
  }
  const range = requested.kind === "range" ? requested.range : undefined;

  await recordAuditEvent(db, viewer.actor, {
    action: "media.viewed",
    targetType: "media",
    targetId: media.id,
    after: {
      verificationId: media.verificationId,
      role: media.role,
      kind: "original",
      viewerRole: viewer.role,
      ...(range ? { range: `${range.start}-${range.end}` } : {}),
    },
  });

  const content = await getBlob(media.sha256, { range });
  if (!content) throw new NotFoundError("The media's content is missing.");
  const body = content.body;
  if (range) {
    headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
    headers.set("Content-Length", String(range.end - range.start + 1));
    return new Response(body, { status: 206, headers });
  }
  headers.set("Content-Length", String(size));
  return new Response(body, { status: 200, headers });
}

/**
 * A stored thumbnail of the media's content; 404 while it is not generated yet. A kind larger than
 * a list thumbnail (preview, poster) is refused to roles that may not see faces, and audited
 * (media.viewed with its kind) before it is served to the others.
 */
export async function serveThumbnail(mediaId: string, kind: ThumbnailKind, position: number, viewer: MediaViewer): Promise<Response> {
  if (kind !== "filmstrip" && position !== 0) {
    throw new ValidationError("Only filmstrip frames have a position.", { position: [`A ${kind} has no position; leave it out.`] });
  }
  if (!canViewThumbnail(viewer.role, kind)) {
    throw new ForbiddenError(`Your role sees list thumbnails only (at most ${LIST_THUMBNAIL_MAX_SIDE} px); the ${kind} is for reviewers, operators and admins.`);
  }
  const media = await findMedia(mediaId);
  const thumbnail = await db.thumbnail.findUnique({
    where: { sha256_kind_position: { sha256: media.sha256, kind, position } },
    select: { mime: true, data: true, width: true, height: true },
  });
  if (!thumbnail) throw new NotFoundError(`The ${kind} thumbnail${kind === "filmstrip" ? ` ${position}` : ""} of this media is not generated yet.`);
  if (!isListThumbnail(kind)) {
    await recordAuditEvent(db, viewer.actor, {
      action: "media.viewed",
      targetType: "media",
      targetId: media.id,
      after: { verificationId: media.verificationId, role: media.role, kind, width: thumbnail.width, height: thumbnail.height, viewerRole: viewer.role },
    });
  }
  return new Response(thumbnail.data, {
    status: 200,
    headers: {
      "Content-Type": thumbnail.mime,
      "Content-Length": String(thumbnail.data.length),
      "Cache-Control": MEDIA_CACHE,
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
      ETag: `"${media.sha256}-${kind}-${position}"`,
    },
  });
}
