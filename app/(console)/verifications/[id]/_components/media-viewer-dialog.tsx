"use client";

import { Minus, Plus, RotateCcw, X } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export interface ViewerMedia {
  id: string;
  label: string;
  kind: "image" | "video";
}

const MIN_ZOOM = 1;
const MAX_ZOOM = 8;
const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

// Full-size media in a modal dialog. Images zoom (wheel, buttons, +/−) and pan (drag, arrow keys).
// The bytes come from /api/media/<id>, which checks the role and records the view in the audit log.
export function MediaViewerDialog({ media, onClose }: { media: ViewerMedia | null; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; startX: number; startY: number } | null>(null);

  const reset = useCallback(() => {
    setZoom(1);
    setOffset({ x: 0, y: 0 });
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (media && !dialog.open) {
      reset();
      dialog.showModal();
    } else if (!media && dialog.open) dialog.close();
  }, [media, reset]);

  // React's onWheel is passive; zooming must stop the page from scrolling.
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || media?.kind !== "image") return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      setZoom((z) => {
        const next = clampZoom(z * (e.deltaY < 0 ? 1.2 : 1 / 1.2));
        if (next === 1) setOffset({ x: 0, y: 0 });
        return next;
      });
    };
    stage.addEventListener("wheel", onWheel, { passive: false });
    return () => stage.removeEventListener("wheel", onWheel);
  }, [media]);

  function zoomBy(factor: number) {
    setZoom((z) => {
      const next = clampZoom(z * factor);
      if (next === 1) setOffset({ x: 0, y: 0 });
      return next;
    });
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (media?.kind !== "image") return;
    const step = 40;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (e.key === "+" || e.key === "=") zoomBy(1.2);
    else if (e.key === "-") zoomBy(1 / 1.2);
    else if (e.key === "0") reset();
    else if (moves[e.key] && zoom > 1) {
      const [dx, dy] = moves[e.key]!;
      setOffset((o) => ({ x: o.x + dx, y: o.y + dy }));
    } else return;
    e.preventDefault();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-label={media ? `${media.label}, full size` : "Media"}
      onClose={onClose}
      onKeyDown={onKeyDown}
      className="m-auto h-[90vh] w-[90vw] max-w-none rounded-lg bg-white p-0 text-zinc-900 backdrop:bg-black/70 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {media ? (
        <div className="flex h-full flex-col">
          <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
            <h2 className="mr-auto text-sm font-medium">{media.label}</h2>
            {media.kind === "image" ? (
              <>
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
              </>
            ) : null}
            <a href={`/api/media/${media.id}`} target="_blank" rel="noreferrer" className="px-2 text-sm underline">
              Open original
            </a>
            <Button size="sm" variant="ghost" onClick={() => dialogRef.current?.close()} aria-label="Close">
              <X className="size-4" aria-hidden />
            </Button>
          </div>
          <div
            ref={stageRef}
            className="relative flex min-h-0 flex-1 items-center justify-center overflow-hidden bg-zinc-950"
            style={{ cursor: media.kind === "image" && zoom > 1 ? (drag.current ? "grabbing" : "grab") : "default", touchAction: "none" }}
            onPointerDown={(e) => {
              if (media.kind !== "image" || zoom <= 1) return;
              e.currentTarget.setPointerCapture(e.pointerId);
              drag.current = { x: offset.x, y: offset.y, startX: e.clientX, startY: e.clientY };
            }}
            onPointerMove={(e) => {
              const d = drag.current;
              if (!d) return;
              setOffset({ x: d.x + e.clientX - d.startX, y: d.y + e.clientY - d.startY });
            }}
            onPointerUp={() => {
              drag.current = null;
            }}
          >
            {media.kind === "image" ? (
              <img
                src={`/api/media/${media.id}`}
                alt={media.label}
                draggable={false}
                className="max-h-full max-w-full select-none object-contain"
                style={{ transform: `translate(${offset.x}px, ${offset.y}px) scale(${zoom})`, transformOrigin: "center" }}
              />
            ) : (
              <video src={`/api/media/${media.id}`} controls autoPlay className="max-h-full max-w-full" aria-label={media.label} />
            )}
          </div>
          {media.kind === "image" ? (
            <p className="px-3 py-1.5 text-xs text-zinc-500">Wheel or +/− to zoom, drag or arrow keys to pan, 0 to reset, Esc to close.</p>
          ) : null}
        </div>
      ) : null}
    </dialog>
  );
}
