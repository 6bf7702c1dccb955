import { sendOnce } from "@/lib/vendors/http/send-once";
import { isSandboxResponse, SANDBOX_HEADER } from "@/lib/vendors/http/sandbox-header";
import type { Attempt } from "@/lib/vendors/types";

export type WireRequest = {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: FormData | string;
};

export type WireResponse = { status: number; contentType: string | null; bodyText: string };

export type TransportResult =
  | { kind: "response"; response: WireResponse; attempts: Attempt[]; latencyMs: number }
  | { kind: "network_error"; error: "timeout" | "network"; message: string; attempts: Attempt[]; latencyMs: number };

export type RetryOptions = {
  timeoutMs: number;
  maxRetries: number;
  backoffMs: number;
  /** Injected for tests of the backoff schedule; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests of the jitter; defaults to Math.random. */
  random?: () => number;
  /**
   * Awaited before every attempt after the first (the caller records it durably before it is
   * sent); when it throws, nothing more is sent and the error propagates.
   */
  beforeRetry?: (attemptNumber: number) => Promise<void>;
  /** An answer to retry like a 5xx (an HTML page, a truncated body). */
  isUnusableAnswer?: (response: WireResponse) => boolean;
};

/** A Retry-After longer than this is not waited for in the call: the job's own retry comes later. */
export const MAX_RETRY_AFTER_MS = 30_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff: backoffMs, 2×, 4×…, capped at 10 s. */
export function computeBackoffMs(backoffMs: number, retryNumber: number): number {
  return Math.min(10_000, backoffMs * 2 ** (retryNumber - 1));
}

/** Backoff with jitter: between half and all of computeBackoffMs, so retries of many calls spread out. */
export function jitteredBackoffMs(backoffMs: number, retryNumber: number, random: () => number = Math.random): number {
  const full = computeBackoffMs(backoffMs, retryNumber);
  return Math.round(full / 2 + (full / 2) * random());
}

/** Retry-After in ms (delta seconds or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfterMs(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function describeNetworkError(error: unknown): { error: "timeout" | "network"; message: string } {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return { error: "timeout", message: "timeout" };
  }
  if (error instanceof Error) {
    // The socket's error (ECONNREFUSED, ECONNRESET), or undici's own (UND_ERR_SOCKET "other side
    // closed", a body shorter than its Content-Length), sometimes wrapping the socket's in `cause`.
    const codeOf = (e: Error) => ("code" in e && typeof e.code === "string" ? e.code : null);
    const cause = error.cause instanceof Error ? error.cause : null;
    const parts = [codeOf(error), error.message, cause ? [codeOf(cause), cause.message].filter(Boolean).join(" ") : null];
    return { error: "network", message: parts.filter(Boolean).join(": ") };
  }
  return { error: "network", message: String(error) };
}

/**
 * Sends a request built fresh for every attempt (a multipart body cannot be replayed safely),
 * with a per-attempt timeout covering headers and body, retrying network errors, timeouts, 5xx,
 * unusable answers (HTML, truncated) and a 429 that says when to come back (Retry-After, up to
 * MAX_RETRY_AFTER_MS). Waits between attempts back off exponentially with jitter, or follow the
 * vendor's Retry-After when it asks for longer.
 */
export async function sendWithRetries(buildRequest: () => WireRequest, options: RetryOptions): Promise<TransportResult> {
  const sleep = options.sleep ?? defaultSleep;
  const attempts: Attempt[] = [];
  const started = performance.now();
  let waitMs = 0;
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    if (attemptNumber > 1) {
      await sleep(waitMs);
      await options.beforeRetry?.(attemptNumber);
    }
    const request = buildRequest();
    const startedAt = new Date().toISOString();
    const attemptStart = performance.now();
    const isLastAttempt = attemptNumber > options.maxRetries;
    try {
      const response = await sendOnce(request, options.timeoutMs);
      const { bodyText } = response;
      attempts.push({
        attempt: attemptNumber,
        startedAt,
        latencyMs: Math.round(performance.now() - attemptStart),
        httpStatus: response.status,
        networkError: null,
        // Recorded here, below the adapters: they never learn that a sandbox answered.
        ...(isSandboxResponse(response.header(SANDBOX_HEADER)) ? { sandbox: true } : {}),
      });
      const wire: WireResponse = { status: response.status, contentType: response.header("content-type"), bodyText };
      const retryAfterMs = parseRetryAfterMs(response.header("retry-after"));
      const retryable = response.status >= 500 || (response.status === 429 && retryAfterMs !== null) || (options.isUnusableAnswer?.(wire) ?? false);
      if (retryable && !isLastAttempt && (retryAfterMs === null || retryAfterMs <= MAX_RETRY_AFTER_MS)) {
        waitMs = Math.max(jitteredBackoffMs(options.backoffMs, attemptNumber, options.random), retryAfterMs ?? 0);
        continue;
      }
      return {
        kind: "response",
        response: wire,
        attempts,
        latencyMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      const described = describeNetworkError(error);
      attempts.push({
        attempt: attemptNumber,
        startedAt,
        latencyMs: Math.round(performance.now() - attemptStart),
        httpStatus: null,
        networkError: described.message,
      });
      if (!isLastAttempt) {
        waitMs = jitteredBackoffMs(options.backoffMs, attemptNumber, options.random);
        continue;
      }
      return { kind: "network_error", ...described, attempts, latencyMs: Math.round(performance.now() - started) };
    }
  }
}
