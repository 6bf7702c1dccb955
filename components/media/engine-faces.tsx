import { thumbnailUrl } from "@/components/media/media-thumbnail";
import { boxOnPicture } from "@/lib/face-engine/box-on-picture";

// Faces found by Verdict's engine, drawn over the pictures (SVG in the picture's own pixel space,
// fitted like `object-contain`) and as crops side by side. Boxes come from "MediaFace".

export interface EngineFaceBox {
  /** [x, y, width, height] in pixels of the picture as displayed. */
  box: [number, number, number, number];
  score: number;
  yaw: number;
}

export interface EngineFaces {
  width: number;
  height: number;
  boxes: EngineFaceBox[];
}

/** Boxes over a picture; place it over an element showing the same picture with object-contain. */
export function EngineFaceOverlay({ faces, className = "", style }: { faces: EngineFaces; className?: string; style?: React.CSSProperties }) {
  const stroke = Math.max(2, Math.round(Math.max(faces.width, faces.height) / 200));
  return (
    <svg
      viewBox={`0 0 ${faces.width} ${faces.height}`}
      preserveAspectRatio="xMidYMid meet"
      className={`pointer-events-none absolute inset-0 size-full ${className}`}
      style={style}
      role="img"
      aria-label={`${faces.boxes.length} face${faces.boxes.length === 1 ? "" : "s"} found by Verdict's engine`}
      data-testid="engine-face-boxes"
    >
      {faces.boxes.map((f, i) => {
        // A box running past the picture's edge (a face cut off by a tight crop) is drawn along
        // the edge: drawn as given, its lines lie off the picture, where the overlay is clipped.
        const drawn = boxOnPicture(f.box, faces, stroke);
        if (!drawn) return null;
        return <rect key={i} x={drawn.x} y={drawn.y} width={drawn.width} height={drawn.height} fill="none" stroke={i === 0 ? "#22c55e" : "#f59e0b"} strokeWidth={stroke} data-cut-off={drawn.cutOff || undefined} />;
      })}
    </svg>
  );
}

export interface FaceCropItem {
  mediaId: string;
  label: string;
  faces: EngineFaces;
}

/** The largest face of each picture, cropped with a margin, side by side at the same size. */
export function EngineFaceCrops({ items, canViewFull, size = 160 }: { items: FaceCropItem[]; canViewFull: boolean; size?: number }) {
  const withFace = items.filter((i) => i.faces.boxes.length > 0);
  if (withFace.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Faces found by Verdict&apos;s engine (largest face of each picture)</p>
      <div className="flex flex-wrap gap-3" data-testid="engine-face-crops">
        {withFace.map((item) => {
          const [x, y, w, h] = item.faces.boxes[0].box;
          const margin = Math.max(w, h) * 0.25;
          const side = Math.max(w, h) + 2 * margin;
          const cx = x + w / 2;
          const cy = y + h / 2;
          return (
            <figure key={item.mediaId} className="flex flex-col gap-1" style={{ width: size }}>
              <svg viewBox={`${cx - side / 2} ${cy - side / 2} ${side} ${side}`} width={size} height={size} className="rounded bg-zinc-950" role="img" aria-label={`Face crop: ${item.label}`}>
                <image href={canViewFull ? `/api/media/${item.mediaId}` : thumbnailUrl(item.mediaId, "preview")} x={0} y={0} width={item.faces.width} height={item.faces.height} preserveAspectRatio="xMidYMid meet" />
              </svg>
              <figcaption className="text-xs">
                {item.label} <span className="text-zinc-500">· yaw {item.faces.boxes[0].yaw.toFixed(0)}°</span>
              </figcaption>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
