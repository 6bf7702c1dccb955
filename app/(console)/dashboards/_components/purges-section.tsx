import { SimpleTable } from "@/components/ui/simple-table";
import { formatBytes } from "@/lib/verifications/verification-labels";
import type { PurgeDay } from "@/lib/data-protection/purge-stats";
import { Panel } from "./panel";

// Media destroyed per UTC day, by the retention schedule or by a subject's erasure.
export function PurgesSection({ days, from, to }: { days: PurgeDay[]; from: string; to: string }) {
  const total = days.reduce((t, d) => ({ media: t.media + d.media, bytes: t.bytes + d.bytes }), { media: 0, bytes: 0 });
  return (
    <section aria-labelledby="purges-heading" className="space-y-4">
      <h2 id="purges-heading" className="text-lg font-medium">Data retention</h2>
      <Panel
        id="purges"
        title="Media purged per day"
        description={`Face images and videos destroyed ${from} to ${to} (UTC days): ${total.media} media, ${formatBytes(total.bytes)} of originals. Bytes count once per file (a file two verifications shared is freed with the last one).`}
        table={
          days.length ? (
            <SimpleTable
              label="Media purged per day"
              className="w-auto"
              rows={days}
              rowKey={(d) => `${d.day}-${d.kind}`}
              columns={[
                { header: "Day (UTC)", className: "font-mono text-xs", cell: (d) => d.day },
                { header: "Cause", cell: (d) => (d.kind === "erase" ? "subject erasure" : "retention policy") },
                { header: "Media", className: "text-right tabular-nums", cell: (d) => d.media },
                { header: "Bytes", className: "text-right tabular-nums", cell: (d) => formatBytes(d.bytes) },
              ]}
            />
          ) : (
            <p className="text-sm text-zinc-500">Nothing was purged in this period.</p>
          )
        }
      />
    </section>
  );
}
