import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed" };

// Rendered, with HTTP 403, when a page calls forbidden() (requirePageUser without the role).
export default function Forbidden() {
  return (
    <div className="max-w-lg">
      <h1 className="text-xl font-semibold">Your role does not give access to this page</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Ask an admin if you need it. <Link href="/queue" className="underline">Back to the queue</Link>.
      </p>
    </div>
  );
}
