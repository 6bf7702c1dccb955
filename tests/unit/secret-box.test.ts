import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, maskSecret, SecretBoxError } from "@/lib/crypto/secret-box";

const key = randomBytes(32);

describe("secret box", () => {
  it("round-trips and never produces the same ciphertext twice", () => {
    const a = encryptSecret("sandbox_secret", key);
    const b = encryptSecret("sandbox_secret", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("sandbox_secret");
    expect(decryptSecret(a, key)).toBe("sandbox_secret");
  });

  it("refuses a tampered ciphertext or another key", () => {
    const sealed = encryptSecret("secret", key);
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3], "base64url");
    flipped[0] = flipped[0] ^ 1;
    const tampered = [...parts.slice(0, 3), flipped.toString("base64url")].join(".");
    expect(() => decryptSecret(tampered, key)).toThrow(SecretBoxError);
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow(/VERDICT_MASTER_KEY differs/);
    expect(() => decryptSecret("garbage", key)).toThrow(/unknown format/);
  });

  it("masks secrets so they can be recognised but not used", () => {
    expect(maskSecret("sandbox_secret")).toBe("sand••••et");
    expect(maskSecret("abc")).toBe("••••");
    expect(maskSecret("short1")).toBe("sh••••");
  });
});
