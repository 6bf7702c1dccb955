"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { isFinished, isSettled, progressSchema, progressSignature } from "@/lib/verifications/progress-signature";

const POLL_MS = 1500;
const POLL_AFTER_ERROR_MS = 5000;

// While the verification is queued or running, or its thumbnails are not made yet, asks the API for
// its state every ~1.5 s and re-renders the page (router.refresh) when something changed. Stops once
// every vendor answered and every file has its thumbnail, or at `followUntil` (epoch ms) when a
// thumbnail never comes (e.g. a video without ffmpeg).
export function LiveStatus({ id, active, signature, finished = false, followUntil = 0 }: { id: string; active: boolean; signature: string; finished?: boolean; followUntil?: number }) {
  const router = useRouter();
  const seen = useRef(signature);
  const [problem, setProblem] = useState<string | null>(null);
  const [vendorsDone, setVendorsDone] = useState(finished);

  useEffect(() => {
    seen.current = signature;
  }, [signature]);

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();

    async function poll() {
      let delay = POLL_MS;
      try {
        const response = await fetch(`/api/v1/verifications/${id}`, { cache: "no-store", signal: controller.signal, headers: { Accept: "application/json" } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const parsed = progressSchema.safeParse(await response.json());
        if (!parsed.success) throw new Error("unexpected answer");
        setProblem(null);
        const next = progressSignature(parsed.data);
        if (next !== seen.current) {
          seen.current = next;
          router.refresh();
        }
        setVendorsDone(isFinished(parsed.data.status));
        if (isSettled(parsed.data) || (isFinished(parsed.data.status) && Date.now() > followUntil)) return;
      } catch (error) {
        if (controller.signal.aborted) return;
        setProblem(error instanceof Error ? error.message : "network error");
        delay = POLL_AFTER_ERROR_MS;
      }
      if (!stopped) timer = setTimeout(() => void poll(), delay);
    }

    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [active, id, router, followUntil]);

  if (!active) return null;
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-sky-800 dark:text-sky-300" data-testid="live-status">
      <span className="inline-block size-2 animate-pulse rounded-full bg-sky-600" aria-hidden />
      {problem
        ? `Live updates paused (${problem}); retrying…`
        : vendorsDone
          ? "Making thumbnails: this page updates when they are ready."
          : "Following live: this page updates as vendors answer."}
    </p>
  );
}
