import type { MiddlewareHandler } from "hono";
import type { FaultSpec } from "@/lib/sandbox/faults";
import { mediaFingerprint } from "@/lib/sandbox/media-fingerprint";
import type { LoggedRequest, SandboxEnv, SandboxState, VendorSandbox } from "@/lib/sandbox/sandbox-types";

const HOLD_LIMIT_MS = 10 * 60_000;

function waitFor(ms: number, state: SandboxState, onClientGone: (release: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const release = () => {
      clearTimeout(timer);
      state.heldRequests.delete(release);
      resolve();
    };
    const timer = setTimeout(release, ms);
    state.heldRequests.add(release);
    onClientGone(release);
  });
}

const htmlErrorPage = (status: number) =>
  `<!DOCTYPE html>\n<html><head><title>${status} Error</title></head><body><center><h1>${status} Error</h1></center><hr><center>nginx</center></body></html>\n`;

function statusOf(spec: FaultSpec): number | null {
  if (spec.status5xx === undefined) return null;
  return spec.status5xx === true ? 503 : spec.status5xx;
}

/**
 * Logs every request to the vendor (faulted or not, so tests can count retries) and applies the
 * vendor's current fault before, instead of, or after (malformedJson) the vendor's real handler.
 */
export function injectFaults(vendor: VendorSandbox, state: SandboxState): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const fault = state.faults.take(vendor.vendor);
    const entry: LoggedRequest = {
      vendor: vendor.vendor,
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      at: new Date().toISOString(),
      faulted: fault !== null,
      media: null,
    };
    state.requests.push(entry);
    entry.media = await mediaFingerprint(c);
    if (!fault) return next();

    const onClientGone = (release: () => void) => c.env.outgoing.once("close", release);
    if (fault.latencyMs) await waitFor(fault.latencyMs, state, onClientGone);
    if (fault.connectionReset) {
      c.env.incoming.socket.destroy();
      return new Response(null, { status: 500 });
    }
    if (fault.timeout) {
      await waitFor(HOLD_LIMIT_MS, state, onClientGone);
      return c.text("held by the timeout fault", 504);
    }
    if (fault.quotaExhausted) return vendor.respondQuotaExhausted();
    if (fault.badCredentials) return vendor.respondBadCredentials();
    const status = statusOf(fault);
    if (status !== null) {
      return fault.htmlError
        ? new Response(htmlErrorPage(status), { status, headers: { "content-type": "text/html; charset=utf-8" } })
        : new Response("Service Unavailable", { status, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    if (fault.htmlError) return c.html(htmlErrorPage(200));
    await next();
    if (fault.malformedJson) {
      const text = await c.res.text();
      c.res = new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
        status: c.res.status,
        headers: { "content-type": "application/json" },
      });
    }
  };
}
