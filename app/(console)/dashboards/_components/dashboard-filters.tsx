"use client";

import { useSyncExternalStore } from "react";
import { FilterSelect, optionsOf, UrlFilterForm } from "@/components/data-table/url-filter-form";
import { inputClass } from "@/components/ui/field";
import { CHECK_TYPE_LABELS, SOURCE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { checkTypes, vendorIds } from "@/lib/vendors/types";
import { cn } from "@/components/ui/cn";

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
  /** "include" counts the built-in sandboxes' test answers too. */
  sandbox?: string;
}

const KEYS = ["from", "to", "bucket", "tz", "vendor", "checkType", "source", "sandbox"] as const;
const BUCKET_OPTIONS = optionsOf({ day: "Days", week: "Weeks", month: "Months" });
const VENDOR_OPTIONS = vendorIds.map((v) => ({ value: v, label: VENDOR_SHORT_NAMES[v] }));
const CHECK_TYPE_OPTIONS = checkTypes.map((t) => ({ value: t, label: CHECK_TYPE_LABELS[t].title }));
const SOURCE_OPTIONS = optionsOf(SOURCE_LABELS);

// Every change goes to the URL (shareable); the server parses it and runs the queries. Clear goes
// back to the defaults (the last 30 days in days, UTC, everything).
const neverChanges = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function DashboardFilters({ values }: { values: DashboardFilterValues }) {
  // The browser's zone is known only in the browser: null on the server and while hydrating.
  const browserZone = useSyncExternalStore(neverChanges, browserTimeZone, () => null);
  const zones = [...new Set([values.tz, ...COMMON_ZONES, ...(browserZone ? [browserZone] : [])])];
  const zoneOptions = zones.map((z) => ({ value: z, label: z === browserZone ? `${z} (this browser)` : z }));

  return (
    <UrlFilterForm keys={KEYS} values={{ ...values }} label="Dashboard filters">
      {(apply) => (
        <>
          <label className="flex flex-col gap-1 text-sm">
            From
            <input type="date" name="from" required defaultValue={values.from} onChange={apply} className={cn(inputClass, "w-40")} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            To
            <input type="date" name="to" required defaultValue={values.to} onChange={apply} className={cn(inputClass, "w-40")} />
          </label>
          <FilterSelect label="Buckets" name="bucket" value={values.bucket} options={BUCKET_OPTIONS} anyLabel={null} onChange={apply} />
          <FilterSelect label="Time zone" name="tz" value={values.tz} options={zoneOptions} anyLabel={null} onChange={apply} />
          <FilterSelect label="Vendor" name="vendor" value={values.vendor} options={VENDOR_OPTIONS} onChange={apply} />
          <FilterSelect label="Check type" name="checkType" value={values.checkType} options={CHECK_TYPE_OPTIONS} onChange={apply} />
          <FilterSelect label="Source" name="source" value={values.source} options={SOURCE_OPTIONS} onChange={apply} />
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" name="sandbox" value="include" defaultChecked={values.sandbox === "include"} onChange={apply} className="size-4" />
            Include sandbox answers
          </label>
        </>
      )}
    </UrlFilterForm>
  );
}
