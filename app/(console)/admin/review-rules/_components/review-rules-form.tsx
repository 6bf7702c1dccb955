"use client";

import { useId, useState } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { FieldError, fieldErrorProps, inputClass } from "@/components/ui/field";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { qualitySampleShare, REVIEW_RULE_CODES, REVIEW_RULE_LABELS, type ReviewRuleCode, type ReviewRuleSettings } from "@/lib/review/review-rule-settings";
import { listVendorsForCheck } from "@/lib/vendors/vendor-registry";
import { checkTypes } from "@/lib/vendors/types";
import { saveReviewRulesAction } from "../actions";
import { cn } from "@/components/ui/cn";

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

// The settings each row shows an input for; errors of these stand beside their input.
const SHOWN_FIELDS = [
  ...REVIEW_RULE_CODES.flatMap((code) => [`${code}.priority`, `${code}.slaMinutes`]),
  "score_in_band.extraMargin",
  "blocked_face.similarityAbove",
  "duplicate_face.similarityAbove",
  "face_changed.similarityBelow",
  "quality_sample.shares",
];

const similarityKey = (code: ReviewRuleCode) => (code === "face_changed" ? "similarityBelow" : "similarityAbove");

// A text input of the table with its error under it.
function RuleInput({ error, className, ...props }: { error?: string[]; className: string; value: string; onChange: (value: string) => void; inputMode: "numeric" | "decimal"; "aria-label"?: string }) {
  const errorId = useId();
  return (
    <>
      <input {...props} onChange={(e) => props.onChange(e.target.value)} className={cn(inputClass, className)} {...fieldErrorProps(errorId, error)} />
      <FieldError id={errorId} error={error} className="block" />
    </>
  );
}

// One row per rule: on/off, priority, SLA in minutes, and the rule's own setting where it has one.
export function ReviewRulesForm({ settings }: { settings: ReviewRuleSettings }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const { pending, data, fieldErrors: errors, formError, onSubmit } = useServerAction(saveReviewRulesAction, {
    fields: SHOWN_FIELDS,
    // The table is long: the error beside the save button says to look for the fields.
    summary: true,
    fromForm: () => toSettingsInput(draft),
  });
  const sharesErrorId = useId();

  const set = (code: ReviewRuleCode, key: string, value: string | boolean) => setDraft((d) => ({ ...d, [code]: { ...d[code], [key]: value } }));
  const err = (code: ReviewRuleCode, key: string): string[] | undefined => errors[`${code}.${key}`];
  // The shares are sent as a list of the non-zero ones: their errors are shown for the group.
  const sharesError = Object.entries(errors).flatMap(([k, v]) => (k.startsWith("quality_sample.shares") ? v : []));

  return (
    <form onSubmit={onSubmit} className="flex max-w-4xl flex-col gap-4" noValidate>
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
                  <RuleInput aria-label={`${REVIEW_RULE_LABELS[code].title} priority`} inputMode="numeric" value={String(draft[code].priority)} onChange={(v) => set(code, "priority", v)} className="w-20" error={err(code, "priority")} />
                </td>
                <td className="px-3 py-2">
                  <RuleInput aria-label={`${REVIEW_RULE_LABELS[code].title} SLA minutes`} inputMode="numeric" value={String(draft[code].slaMinutes)} onChange={(v) => set(code, "slaMinutes", v)} className="w-24" error={err(code, "slaMinutes")} />
                </td>
                <td className="px-3 py-2 text-xs">
                  {code === "score_in_band" ? (
                    <label className="flex flex-col gap-1">
                      Extra margin around thresholds (0–0.2)
                      <RuleInput inputMode="decimal" value={String(draft[code].extraMargin)} onChange={(v) => set(code, "extraMargin", v)} className="w-24" error={err(code, "extraMargin")} />
                    </label>
                  ) : code === "blocked_face" || code === "duplicate_face" || code === "face_changed" ? (
                    <label className="flex flex-col gap-1">
                      {code === "face_changed" ? "Similarity below (0.3–0.99)" : "Similarity at or above (0.3–0.99)"}
                      <RuleInput
                        inputMode="decimal"
                        value={String(draft[code][similarityKey(code)])}
                        onChange={(v) => set(code, similarityKey(code), v)}
                        className="w-24"
                        error={err(code, similarityKey(code))}
                      />
                    </label>
                  ) : code === "vendor_error_triage" ? (
                    <label className="flex items-center gap-2">
                      <input type="checkbox" checked={draft[code].includeWarnings === true} onChange={(e) => set(code, "includeWarnings", e.target.checked)} />
                      Quality warnings too
                    </label>
                  ) : code === "quality_sample" ? (
                    <fieldset className="flex flex-col gap-1">
                      <legend className="mb-1">Share of automatic passes sampled (%)</legend>
                      {SAMPLE_PAIRS.map((pair) => (
                        <label key={pair.key} className="flex items-center justify-between gap-2">
                          <span>
                            {CHECK_TYPE_LABELS[pair.checkType].title} · {VENDOR_SHORT_NAMES[pair.vendor]}
                          </span>
                          <input
                            inputMode="decimal"
                            aria-label={`QA sample share, ${CHECK_TYPE_LABELS[pair.checkType].title}, ${VENDOR_SHORT_NAMES[pair.vendor]} (%)`}
                            value={String(draft.quality_sample[pair.key] ?? "0")}
                            onChange={(e) => set("quality_sample", pair.key, e.target.value)}
                            className={cn(inputClass, "h-7 w-20")}
                            {...fieldErrorProps(sharesErrorId, sharesError)}
                          />
                        </label>
                      ))}
                      <FieldError id={sharesErrorId} error={sharesError} />
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
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save as a new version
        </SubmitButton>
        {data ? (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Saved as version {data.version}.
          </p>
        ) : null}
        <FormError error={formError} />
      </div>
    </form>
  );
}
