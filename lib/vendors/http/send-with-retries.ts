import { isSandboxResponse } from "@/lib/vendors/http/sandbox-header";
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
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff: backoffMs, 2×, 4×…, capped at 10 s. */
export function computeBackoffMs(backoffMs: number, retryNumber: number): number {
  return Math.min(10_000, backoffMs * 2 ** (retryNumber - 1));
}

function describeNetworkError(error: unknown): { error: "timeout" | "network"; message: string } {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return { error: "timeout", message: "timeout" };
  }
  if (error instanceof Error) {
    // undici wraps the socket error in `cause` (ECONNRESET, ECONNREFUSED, "other side closed").
    const cause = error.cause instanceof Error ? error.cause : null;
    const code = cause && "code" in cause && typeof cause.code === "string" ? cause.code : null;
    const detail = cause ? [code, cause.message].filter(Boolean).join(" ") : null;
    return { error: "network", message: detail ? `${error.message}: ${detail}` : error.message };
  }
  return { error: "network", message: String(error) };
}

/**
 * Sends a request built fresh for every attempt (a multipart body cannot be replayed safely),
 * with a per-attempt timeout covering headers and body, retrying network errors, timeouts and 5xx only.
 */
export async function sendWithRetries(buildRequest: () => WireRequest, options: RetryOptions): Promise<TransportResult> {
  const sleep = options.sleep ?? defaultSleep;
  const attempts: Attempt[] = [];
  const started = performance.now();
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    const request = buildRequest();
    const startedAt = new Date().toISOString();
    const attemptStart = performance.now();
    const isLastAttempt = attemptNumber > options.maxRetries;
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: "manual",
      });
      const bodyText = await response.text();
      attempts.push({
        attempt: attemptNumber,
        startedAt,
        latencyMs: Math.round(performance.now() - attemptStart),
        httpStatus: response.status,
        networkError: null,
        // Recorded here, below the adapters: they never learn that a sandbox answered.
        ...(isSandboxResponse(response.headers) ? { sandbox: true } : {}),
      });
      if (response.status >= 500 && !isLastAttempt) {
        await sleep(computeBackoffMs(options.backoffMs, attemptNumber));
        continue;
      }
      return {
        kind: "response",
        response: { status: response.status, contentType: response.headers.get("content-type"), bodyText },
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
        await sleep(computeBackoffMs(options.backoffMs, attemptNumber));
        continue;
      }
      return { kind: "network_error", ...described, attempts, latencyMs: Math.round(performance.now() - started) };
    }
  }
}
