"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { disableTotpAction, enableTotpAction } from "../actions";

export function EnableTotpForm({ sealedSecret, secretBase32, qrDataUrl }: { sealedSecret: string; secretBase32: string; qrDataUrl: string }) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(enableTotpAction, {
    fields: ["code", "password"],
    onSuccess: (data) => setCodes(data.recoveryCodes),
  });
  if (codes) {
    return (
      <div className="flex flex-col gap-3" data-testid="recovery-codes">
        <p className="text-sm font-medium">Second factor on. Keep these recovery codes somewhere safe: each works once, and they are shown only now.</p>
        <ul className="grid max-w-sm grid-cols-2 gap-1 font-mono text-sm">
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div>
          <Button type="button" onClick={() => router.push("/queue")}>
            Done
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex max-w-md flex-col gap-4" noValidate>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Scan this code with an authenticator app (or type the key), then enter the code it shows.</p>
      {/* A data URL made on the server: no third-party request. */}
      <img src={qrDataUrl} alt="QR code for your authenticator app" width={200} height={200} className="rounded border border-zinc-200 bg-white p-1" />
      <p className="text-xs text-zinc-500">
        Key: <code data-testid="totp-secret" className="break-all font-mono">{secretBase32}</code>
      </p>
      <input type="hidden" name="sealedSecret" value={sealedSecret} />
      <Field label="Code from the app" error={fieldErrors.code}>
        {(p) => <input {...p} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} className={inputClass} />}
      </Field>
      <Field label="Your password" error={fieldErrors.password}>
        {(p) => <input {...p} name="password" type="password" autoComplete="current-password" maxLength={256} className={inputClass} />}
      </Field>
      <FormError error={formError} />
      <div>
        <SubmitButton pending={pending} pendingLabel="Checking…">
          Turn on second factor
        </SubmitButton>
      </div>
    </form>
  );
}

export function DisableTotpForm() {
  const router = useRouter();
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(disableTotpAction, { fields: ["password"], onSuccess: () => router.refresh() });
  return (
    <form onSubmit={onSubmit} className="flex max-w-md flex-col gap-4" noValidate>
      <Field label="Your password" error={fieldErrors.password}>
        {(p) => <input {...p} name="password" type="password" autoComplete="current-password" maxLength={256} className={inputClass} />}
      </Field>
      <FormError error={formError} />
      <div>
        <SubmitButton variant="secondary" pending={pending} pendingLabel="Removing…">
          Remove second factor
        </SubmitButton>
      </div>
    </form>
  );
}
