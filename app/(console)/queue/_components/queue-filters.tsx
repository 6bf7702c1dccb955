"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/components/verifications/verification-labels";
import { REVIEW_RULE_CODES, REVIEW_RULE_LABELS } from "@/lib/review/review-rule-settings";
import { checkTypes, vendorIds } from "@/lib/vendors/types";

const FILTER_KEYS = ["rule", "checkType", "vendor", "assignee", "age", "sla", "reference", "sort"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const selectClass = `${inputClass} w-auto min-w-32`;

const AGE_LABELS = { lt1h: "Under 1 hour", lt24h: "Under 24 hours", gt24h: "Over 24 hours", gt7d: "Over 7 days" } as const;
const SLA_LABELS = { breached: "Overdue", due_soon: "Due within an hour", ok: "On time", none: "No SLA" } as const;
const SORT_LABELS = { priority: "Priority, then oldest", oldest: "Oldest first", newest: "Newest first", sla: "SLA due first" } as const;

// Filters live in the URL; changing one starts again at the first page but keeps the status tab.
export function QueueFilters({ values, reviewers }: { values: Partial<Record<FilterKey, string>>; reviewers: { id: string; email: string }[] }) {
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
      if (value && !(key === "sort" && value === "priority")) params.set(key, value);
      else params.delete(key);
    }
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  function clear() {
    const params = new URLSearchParams(searchParams.toString());
    for (const key of [...FILTER_KEYS, "cursor"]) params.delete(key);
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  const key = FILTER_KEYS.map((k) => values[k] ?? "").join("|");
  return (
    <form
      key={key}
      ref={formRef}
      role="search"
      aria-label="Filter cases"
      className="mb-3 flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        Rule
        <select name="rule" defaultValue={values.rule ?? ""} onChange={apply} className={selectClass}>
          <option value="">All</option>
          {REVIEW_RULE_CODES.map((r) => (
            <option key={r} value={r}>
              {REVIEW_RULE_LABELS[r].title}
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
        Assignee
        <select name="assignee" defaultValue={values.assignee ?? ""} onChange={apply} className={selectClass}>
          <option value="">Anyone</option>
          <option value="mine">Mine</option>
          <option value="unassigned">Unassigned</option>
          {reviewers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.email}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Age
        <select name="age" defaultValue={values.age ?? ""} onChange={apply} className={selectClass}>
          <option value="">Any</option>
          {Object.entries(AGE_LABELS).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        SLA
        <select name="sla" defaultValue={values.sla ?? ""} onChange={apply} className={selectClass}>
          <option value="">Any</option>
          {Object.entries(SLA_LABELS).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Sort
        <select name="sort" defaultValue={values.sort ?? "priority"} onChange={apply} className={selectClass}>
          {Object.entries(SORT_LABELS).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Reference contains
        <input type="search" name="reference" defaultValue={values.reference ?? ""} maxLength={200} placeholder="subject id" className={`${inputClass} w-44`} />
      </label>
      <Button type="submit">Apply</Button>
      <Button type="button" variant="ghost" onClick={clear}>
        Clear
      </Button>
    </form>
  );
}
