import { describe, expect, it } from "vitest";
import { isPrivateAddress, OutboundAddressError, resolveOutboundAddresses } from "@/lib/webhooks/outbound-address";
import { signWebhookBody, verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ id: "e1", event: "case.decided", data: { a: 1 } });

  it("signs t=<unix>,v1=<hex HMAC of '<t>.<body>'> and verifies it", () => {
    const header = signWebhookBody(secret, body, 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, body, { now: 1_700_000_010 })).toEqual({ ok: true });
  });

  it("refuses another body, another secret, an old timestamp and junk", () => {
    const header = signWebhookBody(secret, body, 1_700_000_000);
    expect(verifyWebhookSignature(secret, header, `${body} `, { now: 1_700_000_000 })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature("other", header, body, { now: 1_700_000_000 })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature(secret, header, body, { now: 1_700_000_000 + 301 })).toEqual({ ok: false, reason: "expired" });
    expect(verifyWebhookSignature(secret, "nonsense", body)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyWebhookSignature(secret, null, body)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("outbound addresses", () => {
  it("knows private, loopback, link-local and mapped addresses", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fc00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it("refuses a host that resolves to loopback unless private addresses are allowed", async () => {
    await expect(resolveOutboundAddresses("localhost", false)).rejects.toBeInstanceOf(OutboundAddressError);
    await expect(resolveOutboundAddresses("127.0.0.1", false)).rejects.toThrow(/private or loopback/);
    expect((await resolveOutboundAddresses("127.0.0.1", true))[0]?.address).toBe("127.0.0.1");
  });
});
