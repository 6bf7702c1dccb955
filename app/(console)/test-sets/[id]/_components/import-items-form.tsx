"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ATTACK_TYPES } from "@/lib/test-sets/test-set-schemas";

const resultSchema = z.object({
  imported: z.number(),
  problems: z.array(z.object({ line: z.number().nullable(), item: z.string().nullable(), messages: z.array(z.string()) })),
});
const problemSchema = z.object({ title: z.string().optional(), detail: z.string().optional(), errors: z.record(z.string(), z.array(z.string())).optional() });

type Outcome = { kind: "done"; imported: number; problems: z.infer<typeof resultSchema>["problems"] } | { kind: "error"; message: string; details: string[] };

// Many files at once (images, videos, .zip archives) plus a CSV manifest carrying the labels; or,
// for one-file items, a label for every file.
export function ImportItemsForm({ testSetId, labels, singleMedia }: { testSetId: string; labels: readonly string[]; singleMedia: boolean }) {
  const router = useRouter();
  const filesId = useId();
  const manifestId = useId();
  const labelId = useId();
  const attackId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [defaultLabel, setDefaultLabel] = useState("");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setOutcome(null);
    try {
      const response = await fetch(`/api/test-sets/${testSetId}/items`, { method: "POST", body: data, headers: { Accept: "application/json" } });
      const body: unknown = await response.json().catch(() => null);
      if (response.ok) {
        const parsed = resultSchema.safeParse(body);
        if (!parsed.success) throw new Error("unexpected answer from the server");
        setOutcome({ kind: "done", ...parsed.data });
        if (parsed.data.imported > 0) form.reset();
        router.refresh();
      } else {
        const p = problemSchema.safeParse(body);
        setOutcome({
          kind: "error",
          message: (p.success ? [p.data.title, p.data.detail].filter(Boolean).join(": ") : "") || `The upload was refused (HTTP ${response.status}).`,
          details: p.success ? Object.values(p.data.errors ?? {}).flat() : [],
        });
      }
    } catch (error) {
      setOutcome({ kind: "error", message: `The upload failed: ${error instanceof Error ? error.message : String(error)}`, details: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-heading" className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="import-heading" className="mb-1 font-medium">
        Import media
      </h2>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        Upload many files at once, or .zip archives. A CSV manifest (<code>item,label,attack_type,&lt;role&gt;…</code>, e.g. <code>selfie</code> or{" "}
        <code>image1,image2</code>; <code>file</code> for one-file items) labels them: {labels.join(" / ")}; attacks take an attack type ({ATTACK_TYPES.join(", ")}). A{" "}
        <code>manifest.csv</code> inside a zip works too. Rows with problems are reported by line; the others are imported.
      </p>
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate aria-busy={busy}>
        <div className="flex flex-col gap-1">
          <label htmlFor={filesId} className="text-sm font-medium">
            Media files or .zip
          </label>
          <input id={filesId} name="files" type="file" multiple accept="image/jpeg,image/png,image/webp,video/mp4,.zip,application/zip" className="text-sm" required />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={manifestId} className="text-sm font-medium">
            Manifest (CSV)
          </label>
          <input id={manifestId} name="manifest" type="file" accept=".csv,text/csv" className="text-sm" />
        </div>
        {singleMedia ? (
          <>
            <div className="flex flex-col gap-1">
              <label htmlFor={labelId} className="text-sm font-medium">
                Without a manifest: label of every file
              </label>
              <select id={labelId} name="defaultLabel" className={inputClass} value={defaultLabel} onChange={(e) => setDefaultLabel(e.target.value)}>
                <option value="">—</option>
                {labels.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={attackId} className="text-sm font-medium">
                Attack type
              </label>
              <select id={attackId} name="defaultAttackType" className={inputClass} disabled={defaultLabel !== "attack"}>
                <option value="">—</option>
                {ATTACK_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}
        <div>
          <Button type="submit" disabled={busy}>
            {busy ? "Importing…" : "Import"}
          </Button>
        </div>
      </form>
      {outcome?.kind === "done" ? (
        <div role="status" className="mt-4 text-sm" data-testid="import-result">
          <p>
            Imported {outcome.imported} item{outcome.imported === 1 ? "" : "s"}
            {outcome.problems.length ? `; ${outcome.problems.length} row${outcome.problems.length === 1 ? "" : "s"} skipped:` : "."}
          </p>
          {outcome.problems.length ? (
            <ul className="mt-2 list-disc pl-5 text-red-800 dark:text-red-300">
              {outcome.problems.map((p, i) => (
                <li key={i}>
                  {p.line !== null ? `Line ${p.line}` : "File"}
                  {p.item ? ` (${p.item})` : ""}: {p.messages.join(" ")}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {outcome?.kind === "error" ? (
        <div role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
          <p>{outcome.message}</p>
          {outcome.details.map((d, i) => (
            <p key={i}>{d}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
