import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

// A "known device": a browser that has signed in to an account with the right password before. It
// gets a long-lived cookie naming the account and a random device id, signed with NEXTAUTH_SECRET,
// so the sign-in back-off can let the account's own browsers through while strangers wait
// (lib/auth/login-throttle.ts). The cookie proves nothing by itself: the password (and the code,
// with a second factor) is still checked.

export const KNOWN_DEVICE_COOKIE = "verdict-device";
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 365 * 24 * 3600;
// A browser shared by a few accounts keeps one entry per account, newest first.
const MAX_ENTRIES = 5;

function sign(secret: string, userId: string, deviceId: string) {
  return createHmac("sha256", secret).update(`verdict-known-device:${userId}:${deviceId}`).digest("base64url");
}

interface DeviceEntry {
  userId: string;
  deviceId: string;
}

function parseEntries(cookie: string | undefined, secret: string): DeviceEntry[] {
  if (!cookie) return [];
  return cookie.split("~").slice(0, MAX_ENTRIES).flatMap((raw) => {
    const [userId, deviceId, mac] = raw.split(".");
    if (!userId || !deviceId || !mac) return [];
    const expected = Buffer.from(sign(secret, userId, deviceId));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? [{ userId, deviceId }] : [];
  });
}

/** The device id this cookie proves for the user, or null. */
export function knownDeviceId(cookie: string | undefined, userId: string, secret: string): string | null {
  return parseEntries(cookie, secret).find((entry) => entry.userId === userId)?.deviceId ?? null;
}

/** The cookie value after a successful sign-in of the user: their entry first, keeping its id. */
export function rememberDevice(cookie: string | undefined, userId: string, secret: string): string {
  const entries = parseEntries(cookie, secret);
  const deviceId = entries.find((entry) => entry.userId === userId)?.deviceId ?? randomUUID();
  const others = entries.filter((entry) => entry.userId !== userId);
  return [{ userId, deviceId }, ...others]
    .slice(0, MAX_ENTRIES)
    .map((entry) => `${entry.userId}.${entry.deviceId}.${sign(secret, entry.userId, entry.deviceId)}`)
    .join("~");
}
