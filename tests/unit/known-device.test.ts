import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { knownDeviceId, rememberDevice } from "@/lib/auth/known-device";

const secret = "test-secret-that-is-long-enough-0123456789";

describe("known-device cookie", () => {
  it("proves a device for the account it was issued to, and only with the right secret", () => {
    const alice = randomUUID();
    const cookie = rememberDevice(undefined, alice, secret);
    const device = knownDeviceId(cookie, alice, secret);
    expect(device).toMatch(/^[0-9a-f-]{36}$/);
    expect(knownDeviceId(cookie, randomUUID(), secret)).toBeNull();
    expect(knownDeviceId(cookie, alice, `${secret}x`)).toBeNull();
    // The same browser keeps its id across sign-ins.
    expect(knownDeviceId(rememberDevice(cookie, alice, secret), alice, secret)).toBe(device);
  });

  it("refuses a forged entry and keeps one entry per account", () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const both = rememberDevice(rememberDevice(undefined, alice, secret), bob, secret);
    expect(knownDeviceId(both, alice, secret)).not.toBeNull();
    expect(knownDeviceId(both, bob, secret)).not.toBeNull();
    const [userId, deviceId, mac] = both.split("~")[0].split(".");
    expect(knownDeviceId(`${alice}.${deviceId}.${mac}`, alice, secret)).toBeNull();
    expect(userId).toBe(bob);
  });
});
