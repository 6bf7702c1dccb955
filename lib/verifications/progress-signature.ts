import { z } from "zod";

export const progressSchema = z.object({
  status: z.string(),
  runs: z.array(z.object({ id: z.string(), status: z.string(), outcome: z.string().nullable() })),
  media: z.array(z.object({ id: z.string(), thumbnailsReady: z.boolean() })).default([]),
});
export type Progress = z.input<typeof progressSchema>;

/** What the page shows that changes while vendors and the thumbnail job work; the live poller refreshes when it differs. */
export function progressSignature(progress: Progress): string {
  const runs = progress.runs.map((r) => `${r.id}:${r.status}:${r.outcome ?? ""}`).sort();
  const media = (progress.media ?? []).map((m) => `${m.id}:${m.thumbnailsReady ? "ready" : "waiting"}`).sort();
  return [progress.status, ...runs, ...media].join("|");
}

export function isFinished(status: string): boolean {
  return status === "completed" || status === "failed";
}

/** Nothing left to follow: every vendor answered and every file has its thumbnail. */
export function isSettled(progress: Progress): boolean {
  return isFinished(progress.status) && (progress.media ?? []).every((m) => m.thumbnailsReady);
}

/** The thumbnail a file is shown with exists (an image's `thumb`, a video's `poster`); filmstrip frames may follow. */
export function hasMainThumbnail(kind: "image" | "video", thumbnails: Array<{ kind: string; position: number }>): boolean {
  const main = kind === "video" ? "poster" : "thumb";
  return thumbnails.some((t) => t.kind === main && t.position === 0);
}
