"use client";

import { useCallback, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from "react";

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 8;
const ZOOM_STEP = 1.2;
const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

interface View {
  zoom: number;
  x: number;
  y: number;
}
const UNZOOMED: View = { zoom: MIN_ZOOM, x: 0, y: 0 };

// Arrow keys move the image the way the arrow points at the part one wants to see.
const PAN_KEYS: Record<string, [number, number]> = { ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

// Zoom (wheel, +/−, buttons) and pan (drag, arrow keys) of an image in a fixed stage; 0 resets.
// Zoom and offset are one state so that zooming back out to 100% also recentres, in one update.
export function useZoomPan({ panStep }: { panStep: number }) {
  const [view, setView] = useState<View>(UNZOOMED);
  const [dragStart, setDragStart] = useState<{ x: number; y: number; clientX: number; clientY: number } | null>(null);

  const zoomBy = useCallback(
    (factor: number) =>
      setView((v) => {
        const zoom = clampZoom(v.zoom * factor);
        return zoom === MIN_ZOOM ? UNZOOMED : { ...v, zoom };
      }),
    [],
  );
  const zoomIn = useCallback(() => zoomBy(ZOOM_STEP), [zoomBy]);
  const zoomOut = useCallback(() => zoomBy(1 / ZOOM_STEP), [zoomBy]);
  const reset = useCallback(() => setView(UNZOOMED), []);

  // React's onWheel is passive; zooming must keep the page from scrolling, so the listener is
  // added by hand. A ref callback: attach it to each element the wheel should zoom.
  const wheelRef = useCallback(
    (node: HTMLElement | null) => {
      if (!node) return;
      const onWheel = (e: WheelEvent) => {
        e.preventDefault();
        zoomBy(e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP);
      };
      node.addEventListener("wheel", onWheel, { passive: false });
      return () => node.removeEventListener("wheel", onWheel);
    },
    [zoomBy],
  );

  /** Handles +, =, −, 0 and (when zoomed in) the arrow keys; says whether it used the key. */
  function handleKey(e: KeyboardEvent): boolean {
    const pan = PAN_KEYS[e.key];
    if (e.key === "+" || e.key === "=") zoomIn();
    else if (e.key === "-") zoomOut();
    else if (e.key === "0") reset();
    else if (pan && view.zoom > MIN_ZOOM) setView((v) => ({ ...v, x: v.x + pan[0] * panStep, y: v.y + pan[1] * panStep }));
    else return false;
    e.preventDefault();
    return true;
  }

  /** Props for the element that holds the image: drag to pan once zoomed in (when canDrag). */
  function stageProps(canDrag: boolean, extraStyle?: CSSProperties) {
    const draggable = canDrag && view.zoom > MIN_ZOOM;
    const style: CSSProperties = { ...extraStyle, cursor: draggable ? (dragStart ? "grabbing" : "grab") : "default", touchAction: "none" };
    return {
      style,
      onPointerDown: (e: PointerEvent<HTMLElement>) => {
        if (!draggable) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        setDragStart({ x: view.x, y: view.y, clientX: e.clientX, clientY: e.clientY });
      },
      onPointerMove: (e: PointerEvent<HTMLElement>) => {
        if (dragStart) setView((v) => ({ ...v, x: dragStart.x + e.clientX - dragStart.clientX, y: dragStart.y + e.clientY - dragStart.clientY }));
      },
      onPointerUp: () => setDragStart(null),
    };
  }

  const imageStyle: CSSProperties = { transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`, transformOrigin: "center" };

  return { zoom: view.zoom, zoomIn, zoomOut, reset, wheelRef, handleKey, stageProps, imageStyle };
}

export type ZoomPan = ReturnType<typeof useZoomPan>;
