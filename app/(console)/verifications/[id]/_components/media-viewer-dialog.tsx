"use client";

import { X } from "lucide-react";
import { useEffect, useRef } from "react";
import { useZoomPan } from "@/components/media/use-zoom-pan";
import { ZoomControls } from "@/components/media/zoom-controls";
import { Button } from "@/components/ui/button";

export interface ViewerMedia {
  id: string;
  label: string;
  kind: "image" | "video";
}

// Full-size media in a modal dialog. Images zoom (wheel, buttons, +/−) and pan (drag, arrow keys).
// The bytes come from /api/media/<id>, which checks the role and records the view in the audit log.
export function MediaViewerDialog({ media, onClose }: { media: ViewerMedia | null; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const view = useZoomPan({ panStep: 40 });
  const { reset } = view;
  const isImage = media?.kind === "image";

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (media && !dialog.open) {
      reset();
      dialog.showModal();
    } else if (!media && dialog.open) dialog.close();
  }, [media, reset]);

  return (
    <dialog
      ref={dialogRef}
      aria-label={media ? `${media.label}, full size` : "Media"}
      onClose={onClose}
      onKeyDown={(e) => {
        if (isImage) view.handleKey(e);
      }}
      className="m-auto h-[90vh] w-[90vw] max-w-none rounded-lg bg-white p-0 text-zinc-900 backdrop:bg-black/70 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {media ? (
        <div className="flex h-full flex-col">
          <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
            <h2 className="mr-auto text-sm font-medium">{media.label}</h2>
            {isImage ? <ZoomControls view={view} /> : null}
            <a href={`/api/media/${media.id}`} target="_blank" rel="noreferrer" className="px-2 text-sm underline">
              Open original
            </a>
            <Button size="sm" variant="ghost" onClick={() => dialogRef.current?.close()} aria-label="Close">
              <X className="size-4" aria-hidden />
            </Button>
          </div>
          <div
            ref={isImage ? view.wheelRef : undefined}
            className="relative flex min-h-0 flex-1 items-center justify-center overflow-hidden bg-zinc-950"
            {...view.stageProps(isImage)}
          >
            {media.kind === "image" ? (
              <img
                src={`/api/media/${media.id}`}
                alt={media.label}
                draggable={false}
                className="max-h-full max-w-full select-none object-contain"
                style={view.imageStyle}
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
