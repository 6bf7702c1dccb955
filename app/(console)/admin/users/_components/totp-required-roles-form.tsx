"use client";

import { useState } from "react";
import { FormError, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/users/role-list";
import { setTotpRequiredRolesAction } from "../actions";

// Which roles must sign in with a second factor (password accounts; SSO relies on the identity provider).
export function TotpRequiredRolesForm({ initial }: { initial: Role[] }) {
  const [roles, setRoles] = useState<Role[]>(initial);
  const { pending, data, formError, run } = useServerAction(setTotpRequiredRolesAction);

  return (
    <section aria-labelledby="totp-roles" className="max-w-xl rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="totp-roles" className="mb-1 font-medium">
        Second factor required for
      </h2>
      <p className="mb-3 text-xs text-zinc-500">Password accounts of these roles must set up an authenticator app; single sign-on accounts rely on their identity provider.</p>
      <div className="mb-3 flex flex-wrap gap-4">
        {ROLES.map((role) => (
          <label key={role} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => setRoles((current) => (e.target.checked ? [...current, role] : current.filter((r) => r !== role)))}
            />
            {role}
          </label>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button type="button" onClick={() => run({ roles })} disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        {data ? (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            Saved. Users of these roles without a second factor are asked to set one up.
          </p>
        ) : null}
        <FormError error={formError} />
      </div>
    </section>
  );
}
