"use client";

import { FilterSelect, UrlFilterForm, optionsOf } from "@/components/data-table/url-filter-form";
import { inputClass } from "@/components/ui/field";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { REVIEW_RULE_CODES, REVIEW_RULE_LABELS } from "@/lib/review/review-rule-settings";
import { checkTypes, vendorIds } from "@/lib/vendors/types";
import { cn } from "@/components/ui/cn";

const FILTER_KEYS = ["rule", "checkType", "vendor", "assignee", "age", "sla", "reference", "sort"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const AGE_LABELS = { lt1h: "Under 1 hour", lt24h: "Under 24 hours", gt24h: "Over 24 hours", gt7d: "Over 7 days" };
const SLA_LABELS = { breached: "Overdue", due_soon: "Due within an hour", ok: "On time", none: "No SLA" };
const SORT_LABELS = { priority: "Priority, then oldest", oldest: "Oldest first", newest: "Newest first", sla: "SLA due first" };

const RULE_OPTIONS = REVIEW_RULE_CODES.map((r) => ({ value: r, label: REVIEW_RULE_LABELS[r].title }));
const CHECK_TYPE_OPTIONS = checkTypes.map((t) => ({ value: t, label: CHECK_TYPE_LABELS[t].title }));
const VENDOR_OPTIONS = vendorIds.map((v) => ({ value: v, label: VENDOR_SHORT_NAMES[v] }));

// Filters live in the URL; changing one starts again at the first page but keeps the status tab.
export function QueueFilters({ values, reviewers }: { values: Partial<Record<FilterKey, string>>; reviewers: { id: string; email: string }[] }) {
  const assignees = [{ value: "mine", label: "Mine" }, { value: "unassigned", label: "Unassigned" }, ...reviewers.map((r) => ({ value: r.id, label: r.email }))];
  return (
    <UrlFilterForm keys={FILTER_KEYS} values={values} label="Filter cases" omitWhen={{ sort: "priority" }}>
      {(apply) => (
        <>
          <FilterSelect label="Rule" name="rule" value={values.rule} options={RULE_OPTIONS} onChange={apply} />
          <FilterSelect label="Check type" name="checkType" value={values.checkType} options={CHECK_TYPE_OPTIONS} onChange={apply} />
          <FilterSelect label="Vendor" name="vendor" value={values.vendor} options={VENDOR_OPTIONS} onChange={apply} />
          <FilterSelect label="Assignee" name="assignee" value={values.assignee} options={assignees} anyLabel="Anyone" onChange={apply} />
          <FilterSelect label="Age" name="age" value={values.age} options={optionsOf(AGE_LABELS)} anyLabel="Any" onChange={apply} />
          <FilterSelect label="SLA" name="sla" value={values.sla} options={optionsOf(SLA_LABELS)} anyLabel="Any" onChange={apply} />
          <FilterSelect label="Sort" name="sort" value={values.sort ?? "priority"} options={optionsOf(SORT_LABELS)} anyLabel={null} onChange={apply} />
          <label className="flex flex-col gap-1 text-sm">
            Reference contains
            <input type="search" name="reference" defaultValue={values.reference ?? ""} maxLength={200} placeholder="subject id" className={cn(inputClass, "w-44")} />
          </label>
        </>
      )}
    </UrlFilterForm>
  );
}
