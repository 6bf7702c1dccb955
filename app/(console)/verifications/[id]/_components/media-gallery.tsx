"use client";

import { Maximize2 } from "lucide-react";
import { useState } from "react";
import { EngineFaceOverlay, type EngineFaces } from "@/components/media/engine-faces";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import { formatBytes, formatDuration, ROLE_LABELS } from "@/lib/verifications/verification-labels";
import type { MediaRole, ThumbnailKind } from "@/lib/generated/prisma/enums";
import { MediaViewerDialog, type ViewerMedia } from "./media-viewer-dialog";

export interface GalleryMedia {
  id: string;
  role: MediaRole;
  kind: "image" | "video";
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  fps: number | null;
  originalFilename: string | null;
  thumbnails: { kind: ThumbnailKind; position: number }[];
  purged: { description: string } | null;
}

const has = (m: GalleryMedia, kind: ThumbnailKind, position = 0) => m.thumbnails.some((t) => t.kind === kind && t.position === position);

function describe(m: GalleryMedia): string {
  const parts = [m.mime, formatBytes(m.size)];
  if (m.width && m.height) parts.push(`${m.width}×${m.height}`);
  if (m.durationMs) parts.push(formatDuration(m.durationMs));
  if (m.fps) parts.push(`${m.fps.toFixed(m.fps % 1 ? 2 : 0)} fps`);
  return parts.join(" · ");
}

// A thumbnail not generated yet is asked for again while its job may still be coming (`live`).
const RETRY_MS = 3000;

// What is left of purged media: the role, the facts, and when and why the bytes went.
function Tombstone({ media }: { media: GalleryMedia }) {
  const size = media.kind === "video" ? 320 : 220;
  return (
    <figure className="flex min-w-0 flex-col gap-1.5" style={{ width: size }} data-testid={`media-${media.role}`}>
      <div
        className="flex aspect-[4/3] items-center justify-center rounded border border-dashed border-zinc-400 bg-zinc-100 p-3 text-center text-xs text-zinc-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-400"
        data-testid="media-tombstone"
      >
        Media {media.purged?.description}
      </div>
      <figcaption className="text-xs">
        <span className="font-medium">{ROLE_LABELS[media.role]}</span>
        <span className="block truncate text-zinc-500">{describe(media)}</span>
      </figcaption>
    </figure>
  );
}

function Tile({ media, canViewFull, live, onOpen, faces }: { media: GalleryMedia; canViewFull: boolean; live: boolean; onOpen: (m: ViewerMedia) => void; faces?: EngineFaces }) {
  if (media.purged) return <Tombstone media={media} />;
  const label = ROLE_LABELS[media.role];
  const isVideo = media.kind === "video";
  // Roles that may not see faces get list thumbnails only: the small thumb, or a video's first filmstrip frame.
  const kind = !canViewFull ? (isVideo ? "filmstrip" : "thumb") : isVideo ? "poster" : has(media, "preview") || !has(media, "thumb") ? "preview" : "thumb";
  const size = isVideo ? 320 : 220;
  const retry = live && !has(media, kind) ? RETRY_MS : undefined;
  const thumbnail = <MediaThumbnail mediaId={media.id} kind={kind} alt={label} size={size} retryEveryMs={retry} />;
  const picture =
    faces && !isVideo ? (
      <span className="relative block" style={{ width: size, height: size }}>
        {thumbnail}
        <EngineFaceOverlay faces={faces} />
      </span>
    ) : (
      thumbnail
    );
  return (
    <figure className="flex min-w-0 flex-col gap-1.5" style={{ width: size }} data-testid={`media-${media.role}`}>
      {canViewFull ? (
        <button
          type="button"
          onClick={() => onOpen({ id: media.id, label, kind: media.kind })}
          className="group relative block w-fit rounded focus-visible:outline-2 focus-visible:outline-sky-600"
          aria-label={`View full size: ${label}`}
        >
          {picture}
          <Maximize2 className="absolute right-2 top-2 size-4 text-white opacity-0 drop-shadow group-hover:opacity-100 group-focus-visible:opacity-100" aria-hidden />
        </button>
      ) : (
        picture
      )}
      <figcaption className="text-xs">
        <span className="font-medium">{label}</span>
        <span className="block truncate text-zinc-500" title={media.originalFilename ?? undefined}>
          {describe(media)}
        </span>
      </figcaption>
      {isVideo ? <Filmstrip media={media} /> : null}
    </figure>
  );
}

function Filmstrip({ media }: { media: GalleryMedia }) {
  const frames = media.thumbnails.filter((t) => t.kind === "filmstrip").map((t) => t.position);
  if (frames.length === 0) return <p className="text-xs text-zinc-500">Filmstrip not ready yet.</p>;
  return (
    <ol aria-label="Filmstrip" className="flex w-max max-w-[90vw] gap-1 overflow-x-auto">
      {frames.map((position) => (
        <li key={position} className="shrink-0">
          <MediaThumbnail mediaId={media.id} kind="filmstrip" position={position} alt={`Frame ${position + 1}`} size={72} />
        </li>
      ))}
    </ol>
  );
}

// The verification's media: the three angles side by side, the video with its filmstrip. Only roles
// allowed to see faces in full get the buttons; the media route enforces the same rule.
export function MediaGallery({ media, canViewFull, live, faces = {} }: { media: GalleryMedia[]; canViewFull: boolean; live: boolean; faces?: Record<string, EngineFaces> }) {
  const [open, setOpen] = useState<ViewerMedia | null>(null);
  if (media.length === 0) return <p className="text-sm text-zinc-500">No media stored for this verification.</p>;
  const angles = media.filter((m) => m.role.startsWith("portrait_"));
  const others = media.filter((m) => !m.role.startsWith("portrait_"));
  return (
    <>
      {angles.length ? (
        <div className="flex flex-wrap gap-4" role="group" aria-label="Three angles">
          {angles.map((m) => (
            <Tile key={m.id} media={m} canViewFull={canViewFull} live={live} onOpen={setOpen} faces={faces[m.id]} />
          ))}
        </div>
      ) : null}
      {others.length ? (
        <div className="flex flex-wrap items-start gap-4">
          {others.map((m) => (
            <Tile key={m.id} media={m} canViewFull={canViewFull} live={live} onOpen={setOpen} faces={faces[m.id]} />
          ))}
        </div>
      ) : null}
      {!canViewFull ? <p className="mt-2 text-xs text-zinc-500">Your role sees small thumbnails only; previews and full-size media are shown to reviewers, operators and admins.</p> : null}
      {canViewFull ? <MediaViewerDialog media={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
