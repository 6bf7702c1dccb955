"use client";

import { useId } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { FieldError, fieldErrorProps, inputClass } from "@/components/ui/field";
import type { Policy } from "@/lib/policy/policy-schemas";
import type { CheckType, VendorId } from "@/lib/vendors/types";
import { savePolicyAction } from "../actions";

type Leaf = { path: string; value: number | boolean | null };

// The policy's own values decide the inputs: numbers, booleans, and nullable numbers (empty = null).
function leavesOf(value: unknown, prefix = ""): Leaf[] {
  if (value === null || typeof value === "number" || typeof value === "boolean") return [{ path: prefix, value }];
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leavesOf(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

function label(path: string) {
  return path.replace(/\./g, " → ").replace(/([A-Z])/g, " $1").toLowerCase();
}

export function PolicyForm({
  vendor,
  checkType,
  version,
  policy,
  history,
}: {
  vendor: VendorId;
  checkType: CheckType;
  version: number;
  policy: Policy;
  history: { version: number; createdAt: string }[];
}) {
  const { kind: _kind, version: _v, ...settings } = policy;
  const leaves = leavesOf(settings);
  const id = useId();
  const { pending, data, fieldErrors, formError, onSubmit } = useServerAction(savePolicyAction, {
    fields: leaves.map((leaf) => leaf.path),
    fromForm: (form) => {
      const next: Record<string, unknown> = {};
      for (const leaf of leaves) {
        const raw = form.get(leaf.path);
        if (typeof leaf.value === "boolean") setPath(next, leaf.path, raw === "on");
        else setPath(next, leaf.path, raw === null || raw === "" ? null : Number(raw));
      }
      return { vendor, checkType, settings: next };
    },
  });

  return (
    <form onSubmit={onSubmit} aria-label={`${vendor} ${checkType} policy`} className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">
          Policy for <code>{checkType}</code>
        </h3>
        <p className="text-xs text-zinc-500">
          {version === 0 ? "Vendor defaults (never edited)" : `Version ${version}`}
          {history.length > 1 ? ` · ${history.length} versions` : ""}
        </p>
      </div>
      <div className="grid gap-3 md:grid-cols-3">
        {leaves.map((leaf) => {
          const errorId = `${id}-${leaf.path}-error`;
          const invalid = fieldErrorProps(errorId, fieldErrors[leaf.path]);
          return (
            <div key={leaf.path} className="flex flex-col gap-1 text-sm">
              <label className="flex flex-col gap-1">
                <span className="text-zinc-700 dark:text-zinc-300">{label(leaf.path)}</span>
                {typeof leaf.value === "boolean" ? (
                  <input type="checkbox" name={leaf.path} defaultChecked={leaf.value} className="size-4" {...invalid} />
                ) : (
                  <input type="number" step="any" min={0} name={leaf.path} defaultValue={leaf.value ?? ""} placeholder="vendor decides" className={inputClass} {...invalid} />
                )}
              </label>
              <FieldError id={errorId} error={fieldErrors[leaf.path]} />
            </div>
          );
        })}
      </div>
      <div className="mt-3 flex items-center gap-3">
        <SubmitButton size="sm" pending={pending}>
          Save as new version
        </SubmitButton>
        {data ? <p role="status" className="text-sm">Saved as version {data.version}.</p> : null}
        <FormError error={formError} />
      </div>
    </form>
  );
}
