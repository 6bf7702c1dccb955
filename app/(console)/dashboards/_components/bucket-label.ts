import type { Bucket } from "@/lib/dashboards/time-buckets";

export function bucketLabel(bucket: string, kind: Bucket): string {
  if (kind === "month") return bucket.slice(0, 7);
  if (kind === "week") return `wk ${bucket}`;
  return bucket;
}

export function bucketHeader(kind: Bucket): string {
  return kind === "day" ? "Day" : kind === "week" ? "Week from" : "Month";
}
