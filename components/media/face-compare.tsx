"use client";

import { Minus, Plus, RotateCcw } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { MediaThumbnail, thumbnailUrl } from "@/components/media/media-thumbnail";
import { Button } from "@/components/ui/button";

export interface ComparePane {
  mediaId: string;
  label: string;
  kind: "image" | "video";
  /** Filmstrip frame positions already generated (videos). */
  filmstrip?: number[];
}

const MIN_ZOOM = 1;
const MAX_ZOOM = 8;
const clamp = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

// Faces side by side at the same size, zoomed and panned together so the same region of each face
// is in view (wheel or +/− to zoom, drag or arrow keys to pan, 0 to reset). Full-size bytes come from
// the audited media route for roles that may see them, else the preview thumbnail.
export function FaceCompare({ panes, canViewFull, size = 320 }: { panes: ComparePane[]; canViewFull: boolean; size?: number }) {
  const [zoom, setZoom] = useState(1);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const [frame, setFrame] = useState<Record<string, number | null>>({});
  const drag = useRef<{ x: number; y: number; startX: number; startY: number } | null>(null);
  const regionRef = useRef<HTMLDivElement>(null);

  const zoomBy = (factor: number) =>
    setZoom((z) => {
      const next = clamp(z * factor);
      if (next === 1) setOffset({ x: 0, y: 0 });
      return next;
    });
  const reset = () => {
    setZoom(1);
    setOffset({ x: 0, y: 0 });
  };

  // React's onWheel is passive; zooming must keep the page from scrolling.
  useEffect(() => {
    const region = regionRef.current;
    if (!region) return;
    const onWheel = (e: WheelEvent) => {
      if (!(e.target as HTMLElement).closest("[data-zoom-stage]")) return;
      e.preventDefault();
      zoomBy(e.deltaY < 0 ? 1.2 : 1 / 1.2);
    };
    region.addEventListener("wheel", onWheel, { passive: false });
    return () => region.removeEventListener("wheel", onWheel);
  }, []);

  function onKeyDown(e: React.KeyboardEvent) {
    const step = 30;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (e.key === "+" || e.key === "=") zoomBy(1.2);
    else if (e.key === "-") zoomBy(1 / 1.2);
    else if (e.key === "0") reset();
    else if (moves[e.key] && zoom > 1) {
      const [dx, dy] = moves[e.key]!;
      setOffset((o) => ({ x: o.x + dx, y: o.y + dy }));
    } else return;
    e.preventDefault();
    e.stopPropagation();
  }

  if (panes.length === 0) return <p className="text-sm text-zinc-500">No media stored for this verification.</p>;
  const transform = { transform: `translate(${offset.x}px, ${offset.y}px) scale(${zoom})`, transformOrigin: "center" };
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2 text-sm">
        <Button size="sm" variant="secondary" onClick={() => zoomBy(1 / 1.2)} aria-label="Zoom out" disabled={zoom <= MIN_ZOOM}>
          <Minus className="size-4" aria-hidden />
        </Button>
        <span className="w-12 text-center text-xs tabular-nums" aria-live="polite">
          {Math.round(zoom * 100)}%
        </span>
        <Button size="sm" variant="secondary" onClick={() => zoomBy(1.2)} aria-label="Zoom in" disabled={zoom >= MAX_ZOOM}>
          <Plus className="size-4" aria-hidden />
        </Button>
        <Button size="sm" variant="secondary" onClick={reset} aria-label="Reset zoom">
          <RotateCcw className="size-4" aria-hidden />
        </Button>
        <span className="text-xs text-zinc-500">Focus the faces, then +/− to zoom, arrows to pan, 0 to reset. All faces move together.</span>
      </div>
      <div
        ref={regionRef}
        role="group"
        aria-label="Faces side by side (zoom and pan together)"
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="flex flex-wrap gap-3 rounded focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-sky-600"
      >
        {panes.map((pane) => {
          const selectedFrame = frame[pane.mediaId] ?? null;
          return (
            <figure key={pane.mediaId} className="flex flex-col gap-1" style={{ width: size }} data-testid="compare-pane">
              <div
                data-zoom-stage
                className="relative overflow-hidden rounded bg-zinc-950"
                style={{ width: size, height: size, cursor: zoom > 1 ? "grab" : "default", touchAction: "none" }}
                onPointerDown={(e) => {
                  if (zoom <= 1 || pane.kind === "video") return;
                  e.currentTarget.setPointerCapture(e.pointerId);
                  drag.current = { x: offset.x, y: offset.y, startX: e.clientX, startY: e.clientY };
                }}
                onPointerMove={(e) => {
                  const d = drag.current;
                  if (d) setOffset({ x: d.x + e.clientX - d.startX, y: d.y + e.clientY - d.startY });
                }}
                onPointerUp={() => {
                  drag.current = null;
                }}
              >
                {pane.kind === "image" || selectedFrame !== null ? (
                  <img
                    src={pane.kind === "video" ? thumbnailUrl(pane.mediaId, "filmstrip", selectedFrame ?? 0) : canViewFull ? `/api/media/${pane.mediaId}` : thumbnailUrl(pane.mediaId, "preview")}
                    alt={pane.kind === "video" ? `${pane.label}, frame ${(selectedFrame ?? 0) + 1}` : pane.label}
                    draggable={false}
                    className="size-full select-none object-contain"
                    style={transform}
                  />
                ) : canViewFull ? (
                  <video src={`/api/media/${pane.mediaId}`} poster={thumbnailUrl(pane.mediaId, "poster")} controls preload="none" className="size-full object-contain" aria-label={pane.label} />
                ) : (
                  <MediaThumbnail mediaId={pane.mediaId} kind="poster" alt={pane.label} size={size} />
                )}
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
