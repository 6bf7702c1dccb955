"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { qualitySampleShare, REVIEW_RULE_CODES, REVIEW_RULE_LABELS, type ReviewRuleCode, type ReviewRuleSettings } from "@/lib/review/review-rule-settings";
import { listVendorsForCheck } from "@/lib/vendors/vendor-registry";
import { checkTypes } from "@/lib/vendors/types";
import { saveReviewRulesAction } from "../actions";

type Draft = Record<ReviewRuleCode, Record<string, string | boolean>>;

// Every vendor and check type it serves: one QA sampling share each (a percentage in the form).
const SAMPLE_PAIRS = checkTypes.flatMap((checkType) => listVendorsForCheck(checkType).map((vendor) => ({ checkType, vendor, key: `share:${checkType}:${vendor}` })));

function toDraft(settings: ReviewRuleSettings): Draft {
  const out = {} as Draft;
  for (const code of REVIEW_RULE_CODES) {
    out[code] = Object.fromEntries(Object.entries(settings[code]).flatMap(([k, v]) => (typeof v === "boolean" || typeof v === "number" || typeof v === "string" ? [[k, typeof v === "boolean" ? v : String(v)]] : [])));
  }
  for (const pair of SAMPLE_PAIRS) {
    const share = qualitySampleShare(settings, pair.checkType, pair.vendor);
    out.quality_sample[pair.key] = share ? String(Number((share * 100).toFixed(4))) : "0";
  }
  return out;
}

// The form's percentages back to the settings' shares (0–1); a field that is not a number is sent
// as is, so the server's validation names it.
function toSettingsInput(draft: Draft) {
  const { quality_sample: sample, ...rest } = draft;
  const shares = SAMPLE_PAIRS.flatMap(({ checkType, vendor, key }) => {
    const text = String(sample[key] ?? "").trim();
    if (text === "" || text === "0") return [];
    const percent = Number(text);
    return [{ checkType, vendor, share: Number.isFinite(percent) ? percent / 100 : text }];
  });
  const base = Object.fromEntries(Object.entries(sample).filter(([k]) => !k.startsWith("share:")));
  return { ...rest, quality_sample: { ...base, shares } };
}

// One row per rule: on/off, priority, SLA in minutes, and the rule's own setting where it has one.
export function ReviewRulesForm({ settings }: { settings: ReviewRuleSettings }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const set = (code: ReviewRuleCode, key: string, value: string | boolean) => setDraft((d) => ({ ...d, [code]: { ...d[code], [key]: value } }));
  const err = (code: ReviewRuleCode, key: string) => errors[`${code}.${key}`];

  function save(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveReviewRulesAction(toSettingsInput(draft));
      if (result.ok) {
        setErrors({});
        setMessage({ ok: true, text: `Saved as version ${result.data.version}.` });
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage({ ok: false, text: result.error });
      }
    });
  }

  return (
    <form onSubmit={save} className="flex max-w-4xl flex-col gap-4" noValidate>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Review rules</caption>
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-3 py-2">Rule</th>
              <th scope="col" className="px-3 py-2">On</th>
              <th scope="col" className="px-3 py-2">Priority (0–100)</th>
              <th scope="col" className="px-3 py-2">SLA (minutes)</th>
              <th scope="col" className="px-3 py-2">Rule setting</th>
            </tr>
          </thead>
          <tbody>
            {REVIEW_RULE_CODES.map((code) => (
              <tr key={code} className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800" data-rule={code}>
                <th scope="row" className="px-3 py-2 font-normal">
                  <span className="font-medium">{REVIEW_RULE_LABELS[code].title}</span>
                  <span className="block text-xs text-zinc-500">{REVIEW_RULE_LABELS[code].explanation}</span>
                </th>
                <td className="px-3 py-2">
                  <input type="checkbox" aria-label={`${REVIEW_RULE_LABELS[code].title} on`} checked={draft[code].enabled === true} onChange={(e) => set(code, "enabled", e.target.checked)} />
                </td>
                <td className="px-3 py-2">
                  <input aria-label={`${REVIEW_RULE_LABELS[code].title} priority`} inputMode="numeric" value={String(draft[code].priority)} onChange={(e) => set(code, "priority", e.target.value)} className={`${inputClass} w-20`} aria-invalid={Boolean(err(code, "priority"))} />
                  {err(code, "priority") ? <span className="block text-xs text-red-700">{err(code, "priority").join(" ")}</span> : null}
                </td>
                <td className="px-3 py-2">
                  <input aria-label={`${REVIEW_RULE_LABELS[code].title} SLA minutes`} inputMode="numeric" value={String(draft[code].slaMinutes)} onChange={(e) => set(code, "slaMinutes", e.target.value)} className={`${inputClass} w-24`} aria-invalid={Boolean(err(code, "slaMinutes"))} />
                  {err(code, "slaMinutes") ? <span className="block text-xs text-red-700">{err(code, "slaMinutes").join(" ")}</span> : null}
                </td>
                <td className="px-3 py-2 text-xs">
                  {code === "score_in_band" ? (
                    <label className="flex flex-col gap-1">
                      Extra margin around thresholds (0–0.2)
                      <input inputMode="decimal" value={String(draft[code].extraMargin)} onChange={(e) => set(code, "extraMargin", e.target.value)} className={`${inputClass} w-24`} aria-invalid={Boolean(err(code, "extraMargin"))} />
                      {err(code, "extraMargin") ? <span className="text-red-700">{err(code, "extraMargin").join(" ")}</span> : null}
                    </label>
                  ) : code === "vendor_error_triage" ? (
                    <label className="flex items-center gap-2">
                      <input type="checkbox" checked={draft[code].includeWarnings === true} onChange={(e) => set(code, "includeWarnings", e.target.checked)} />
                      Quality warnings too
                    </label>
                  ) : code === "quality_sample" ? (
                    <fieldset className="flex flex-col gap-1">
                      <legend className="mb-1">Share of automatic passes sampled (%)</legend>
                      {SAMPLE_PAIRS.map((pair) => {
                        const shareError = Object.keys(errors).some((k) => k.startsWith("quality_sample.shares"));
                        return (
                          <label key={pair.key} className="flex items-center justify-between gap-2">
                            <span>
                              {CHECK_TYPE_LABELS[pair.checkType].title} · {VENDOR_SHORT_NAMES[pair.vendor]}
                            </span>
                            <input
                              inputMode="decimal"
                              aria-label={`QA sample share, ${CHECK_TYPE_LABELS[pair.checkType].title}, ${VENDOR_SHORT_NAMES[pair.vendor]} (%)`}
                              value={String(draft.quality_sample[pair.key] ?? "0")}
                              onChange={(e) => set("quality_sample", pair.key, e.target.value)}
                              className={`${inputClass} h-7 w-20`}
                              aria-invalid={shareError}
                            />
                          </label>
                        );
                      })}
                      {Object.entries(errors)
                        .filter(([k]) => k.startsWith("quality_sample.shares"))
                        .map(([k, v]) => (
                          <span key={k} className="text-red-700">
                            {v.join(" ")}
                          </span>
                        ))}
                    </fieldset>
                  ) : (
                    <span className="text-zinc-400">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save as a new version"}
        </Button>
        {message ? (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700 dark:text-emerald-400" : "text-sm text-red-700 dark:text-red-400"}>
            {message.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
