"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formText } from "@/lib/validation/form-text";
import { cn } from "@/components/ui/cn";

// Filter bars of the server-driven tables: every filter lives in the URL, the server parses it and
// runs the query. Changing a filter starts again at the first page (the cursor belongs to the old
// result) and keeps every other parameter (status tab, sort, hidden columns…).
const PAGE_PARAMS = ["cursor", "before"];

type FormControlEvent = { currentTarget: { form: HTMLFormElement | null } };

export interface FilterOption {
  value: string;
  label: string;
}

export const filterSelectClass = cn(inputClass, "w-auto min-w-32");

export function optionsOf(entries: Record<string, string>): FilterOption[] {
  return Object.entries(entries).map(([value, label]) => ({ value, label }));
}

export function UrlFilterForm({
  keys,
  values,
  label,
  omitWhen = {},
  children,
}: {
  keys: readonly string[];
  values: Partial<Record<string, string>>;
  label: string;
  /** A value that is the default and need not be in the URL, e.g. { sort: "priority" }. */
  omitWhen?: Record<string, string>;
  /** `apply` is the change handler of a filter control: it reads the control's form. */
  children: (apply: (event: FormControlEvent) => void) => React.ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);

  function navigate(params: URLSearchParams) {
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  function apply(form: HTMLFormElement | null) {
    if (!form) return;
    const data = new FormData(form);
    const params = new URLSearchParams(searchParams.toString());
    for (const key of PAGE_PARAMS) params.delete(key);
    for (const key of keys) {
      const value = formText(data, key).trim();
      if (value && omitWhen[key] !== value) params.set(key, value);
      else params.delete(key);
    }
    navigate(params);
  }

  function clear() {
    const params = new URLSearchParams(searchParams.toString());
    for (const key of [...keys, ...PAGE_PARAMS]) params.delete(key);
    formRef.current?.reset();
    navigate(params);
  }

  // Keyed by the URL's filters so the inputs show the applied values after back/forward.
  const formKey = keys.map((k) => values[k] ?? "").join("|");
  return (
    <form
      key={formKey}
      ref={formRef}
      role="search"
      aria-label={label}
      className="mb-4 flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
    >
      {children((event) => apply(event.currentTarget.form))}
      <Button type="submit">Apply</Button>
      <Button type="button" variant="ghost" onClick={clear}>
        Clear
      </Button>
    </form>
  );
}

// A labelled select that applies as soon as it changes. `anyLabel` adds the "no filter" choice.
export function FilterSelect({
  label,
  name,
  value,
  options,
  anyLabel = "All",
  onChange,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: FilterOption[];
  anyLabel?: string | null;
  onChange: (event: FormControlEvent) => void;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <select name={name} defaultValue={value ?? ""} onChange={onChange} className={filterSelectClass}>
        {anyLabel !== null ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
