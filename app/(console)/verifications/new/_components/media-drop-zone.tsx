"use client";

import { Upload, X } from "lucide-react";
import { useEffect, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatBytes, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import type { FileCheck } from "../_lib/check-media-file";
import { acceptFor, type MediaSlot } from "../_lib/media-slots";

// One labelled drop zone per media role. The zone is a real file input (keyboard and screen reader
// users pick a file as usual); dropping a file on it works too. Shows a preview and the checks.
export function MediaDropZone({
  slot,
  file,
  check,
  serverErrors,
  onFile,
}: {
  slot: MediaSlot;
  file: File | null;
  check: FileCheck | null;
  serverErrors: string[];
  onFile: (file: File | null) => void;
}) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const preview = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  const errors = [...(check?.errors ?? []), ...serverErrors];
  const warnings = check?.warnings ?? [];
  const isVideo = slot.role === "video";
  const notes = slot.limits.flatMap((l) => (l.limits.notes ?? []).map((n) => `${VENDOR_SHORT_NAMES[l.vendor]}: ${n}`));

  return (
    <div
      data-testid={`drop-zone-${slot.role}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const dropped = e.dataTransfer.files[0];
        if (dropped) onFile(dropped);
      }}
      className={cn(
        "flex flex-col gap-2 rounded-lg border-2 border-dashed p-3 focus-within:border-sky-600 focus-within:ring-2 focus-within:ring-sky-600/30",
        dragging ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : errors.length ? "border-red-400" : "border-zinc-300 dark:border-zinc-700",
      )}
    >
      <label htmlFor={id} className="flex cursor-pointer flex-col gap-1">
        <span id={`${id}-title`} className="text-sm font-medium">
          {slot.label}
        </span>
        <span id={`${id}-for`} className="text-xs text-zinc-500">
          for {slot.vendors.map((v) => VENDOR_SHORT_NAMES[v]).join(", ")}
        </span>
        {!file ? (
          <span className="mt-1 flex items-center gap-2 rounded-md bg-zinc-50 px-3 py-4 text-sm text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <Upload className="size-4" aria-hidden /> Drop a file here, or choose one
          </span>
        ) : null}
      </label>
      <input
        id={id}
        name={slot.role}
        type="file"
        accept={acceptFor(slot)}
        className="sr-only"
        aria-labelledby={`${id}-title`}
        aria-invalid={errors.length > 0}
        aria-describedby={`${id}-for ${id}-messages`}
        onChange={(e) => {
          onFile(e.target.files?.[0] ?? null);
          // Picking the same file again after removing it must fire a change.
          e.target.value = "";
        }}
      />
      {file && preview ? (
        <div className="flex items-start gap-3">
          {isVideo ? (
            <video src={preview} muted controls className="h-28 max-w-48 rounded bg-black" aria-label={`Preview of ${file.name}`} />
          ) : (
            <img src={preview} alt={`Preview of ${file.name}`} className="h-28 max-w-48 rounded object-contain" />
          )}
          <div className="min-w-0 flex-1 text-xs">
            <p className="truncate font-medium" title={file.name}>
              {file.name}
            </p>
            <p className="text-zinc-500">
              {formatBytes(file.size)}
              {file.type ? ` · ${file.type}` : ""}
            </p>
            <div className="mt-2 flex gap-2">
              <label htmlFor={id} className="cursor-pointer text-sky-700 underline dark:text-sky-400">
                Replace
              </label>
              <Button size="sm" variant="ghost" onClick={() => onFile(null)} aria-label={`Remove ${file.name}`}>
                <X className="size-3.5" aria-hidden /> Remove
              </Button>
            </div>
          </div>
        </div>
      ) : null}
      <div id={`${id}-messages`} className="flex flex-col gap-0.5">
        {errors.map((e) => (
          <p key={e} className="text-xs text-red-700 dark:text-red-400" data-testid="file-error">
            {e}
          </p>
        ))}
        {warnings.map((w) => (
          <p key={w} className="text-xs text-amber-800 dark:text-amber-300" data-testid="file-warning">
            {w}
          </p>
        ))}
        {notes.length && !errors.length ? <p className="text-[11px] text-zinc-500">{notes.join(" · ")}</p> : null}
      </div>
    </div>
  );
}
