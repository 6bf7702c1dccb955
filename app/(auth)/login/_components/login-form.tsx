"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { formText } from "@/lib/validation/form-text";

// One message for a wrong email and a wrong password: never say which one was wrong.
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  CodeRequired: "Code required: enter the 6-digit code from your authenticator app, or a recovery code.",
  WrongCode: "Wrong code. Enter the current code from your authenticator app, or an unused recovery code.",
  AccessDenied: "Your single sign-on account has no access to Verdict. Ask an admin to add you.",
  SessionRequired: "Sign in to continue.",
};

function waitInWords(seconds: number) {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

function messageFor(code: string | undefined) {
  if (!code) return null;
  // "LockedOut:<seconds>": the sign-in back-off (a browser that signed in before is not held back).
  const locked = /^LockedOut(?::(\d+))?$/.exec(code);
  if (locked) {
    const wait = locked[1] ? `Try again in ${waitInWords(Number(locked[1]))}` : "Try again later";
    return `Too many failed sign-in attempts. ${wait}, or sign in from a browser you have used with Verdict before.`;
  }
  return MESSAGES[code] ?? "Sign-in failed. Try again.";
}

export function LoginForm({ initialError, sso }: { initialError?: string; sso: { name: string } | null }) {
  const router = useRouter();
  const [error, setError] = useState(messageFor(initialError));
  const [pending, setPending] = useState(false);
  // After a right password on an account with a second factor, the form asks for the code.
  const [askCode, setAskCode] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: formText(form, "email"),
      password: formText(form, "password"),
      ...(askCode ? { code: formText(form, "code") } : {}),
    });
    if (result?.ok && !result.error) {
      router.replace("/queue");
      router.refresh();
      return;
    }
    setPending(false);
    const code = result?.error ?? "CredentialsSignin";
    if (code === "CodeRequired" || code === "WrongCode") setAskCode(true);
    setError(messageFor(code));
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <Field label="Email">
          {(props) => (
            <input {...props} name="email" type="email" autoComplete="username" required maxLength={254} className={inputClass} autoFocus />
          )}
        </Field>
        <Field label="Password">
          {(props) => (
            <input {...props} name="password" type="password" autoComplete="current-password" required maxLength={256} className={inputClass} />
          )}
        </Field>
        {askCode ? (
          <Field label="Authentication code" hint="6 digits from your authenticator app, or a recovery code.">
            {(props) => (
              <input {...props} name="code" inputMode="text" autoComplete="one-time-code" required maxLength={32} className={inputClass} autoFocus />
            )}
          </Field>
        ) : null}
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {sso ? (
        <Button variant="secondary" onClick={() => signIn("oidc", { callbackUrl: "/queue" })}>
          Continue with {sso.name}
        </Button>
      ) : null}
    </div>
  );
}
