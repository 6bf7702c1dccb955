"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { CHECK_TYPE_LABELS, SOURCE_LABELS, VENDOR_SHORT_NAMES } from "@/components/verifications/verification-labels";
import { checkTypes, vendorIds } from "@/lib/vendors/types";

const FILTER_KEYS = ["checkType", "vendor", "outcome", "source", "from", "to", "reference"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterValues = Partial<Record<FilterKey, string>>;

const selectClass = `${inputClass} w-auto min-w-36`;

// Filters apply through the URL: the server parses it and runs the query. Changing a filter starts
// again at the first page (the cursor belongs to the old result) but keeps sort and hidden columns.
export function VerificationFilters({ values }: { values: FilterValues }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);

  function apply() {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const params = new URLSearchParams(searchParams.toString());
    params.delete("cursor");
    for (const key of FILTER_KEYS) {
      const value = String(data.get(key) ?? "").trim();
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  function clear() {
    const params = new URLSearchParams(searchParams.toString());
    for (const key of [...FILTER_KEYS, "cursor"]) params.delete(key);
    formRef.current?.reset();
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  // Keyed by the URL's filters so the inputs show the applied values after back/forward.
  const key = FILTER_KEYS.map((k) => values[k] ?? "").join("|");
  return (
    <form
      key={key}
      ref={formRef}
      role="search"
      aria-label="Filter verifications"
      className="mb-4 flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        Check type
        <select name="checkType" defaultValue={values.checkType ?? ""} onChange={apply} className={selectClass}>
          <option value="">All</option>
          {checkTypes.map((t) => (
            <option key={t} value={t}>
              {CHECK_TYPE_LABELS[t].title}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Vendor
        <select name="vendor" defaultValue={values.vendor ?? ""} onChange={apply} className={selectClass}>
          <option value="">All</option>
          {vendorIds.map((v) => (
            <option key={v} value={v}>
              {VENDOR_SHORT_NAMES[v]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Outcome
        <select name="outcome" defaultValue={values.outcome ?? ""} onChange={apply} className={selectClass}>
          <option value="">All</option>
          {(["pass", "review", "fail", "error"] as const).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Source
        <select name="source" defaultValue={values.source ?? ""} onChange={apply} className={selectClass}>
          <option value="">All</option>
          {(Object.keys(SOURCE_LABELS) as (keyof typeof SOURCE_LABELS)[]).map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        From (UTC)
        <input type="date" name="from" defaultValue={values.from ?? ""} onChange={apply} className={`${inputClass} w-40`} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        To (UTC)
        <input type="date" name="to" defaultValue={values.to ?? ""} onChange={apply} className={`${inputClass} w-40`} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Reference contains
        <input type="search" name="reference" defaultValue={values.reference ?? ""} maxLength={200} placeholder="subject id" className={`${inputClass} w-52`} />
      </label>
      <Button type="submit">Apply</Button>
      <Button type="button" variant="ghost" onClick={clear}>
        Clear
      </Button>
    </form>
  );
}
