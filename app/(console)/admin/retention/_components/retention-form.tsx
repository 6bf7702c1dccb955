"use client";

import { useState } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { FieldError, fieldErrorProps, inputClass } from "@/components/ui/field";
import { formatBytes } from "@/lib/verifications/verification-labels";
import { saveRetentionAction } from "../actions";
import { cn } from "@/components/ui/cn";

export interface RetentionCell {
  key: string;
  name: string;
  mediaDays: number | null;
  preview: { media: number; verifications: number; bytes: number; heldMedia: number } | null;
}

export interface RetentionRow {
  source: string;
  label: string;
  cells: RetentionCell[];
}

// The grid of rules: one duration in days per source × case state; empty keeps the media.
export function RetentionForm({ rows, states }: { rows: RetentionRow[]; states: { key: string; label: string }[] }) {
  const [saved, setSaved] = useState<string | null>(null);
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(saveRetentionAction, {
    fields: rows.flatMap((row) => row.cells.map((cell) => cell.key)),
    onSuccess: (data) => setSaved(data.changed === 0 ? "Nothing changed." : `Saved ${data.changed} rule${data.changed === 1 ? "" : "s"}.`),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Retention rules">
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-sm">
          <caption className="sr-only">Days media are kept, per source and case state</caption>
          <thead className="bg-zinc-50 text-left text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-3 py-2">Source</th>
              {states.map((s) => (
                <th key={s.key} scope="col" className="px-3 py-2">{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.source} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                <th scope="row" className="px-3 py-2 text-left font-medium">{row.label}</th>
                {row.cells.map((cell) => {
                  const errors = fieldErrors[cell.key];
                  const id = `days-${cell.key}`;
                  return (
                    <td key={cell.key} className="px-3 py-2">
                      <label htmlFor={id} className="sr-only">{`${cell.name}: days kept`}</label>
                      <div className="flex items-center gap-1.5">
                        <input
                          id={id}
                          name={cell.key}
                          inputMode="numeric"
                          defaultValue={cell.mediaDays ?? ""}
                          placeholder="keep"
                          {...fieldErrorProps(`${id}-error`, errors)}
                          className={cn(inputClass, "w-24")}
                        />
                        <span className="text-xs text-zinc-500">days</span>
                      </div>
                      <FieldError id={`${id}-error`} error={errors} className="mt-1 max-w-56" />
                      {cell.preview ? (
                        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid={`preview-${cell.key}`}>
                          Next run: {cell.preview.media} media ({formatBytes(cell.preview.bytes)}) of {cell.preview.verifications} verification
                          {cell.preview.verifications === 1 ? "" : "s"}
                          {cell.preview.heldMedia ? `; ${cell.preview.heldMedia} media kept by a legal hold` : ""}
                        </p>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save schedule
        </SubmitButton>
        {saved ? <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">{saved}</p> : null}
      </div>
      <FormError error={formError} />
    </form>
  );
}
