import type { Metadata } from "next";
import { headers } from "next/headers";
import { ThemeProvider } from "@/components/app-shell/theme-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Verdict", template: "%s · Verdict" },
  description: "Review console for eKYC face checks",
  // public/favicon.svg; /favicon.ico (asked for by browsers on their own) is rewritten to it in next.config.js.
  icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }] },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The per-request nonce proxy.ts put in the Content-Security-Policy, for next-themes' inline script.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <ThemeProvider nonce={nonce}>{children}</ThemeProvider>
      </body>
    </html>
  );
}
