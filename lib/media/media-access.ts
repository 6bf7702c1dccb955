import type { Role, ThumbnailKind } from "@/lib/generated/prisma/enums";
import { THUMBNAIL_SPECS } from "@/lib/media/generate-thumbnails";

/*
 * Who may see which picture of a face. A list thumbnail (at most LIST_THUMBNAIL_MAX_SIDE px: the
 * 128 px `thumb`, the 160 px filmstrip frames) is for every signed-in role and is not audited. Any
 * larger picture — the ≤ 1024 px `preview`, the ≤ 640 px video `poster`, the original — is for
 * FACE_VIEWER_ROLES only, and every view of one is written to the audit log before it is served.
 */
export const LIST_THUMBNAIL_MAX_SIDE = 256;

export const FACE_VIEWER_ROLES: readonly Role[] = ["admin", "reviewer", "operator"];

const LONGEST_SIDE: Record<ThumbnailKind, number> = {
  thumb: THUMBNAIL_SPECS.thumb.size,
  filmstrip: THUMBNAIL_SPECS.filmstrip.maxSide,
  poster: THUMBNAIL_SPECS.poster.maxSide,
  preview: THUMBNAIL_SPECS.preview.maxSide,
};

/** A thumbnail kind no larger than a list thumbnail: anyone signed in, unaudited. */
export function isListThumbnail(kind: ThumbnailKind): boolean {
  return LONGEST_SIDE[kind] <= LIST_THUMBNAIL_MAX_SIDE;
}

export function canViewFaces(role: Role): boolean {
  return FACE_VIEWER_ROLES.includes(role);
}

export function canViewThumbnail(role: Role, kind: ThumbnailKind): boolean {
  return isListThumbnail(kind) || canViewFaces(role);
}
