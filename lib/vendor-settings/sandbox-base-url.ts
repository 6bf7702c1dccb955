// Whether a vendor's base URL is the built-in sandbox's. The design keeps adapters blind to the
// sandbox, so the decision lives with the vendor's settings: `ensureDefaultVendorConfigs` records
// where the sandbox Verdict started with serves each vendor (`VendorConfig.sandboxBaseUrl`) and
// flags the configs pointing there; saving a base URL in Admin → Vendors recomputes the flag; the
// vendor-call job copies it onto every run it sends (lib/verifications/vendor-call-sql.ts).

// The sandbox listens on a loopback address; these names all reach it from this machine.
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function originOf(url: string): { protocol: string; host: string; port: string } | null {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase();
    return { protocol: parsed.protocol, host: LOOPBACK_HOSTS.has(host) ? "loopback" : host, port: parsed.port };
  } catch {
    return null;
  }
}

/**
 * True when `baseUrl` is served by the sandbox server at `sandboxBaseUrl`: same scheme, host (every
 * loopback name counts as one) and port. Any path there is the sandbox's, whatever vendor prefix.
 */
export function isSandboxBaseUrl(baseUrl: string, sandboxBaseUrl: string | null | undefined): boolean {
  if (!sandboxBaseUrl) return false;
  const a = originOf(baseUrl);
  const b = originOf(sandboxBaseUrl);
  return a !== null && b !== null && a.protocol === b.protocol && a.host === b.host && a.port === b.port;
}
