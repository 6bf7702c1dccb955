"use client";

import { Minus, Plus, RotateCcw } from "lucide-react";
import { MAX_ZOOM, MIN_ZOOM, type ZoomPan } from "@/components/media/use-zoom-pan";
import { Button } from "@/components/ui/button";

// Zoom out, the zoom level (announced), zoom in and reset, for a useZoomPan view.
export function ZoomControls({ view }: { view: Pick<ZoomPan, "zoom" | "zoomIn" | "zoomOut" | "reset"> }) {
  return (
    <>
      <Button size="sm" variant="secondary" onClick={view.zoomOut} aria-label="Zoom out" disabled={view.zoom <= MIN_ZOOM}>
        <Minus className="size-4" aria-hidden />
      </Button>
      <span className="w-12 text-center text-xs tabular-nums" aria-live="polite">
        {Math.round(view.zoom * 100)}%
      </span>
      <Button size="sm" variant="secondary" onClick={view.zoomIn} aria-label="Zoom in" disabled={view.zoom >= MAX_ZOOM}>
        <Plus className="size-4" aria-hidden />
      </Button>
      <Button size="sm" variant="secondary" onClick={view.reset} aria-label="Reset zoom">
        <RotateCcw className="size-4" aria-hidden />
      </Button>
    </>
  );
}
