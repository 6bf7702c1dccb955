import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getEnv, isOidcConfigured } from "@/lib/config/env";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getCurrentUser()) redirect("/queue");
  const params = await searchParams;
  const error = typeof params.error === "string" ? params.error : undefined;
  const env = getEnv();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mb-6">
          <p className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
            <img src="/favicon.svg" alt="" width={28} height={28} className="size-7" />
            Verdict
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Sign in to the review console.</p>
        </div>
        <LoginForm initialError={error} sso={isOidcConfigured(env) ? { name: env.OIDC_NAME } : null} />
      </div>
    </main>
  );
}
