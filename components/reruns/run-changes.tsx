import type { RunChanges } from "@/lib/reruns/describe-run-changes";

// "Run 1 → run 2: outcome fail → pass, liveness 0.12 → 0.91 (+0.79)". No hooks: server or client.
export function RunChangesList({ history }: { history: RunChanges[] }) {
  if (history.length === 0) return null;
  return (
    <section aria-label="Changes between runs" className="rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-950" data-testid="run-changes">
      <h4 className="mb-2 text-xs font-medium uppercase tracking-wide text-zinc-500">What changed between runs</h4>
      <ol className="flex flex-col gap-2">
        {history.map((h) => (
          <li key={`${h.from}-${h.to}`}>
            <p className="font-medium">
              Run {h.from} → run {h.to}
            </p>
            {h.pending ? (
              <p className="text-xs text-zinc-500">Run {h.to} has no answer yet.</p>
            ) : h.changes.length === 0 ? (
              <p className="text-xs text-zinc-500">Same answer.</p>
            ) : (
              <table className="mt-1 text-left text-xs">
                <tbody>
                  {h.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row" className="pr-3 font-normal text-zinc-500">
                        {c.field}
                      </th>
                      <td className="pr-2 font-mono">{c.before || "—"}</td>
                      <td className="pr-2" aria-hidden>
                        →
                      </td>
                      <td className="pr-2 font-mono">{c.after || "—"}</td>
                      <td className="font-mono text-zinc-500">{c.delta !== undefined ? `(${c.delta >= 0 ? "+" : ""}${c.delta.toFixed(3)})` : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
