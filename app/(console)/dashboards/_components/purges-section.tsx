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
            <table className="text-sm" aria-label="Media purged per day">
              <thead className="text-left text-xs text-zinc-500">
                <tr><th className="py-1 pr-6">Day (UTC)</th><th className="py-1 pr-6">Cause</th><th className="py-1 pr-6 text-right">Media</th><th className="py-1 text-right">Bytes</th></tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={`${d.day}-${d.kind}`} className="border-t border-zinc-200 dark:border-zinc-800">
                    <td className="py-1 pr-6 font-mono text-xs">{d.day}</td>
                    <td className="py-1 pr-6">{d.kind === "erase" ? "subject erasure" : "retention policy"}</td>
                    <td className="py-1 pr-6 text-right tabular-nums">{d.media}</td>
                    <td className="py-1 text-right tabular-nums">{formatBytes(d.bytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-sm text-zinc-500">Nothing was purged in this period.</p>
          )
        }
      />
    </section>
  );
}
