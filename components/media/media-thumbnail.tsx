"use client";

import { Film, ImageIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

type ThumbnailKind = "thumb" | "preview" | "poster" | "filmstrip";

export interface MediaThumbnailProps {
  mediaId: string;
  // Describes the picture for screen readers, e.g. "Left portrait of verification 1a2b…".
  alt: string;
  kind?: ThumbnailKind;
  // Frame 0–7 of a filmstrip.
  position?: number;
  // Rendered box in CSS pixels (square); the image keeps its aspect ratio inside.
  size?: number;
  // While the thumbnail is not generated yet, try again this often (e.g. on a live detail page).
  retryEveryMs?: number;
  className?: string;
}

export function thumbnailUrl(mediaId: string, kind: ThumbnailKind = "thumb", position = 0) {
  const path = `/api/media/${encodeURIComponent(mediaId)}/thumbnails/${kind}`;
  return kind === "filmstrip" ? `${path}?position=${position}` : path;
}

/**
 * A media thumbnail from the authorized thumbnail route, with a neutral placeholder (same size,
 * same alt text) while it is not generated yet or cannot be loaded.
 */
export function MediaThumbnail({ mediaId, alt, kind = "thumb", position = 0, size = 64, retryEveryMs, className }: MediaThumbnailProps) {
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  const imageRef = useRef<HTMLImageElement>(null);
  const source = thumbnailUrl(mediaId, kind, position);

  // A new media or kind starts over (adjusted during render, not in an effect).
  const [shownSource, setShownSource] = useState(source);
  if (shownSource !== source) {
    setShownSource(source);
    setAttempt(0);
    setFailed(false);
  }

  // An image rendered on the server may fail before React listens for onError.
  useEffect(() => {
    const image = imageRef.current;
    if (image?.complete && image.naturalWidth === 0) setFailed(true);
  }, [attempt, source]);

  useEffect(() => {
    if (!failed || !retryEveryMs) return;
    const timer = setTimeout(() => {
      setFailed(false);
      setAttempt((n) => n + 1);
    }, retryEveryMs);
    return () => clearTimeout(timer);
  }, [failed, retryEveryMs]);

  const box = { width: size, height: size };
  if (failed) {
    const Icon = kind === "poster" || kind === "filmstrip" ? Film : ImageIcon;
    return (
      <span
        role="img"
        aria-label={alt}
        title="Thumbnail not available yet"
        data-testid="media-thumbnail-placeholder"
        style={box}
        className={cn("inline-flex shrink-0 items-center justify-center rounded bg-zinc-100 text-zinc-400 dark:bg-zinc-800 dark:text-zinc-500", className)}
      >
        <Icon aria-hidden="true" className="size-1/3" />
      </span>
    );
  }
  // A retry needs a URL the browser has not seen fail; the 404 itself is not cached.
  const src = attempt === 0 ? source : `${source}${source.includes("?") ? "&" : "?"}retry=${attempt}`;
  return (
    // A plain <img>: the route is authorized by cookie and already sized, so no image optimizer.
    // max-w-none: the preflight's `max-width: 100%` collapses it to 0 in an auto-sized table cell.
    <img
      ref={imageRef}
      src={src}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
      style={box}
      className={cn("max-w-none shrink-0 rounded bg-zinc-100 object-contain dark:bg-zinc-800", className)}
    />
  );
}
