import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

// The client's address, decided once per request by Verdict's HTTP server (scripts/serve.ts) and
// handed to route handlers, actions and next-auth in one header that the server always overwrites.
//
// Next.js itself only fills `x-forwarded-for` with the socket address when the client did not send
// one, so a client-sent header reaches the app untouched: it cannot be told apart from a proxy's.
// The server therefore walks `x-forwarded-for` from the socket address back, trusting each hop
// only while it is in TRUSTED_PROXIES (addresses, CIDRs, or proxy-addr's names `loopback`,
// `linklocal`, `uniquelocal`), and the first untrusted hop is the client. With TRUSTED_PROXIES
// unset, the header is ignored and the socket address is the client.

export const CLIENT_ADDRESS_HEADER = "x-verdict-client-address";

const SERVER_MARK = Symbol.for("verdict.clientAddressFromServer");
type MarkedGlobal = typeof globalThis & { [SERVER_MARK]?: boolean };

export type TrustProxy = (address: string, hop: number) => boolean;

/** Parses TRUSTED_PROXIES; throws a message naming the bad entry. */
export function compileTrustedProxies(list: string | undefined): TrustProxy {
  const entries = (list ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(`TRUSTED_PROXIES: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** In the HTTP server, before Next.js sees the request: sets the one header the app trusts. */
export function stampClientAddress(req: IncomingMessage, trust: TrustProxy) {
  (globalThis as MarkedGlobal)[SERVER_MARK] = true;
  req.headers[CLIENT_ADDRESS_HEADER] = proxyaddr(req, trust);
}

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined;

function readHeader(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof headers.get === "function") return (headers as { get(name: string): string | null }).get(name);
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : null;
}

/**
 * The client address for throttling and the audit log, or null when the app runs without Verdict's
 * server (plain `next start`): then no header is trusted, since any client could have set it.
 */
export function clientAddressOf(headers: HeaderSource): string | null {
  if (!(globalThis as MarkedGlobal)[SERVER_MARK]) return null;
  return readHeader(headers, CLIENT_ADDRESS_HEADER) || null;
}
