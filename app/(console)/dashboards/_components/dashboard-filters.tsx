"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { CHECK_TYPE_LABELS, SOURCE_LABELS, VENDOR_SHORT_NAMES } from "@/components/verifications/verification-labels";
import { checkTypes, vendorIds } from "@/lib/vendors/types";

const COMMON_ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Moscow",
  "Asia/Almaty",
  "Asia/Kolkata",
  "Asia/Ho_Chi_Minh",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
];

export interface DashboardFilterValues {
  from: string;
  to: string;
  bucket: string;
  tz: string;
  vendor?: string;
  checkType?: string;
  source?: string;
}

const KEYS = ["from", "to", "bucket", "tz", "vendor", "checkType", "source"] as const;
const selectClass = `${inputClass} w-auto min-w-32`;

// Every change goes to the URL (shareable); the server parses it and runs the queries.
export function DashboardFilters({ values }: { values: DashboardFilterValues }) {
  const router = useRouter();
  const pathname = usePathname();
  const formRef = useRef<HTMLFormElement>(null);
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);

  function apply() {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const query = new URLSearchParams();
    for (const key of KEYS) {
      const value = String(data.get(key) ?? "").trim();
      if (value) query.set(key, value);
    }
    router.push(`${pathname}?${query.toString()}`);
  }

  const zones = [...new Set([values.tz, ...COMMON_ZONES, ...(browserZone ? [browserZone] : [])])];
  return (
    <form
      key={KEYS.map((k) => values[k] ?? "").join("|")}
      ref={formRef}
      role="search"
      aria-label="Dashboard filters"
      className="mb-6 flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        From
        <input type="date" name="from" required defaultValue={values.from} onChange={apply} className={`${inputClass} w-40`} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        To
        <input type="date" name="to" required defaultValue={values.to} onChange={apply} className={`${inputClass} w-40`} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Buckets
        <select name="bucket" defaultValue={values.bucket} onChange={apply} className={selectClass}>
          <option value="day">Days</option>
          <option value="week">Weeks</option>
          <option value="month">Months</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Time zone
        <select name="tz" defaultValue={values.tz} onChange={apply} className={selectClass}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z === browserZone ? `${z} (this browser)` : z}
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
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}
