import { z } from "zod";

export const progressSchema = z.object({
  status: z.string(),
  runs: z.array(z.object({ id: z.string(), status: z.string(), outcome: z.string().nullable() })),
});
export type Progress = z.infer<typeof progressSchema>;

/** What the page shows that changes while vendors work; the live poller refreshes when it differs. */
export function progressSignature(progress: Progress): string {
  const runs = progress.runs.map((r) => `${r.id}:${r.status}:${r.outcome ?? ""}`).sort();
  return [progress.status, ...runs].join("|");
}

export function isFinished(status: string): boolean {
  return status === "completed" || status === "failed";
}
