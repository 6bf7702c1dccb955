import { lookup as dnsLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";

// Webhooks call URLs an admin typed: without a check, one could point Verdict at its own database,
// the cloud metadata service or anything else on the private network (SSRF). Every address a host
// name resolves to is checked, and the connection uses exactly the checked addresses (no second
// DNS answer can slip a private address in between).

export class OutboundAddressError extends Error {
  override name = "OutboundAddressError";
}

function ipv4ToInt(ip: string): number {
  return ip.split(".").reduce((n, octet) => (n << 8) + Number(octet), 0) >>> 0;
}

const PRIVATE_V4: [string, number][] = [
  ["0.0.0.0", 8], // "this" network
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];

function isPrivateV4(ip: string): boolean {
  const value = ipv4ToInt(ip);
  return PRIVATE_V4.some(([base, bits]) => {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return (value & mask) === (ipv4ToInt(base) & mask);
  });
}

function expandV6(ip: string): number[] | null {
  let text = ip.toLowerCase().split("%")[0];
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hextets.
  const v4 = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    const n = ipv4ToInt(v4[1]);
    text = text.slice(0, -v4[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const missing = 8 - headParts.length - tailParts.length;
  if (text.includes("::") ? missing < 0 : headParts.length !== 8) return null;
  const all = [...headParts, ...Array<string>(text.includes("::") ? missing : 0).fill("0"), ...tailParts];
  return all.map((h) => parseInt(h, 16));
}

function isPrivateV6(ip: string): boolean {
  const h = expandV6(ip);
  if (!h || h.some((x) => Number.isNaN(x))) return true; // unreadable: refuse
  if (h.every((x) => x === 0)) return true; // ::
  if (h.slice(0, 7).every((x) => x === 0) && h[7] === 1) return true; // ::1
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): judge the IPv4 address.
  if (h.slice(0, 5).every((x) => x === 0) && (h[5] === 0xffff || h[5] === 0)) {
    return isPrivateV4(`${h[6] >> 8}.${h[6] & 0xff}.${h[7] >> 8}.${h[7] & 0xff}`);
  }
  if (h[0] === 0x64 && h[1] === 0xff9b) return isPrivateV4(`${h[6] >> 8}.${h[6] & 0xff}.${h[7] >> 8}.${h[7] & 0xff}`); // NAT64
  const first = h[0];
  if ((first & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((first & 0xffc0) === 0xfec0) return true; // site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return true; // multicast
  if (first === 0x2001 && h[1] === 0x0db8) return true; // documentation
  return false;
}

/** True for loopback, private, link-local, multicast and other non-public addresses. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return isPrivateV4(ip);
  if (family === 6) return isPrivateV6(ip);
  return true;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address of the host, or an OutboundAddressError when one of them is not public (unless allowed). */
export async function resolveOutboundAddresses(hostname: string, allowPrivate: boolean): Promise<ResolvedAddress[]> {
  const bare = hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (isIP(bare)) addresses = [{ address: bare, family: isIP(bare) }];
  else {
    try {
      addresses = await dnsLookup(bare, { all: true, verbatim: true });
    } catch (error) {
      throw new OutboundAddressError(`${bare} could not be resolved (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  if (addresses.length === 0) throw new OutboundAddressError(`${bare} has no address.`);
  if (!allowPrivate) {
    const refused = addresses.filter((a) => isPrivateAddress(a.address));
    if (refused.length) {
      throw new OutboundAddressError(
        `${bare} resolves to a private or loopback address (${refused.map((a) => a.address).join(", ")}); an admin must allow private addresses for this webhook.`,
      );
    }
  }
  return addresses;
}

/** A net `lookup` that answers only with addresses checked above, for http(s).request. */
export function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveOutboundAddresses(hostname, allowPrivate).then(
      (addresses) => {
        const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : Number(options.family ?? 0);
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        const first = usable[0];
        if (!first) return callback(new OutboundAddressError(`${hostname} has no IPv${family} address.`), "", 4);
        if (options.all) return callback(null, usable);
        callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new OutboundAddressError(String(error)), "", 4),
    );
  };
}
