"use client";

import { useState } from "react";
import { EngineFaceOverlay, type EngineFaces } from "@/components/media/engine-faces";
import { MediaThumbnail, thumbnailUrl } from "@/components/media/media-thumbnail";
import { useZoomPan } from "@/components/media/use-zoom-pan";
import { ZoomControls } from "@/components/media/zoom-controls";

export interface ComparePane {
  mediaId: string;
  label: string;
  kind: "image" | "video";
  /** Filmstrip frame positions already generated (videos). */
  filmstrip?: number[];
  /** Faces Verdict's engine found in this picture, drawn as boxes (images). */
  faces?: EngineFaces;
}

// Faces side by side at the same size, zoomed and panned together so the same region of each face
// is in view (wheel or +/− to zoom, drag or arrow keys to pan, 0 to reset). Full-size bytes come from
// the audited media route for roles that may see them; other roles get the small list thumbnail.
const MIN_PANE = 140;

export function FaceCompare({ panes, canViewFull, size = 320 }: { panes: ComparePane[]; canViewFull: boolean; size?: number }) {
  const view = useZoomPan({ panStep: 30 });
  const [frame, setFrame] = useState<Record<string, number | null>>({});

  if (panes.length === 0) return <p className="text-sm text-zinc-500">No media stored for this verification.</p>;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2 text-sm">
        <ZoomControls view={view} />
        <span className="text-xs text-zinc-500">Focus the faces, then +/− to zoom, arrows to pan, 0 to reset. All faces move together.</span>
      </div>
      <div
        role="group"
        aria-label="Faces side by side (zoom and pan together)"
        tabIndex={0}
        onKeyDown={(e) => {
          // Handled here so a page-wide shortcut on the same key does not fire as well.
          if (view.handleKey(e)) e.stopPropagation();
        }}
        className="flex flex-wrap gap-3 rounded focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-sky-600"
      >
        {panes.map((pane) => {
          const selectedFrame = frame[pane.mediaId] ?? null;
          return (
            // Each pane shares the row (flex 1 1 0) up to `size`, never below MIN_PANE: two faces stay on
            // one row in the narrower main column of a 1280 px window instead of wrapping.
            <figure key={pane.mediaId} className="flex min-w-0 flex-col gap-1" style={{ flex: "1 1 0", maxWidth: size, minWidth: Math.min(size, MIN_PANE) }} data-testid="compare-pane">
              <div ref={view.wheelRef} className="relative aspect-square w-full overflow-hidden rounded bg-zinc-950" {...view.stageProps(pane.kind !== "video")}>
                {pane.kind === "image" || selectedFrame !== null ? (
                  <img
                    src={pane.kind === "video" ? thumbnailUrl(pane.mediaId, "filmstrip", selectedFrame ?? 0) : canViewFull ? `/api/media/${pane.mediaId}` : thumbnailUrl(pane.mediaId, "thumb")}
                    alt={pane.kind === "video" ? `${pane.label}, frame ${(selectedFrame ?? 0) + 1}` : pane.label}
                    draggable={false}
                    className="size-full select-none object-contain"
                    style={view.imageStyle}
                  />
                ) : canViewFull ? (
                  <video src={`/api/media/${pane.mediaId}`} poster={thumbnailUrl(pane.mediaId, "poster")} controls preload="none" className="size-full object-contain" aria-label={pane.label} />
                ) : (
                  <MediaThumbnail mediaId={pane.mediaId} kind="filmstrip" alt={pane.label} size={size} className="size-full" />
                )}
                {pane.kind === "image" && pane.faces ? <EngineFaceOverlay faces={pane.faces} style={view.imageStyle} /> : null}
              </div>
              <figcaption className="text-xs font-medium">{pane.label}</figcaption>
              {pane.kind === "video" && pane.filmstrip?.length ? (
                <div role="group" aria-label={`Filmstrip of ${pane.label}`} className="flex flex-wrap gap-1">
                  <button
                    type="button"
                    onClick={() => setFrame((f) => ({ ...f, [pane.mediaId]: null }))}
                    aria-pressed={selectedFrame === null}
                    className="rounded border border-zinc-300 px-1.5 text-xs aria-pressed:bg-sky-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-zinc-700 dark:aria-pressed:bg-sky-900"
                  >
                    Video
                  </button>
                  {pane.filmstrip.map((position) => (
                    <button
                      key={position}
                      type="button"
                      onClick={() => setFrame((f) => ({ ...f, [pane.mediaId]: position }))}
                      aria-pressed={selectedFrame === position}
                      aria-label={`Compare frame ${position + 1}`}
                      className="rounded aria-pressed:outline-2 aria-pressed:outline-sky-600 focus-visible:outline-2 focus-visible:outline-sky-600"
                    >
                      <MediaThumbnail mediaId={pane.mediaId} kind="filmstrip" position={position} alt={`Frame ${position + 1}`} size={40} />
                    </button>
                  ))}
                </div>
              ) : null}
            </figure>
          );
        })}
      </div>
    </div>
  );
}
