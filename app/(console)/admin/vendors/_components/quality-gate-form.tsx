"use client";

import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import type { QualityGateSetting } from "@/lib/quality-gate/quality-gate-settings";
import { saveQualityGateAction } from "../actions";

// "Check quality first" per check type: the paid vendors wait for Verdict's engine and are not
// called when it finds the media unusable (no face, several faces, wrong angle, unusable picture).
export function QualityGateForm({ settings }: { settings: QualityGateSetting[] }) {
  return (
    <div className="mt-6 flex flex-col gap-2" aria-labelledby="quality-gate-heading">
      <h3 id="quality-gate-heading" className="font-medium">
        Check quality first
      </h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The paid vendors wait for this engine&apos;s reading of the media; when it finds no face, several faces, a wrong angle or an unusable picture, they are not
        called and the verification ends with the engine&apos;s reasons.
      </p>
      <div className="flex flex-col gap-2">
        {settings.map((s) => (
          <QualityGateRow key={s.checkType} setting={s} />
        ))}
      </div>
    </div>
  );
}

function QualityGateRow({ setting }: { setting: QualityGateSetting }) {
  const { pending, data, formError, onSubmit } = useServerAction(saveQualityGateAction, {
    fromForm: (form) => ({ checkType: setting.checkType, apiTraffic: form.get("apiTraffic") === "on", consoleUploads: form.get("consoleUploads") === "on" }),
  });
  return (
    <form aria-label={`Check quality first for ${setting.checkType}`} onSubmit={onSubmit} className="flex flex-wrap items-center gap-4 text-sm">
      <code className="w-36">{setting.checkType}</code>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="consoleUploads" defaultChecked={setting.consoleUploads} className="size-4" /> console uploads
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="apiTraffic" defaultChecked={setting.apiTraffic} className="size-4" /> API traffic
      </label>
      <SubmitButton size="sm" variant="secondary" pending={pending}>
        Save
      </SubmitButton>
      {data ? <p role="status">Saved for {data.checkType}.</p> : null}
      <FormError error={formError} />
    </form>
  );
}
