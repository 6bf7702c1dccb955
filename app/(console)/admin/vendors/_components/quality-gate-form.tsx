"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { QualityGateSetting } from "@/lib/quality-gate/quality-gate-settings";
import { saveQualityGateAction } from "../actions";

// "Check quality first" per check type: the paid vendors wait for Verdict's engine and are not
// called when it finds the media unusable (no face, several faces, wrong angle, unusable picture).
export function QualityGateForm({ settings }: { settings: QualityGateSetting[] }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  function save(checkType: string, form: HTMLFormElement) {
    const data = new FormData(form);
    startTransition(async () => {
      const result = await saveQualityGateAction({ checkType, apiTraffic: data.get("apiTraffic") === "on", consoleUploads: data.get("consoleUploads") === "on" });
      setMessage(result.ok ? { tone: "ok", text: `Saved for ${checkType}.` } : { tone: "error", text: result.error });
    });
  }

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
          <form
            key={s.checkType}
            aria-label={`Check quality first for ${s.checkType}`}
            onSubmit={(e) => {
              e.preventDefault();
              save(s.checkType, e.currentTarget);
            }}
            className="flex flex-wrap items-center gap-4 text-sm"
          >
            <code className="w-36">{s.checkType}</code>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="consoleUploads" defaultChecked={s.consoleUploads} className="size-4" /> console uploads
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="apiTraffic" defaultChecked={s.apiTraffic} className="size-4" /> API traffic
            </label>
            <Button type="submit" size="sm" variant="secondary" disabled={pending}>
              Save
            </Button>
          </form>
        ))}
      </div>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className="text-sm">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
