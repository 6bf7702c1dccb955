"use client";

import { FilterSelect, UrlFilterForm, optionsOf } from "@/components/data-table/url-filter-form";
import { inputClass } from "@/components/ui/field";
import { CHECK_TYPE_LABELS, SOURCE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { checkTypes, vendorIds } from "@/lib/vendors/types";
import { cn } from "@/components/ui/cn";

const FILTER_KEYS = ["checkType", "vendor", "outcome", "source", "from", "to", "reference"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterValues = Partial<Record<FilterKey, string>>;

const CHECK_TYPE_OPTIONS = checkTypes.map((t) => ({ value: t, label: CHECK_TYPE_LABELS[t].title }));
const VENDOR_OPTIONS = vendorIds.map((v) => ({ value: v, label: VENDOR_SHORT_NAMES[v] }));
const OUTCOME_OPTIONS = ["pass", "review", "fail", "error"].map((o) => ({ value: o, label: o }));

export function VerificationFilters({ values }: { values: FilterValues }) {
  return (
    <UrlFilterForm keys={FILTER_KEYS} values={values} label="Filter verifications">
      {(apply) => (
        <>
          <FilterSelect label="Check type" name="checkType" value={values.checkType} options={CHECK_TYPE_OPTIONS} onChange={apply} />
          <FilterSelect label="Vendor" name="vendor" value={values.vendor} options={VENDOR_OPTIONS} onChange={apply} />
          <FilterSelect label="Outcome" name="outcome" value={values.outcome} options={OUTCOME_OPTIONS} onChange={apply} />
          <FilterSelect label="Source" name="source" value={values.source} options={optionsOf(SOURCE_LABELS)} onChange={apply} />
          <label className="flex flex-col gap-1 text-sm">
            From (UTC)
            <input type="date" name="from" defaultValue={values.from ?? ""} onChange={apply} className={cn(inputClass, "w-40")} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            To (UTC)
            <input type="date" name="to" defaultValue={values.to ?? ""} onChange={apply} className={cn(inputClass, "w-40")} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Reference contains
            <input type="search" name="reference" defaultValue={values.reference ?? ""} maxLength={200} placeholder="subject id" className={cn(inputClass, "w-52")} />
          </label>
        </>
      )}
    </UrlFilterForm>
  );
}
