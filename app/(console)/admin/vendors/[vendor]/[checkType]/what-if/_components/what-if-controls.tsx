"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { FormError, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import type { WhatIfField } from "@/lib/policy-what-if/what-if-fields";
import type { CheckType, VendorId } from "@/lib/vendors/types";
import { savePolicyAction } from "../../../../actions";

const DEBOUNCE_MS = 350;

// Sliders for the policy's thresholds. Moving one puts the value in the URL (debounced) and the
// server recomputes the figures; "Save as new version" stores the candidate through the audited,
// versioned savePolicy.
export function WhatIfControls({
  vendor,
  checkType,
  fields,
  values,
  currentValues,
  candidateSettings,
}: {
  vendor: VendorId;
  checkType: CheckType;
  fields: WhatIfField[];
  values: Record<string, number>;
  currentValues: Record<string, number>;
  candidateSettings: Record<string, unknown>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [local, setLocal] = useState(values);
  const [computing, startComputing] = useTransition();
  const save = useServerAction(savePolicyAction, { onSuccess: () => router.refresh() });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // New values from the server (after navigation) replace the local ones, during render.
  const [serverValues, setServerValues] = useState(values);
  if (serverValues !== values) {
    setServerValues(values);
    setLocal(values);
  }
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function move(key: string, value: number) {
    const next = { ...local, [key]: value };
    setLocal(next);
    if (save.data || save.formError) save.reset();
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const query = new URLSearchParams(searchParams.toString());
      for (const [k, v] of Object.entries(next)) query.set(k, String(v));
      startComputing(() => router.replace(`${pathname}?${query.toString()}`, { scroll: false }));
    }, DEBOUNCE_MS);
  }

  function reset() {
    setLocal(currentValues);
    const query = new URLSearchParams(searchParams.toString());
    for (const f of fields) query.delete(f.key);
    startComputing(() => router.replace(`${pathname}?${query.toString()}`, { scroll: false }));
  }

  const dirty = fields.some((f) => local[f.key] !== currentValues[f.key]);
  return (
    <section aria-label="Candidate policy" className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900" aria-busy={computing}>
      {fields.map((f) => (
        <label key={f.key} className="flex flex-col gap-1 text-sm">
          <span className="flex justify-between">
            <span className="font-medium">{f.label}</span>
            <span className="font-mono tabular-nums">
              {(local[f.key] ?? 0).toFixed(2)}
              {local[f.key] !== currentValues[f.key] ? <span className="text-xs text-zinc-500"> (now {(currentValues[f.key] ?? 0).toFixed(2)})</span> : null}
            </span>
          </span>
          <input type="range" name={f.key} min={f.min} max={f.max} step={f.step} value={local[f.key] ?? f.min} onChange={(e) => move(f.key, Number(e.target.value))} />
        </label>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => save.run({ vendor, checkType, settings: candidateSettings })} disabled={save.pending || computing || !dirty}>
          {save.pending ? "Saving…" : "Save as new policy version"}
        </Button>
        <Button variant="ghost" onClick={reset} disabled={computing || !dirty}>
          Back to the active policy
        </Button>
        {computing ? <span className="text-xs text-zinc-500">Recomputing…</span> : null}
      </div>
      {save.data ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Saved as policy v{save.data.version}.
        </p>
      ) : null}
      <FormError error={save.formError} />
    </section>
  );
}
