import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";

// Webhooks call URLs an admin typed: without a check, one could point Verdict at its own database,
// the cloud metadata service or anything else on the private network (SSRF). Every address a host
// name resolves to is checked, and the connection uses exactly the checked addresses (no second
// DNS answer can slip a private address in between).

export class OutboundAddressError extends Error {
  override name = "OutboundAddressError";
}

// Non-public IPv4 ranges; each is also refused inside IPv6 as an IPv4-mapped (::ffff:a.b.c.d),
// IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address.
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

const PRIVATE_V6: [string, number][] = [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
  ["2001:db8::", 32], // documentation
];

const privateRanges = new BlockList();
for (const [base, bits] of PRIVATE_V4) {
  privateRanges.addSubnet(base, bits, "ipv4");
  for (const prefix of ["::ffff:", "::", "64:ff9b::"]) privateRanges.addSubnet(`${prefix}${base}`, 96 + bits, "ipv6");
}
for (const [base, bits] of PRIVATE_V6) privateRanges.addSubnet(base, bits, "ipv6");

/** True for loopback, private, link-local, multicast and other non-public addresses. */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.split("%")[0] ?? ""; // an IPv6 zone (fe80::1%eth0) names an interface, not an address
  const family = isIP(bare);
  if (family === 0) return true; // unreadable: refuse
  return privateRanges.check(bare, family === 4 ? "ipv4" : "ipv6");
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
