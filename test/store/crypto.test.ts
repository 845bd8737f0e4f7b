import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createTokenCipher,
  keyIdOf,
  parseEncryptionKey,
  TokenDecryptError,
} from "../../src/store/crypto.js";

const token = "ct_live_7f3a9c1e2b4d6f8a0c2e4f6a8b0d2f4a";
const keyA = randomBytes(32);
const keyB = randomBytes(32);

function decryptError(run: () => unknown): TokenDecryptError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(TokenDecryptError);
    return err as TokenDecryptError;
  }
  throw new Error("expected a TokenDecryptError, but decrypt returned");
}

/** Swaps one base64url character of part `index` for another valid one. */
function tamper(stored: string, index: number): string {
  const parts = stored.split(".");
  const part = parts[index]!;
  const flipped = part[0] === "A" ? "B" : "A";
  parts[index] = flipped + part.slice(1);
  return parts.join(".");
}

describe("createTokenCipher", () => {
  it("round-trips and names the key in a v1 envelope", () => {
    const cipher = createTokenCipher({ current: keyA });
    const stored = cipher.encrypt(token);
    expect(stored).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored.split(".")[1]).toBe(keyIdOf(keyA));
    expect(cipher.currentKeyId).toBe(keyIdOf(keyA));
    expect(stored).not.toContain(token);
    expect(cipher.decrypt(stored)).toBe(token);
    expect(cipher.decrypt(cipher.encrypt(""))).toBe("");
    expect(cipher.decrypt(cipher.encrypt("ünïcødé ✓"))).toBe("ünïcødé ✓");
  });

  it("uses a fresh IV each time", () => {
    const cipher = createTokenCipher({ current: keyA });
    const first = cipher.encrypt(token);
    const second = cipher.encrypt(token);
    expect(first).not.toBe(second);
    expect(first.split(".")[2]).not.toBe(second.split(".")[2]);
  });

  it("refuses a value sealed with a key it does not have", () => {
    const stored = createTokenCipher({ current: keyA }).encrypt(token);
    const error = decryptError(() => createTokenCipher({ current: keyB }).decrypt(stored));
    expect(error.reason).toBe("unknown_key");
    expect(error.keyId).toBe(keyIdOf(keyA));
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain(keyA.toString("hex"));
    expect(error.message).not.toContain(keyB.toString("hex"));
  });

  it("detects tampering with ciphertext, tag, iv or key id", () => {
    const cipher = createTokenCipher({ current: keyA, previous: [keyB] });
    const stored = cipher.encrypt(token);
    for (const index of [2, 3, 4]) {
      const error = decryptError(() => cipher.decrypt(tamper(stored, index)));
      expect(error.reason).toBe("authentication_failed");
      expect(error.message).not.toContain(token);
    }
    // Relabelled as sealed by the other configured key: the AAD catches it.
    const relabelled = stored.replace(keyIdOf(keyA), keyIdOf(keyB));
    expect(decryptError(() => cipher.decrypt(relabelled)).reason).toBe("authentication_failed");
  });

  it("rejects malformed values without echoing them", () => {
    const cipher = createTokenCipher({ current: keyA });
    const good = cipher.encrypt(token);
    const [v, kid, iv, tag, ct] = good.split(".");
    const malformed = [
      token,
      "",
      `v2.${kid}.${iv}.${tag}.${ct}`,
      `${v}.${kid}.${iv}.${tag}`,
      `${v}.${kid}.${iv}.${tag}.${ct}.extra`,
      `${v}.${kid}.${iv}AAAA.${tag}.${ct}`,
      `${v}.${kid}.${iv}.${tag?.slice(4)}.${ct}`,
      `${v}.${kid}.${iv}.${tag}.not+base64url!`,
    ];
    for (const value of malformed) {
      const error = decryptError(() => cipher.decrypt(value));
      expect(error.reason).toBe("malformed");
      expect(error.message).not.toContain(token);
    }
  });

  it("decrypts with previous keys and flags their values for re-encryption", () => {
    const old = createTokenCipher({ current: keyA }).encrypt(token);
    const rotated = createTokenCipher({ current: keyB, previous: [keyA] });
    expect(rotated.decrypt(old)).toBe(token);
    expect(rotated.needsReencrypt(old)).toBe(true);
    const fresh = rotated.encrypt(token);
    expect(fresh.split(".")[1]).toBe(keyIdOf(keyB));
    expect(rotated.needsReencrypt(fresh)).toBe(false);
    expect(rotated.needsReencrypt("garbage")).toBe(true);
  });

  it("tolerates the current key listed again as previous", () => {
    const cipher = createTokenCipher({ current: keyA, previous: [keyA] });
    expect(cipher.decrypt(cipher.encrypt(token))).toBe(token);
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => createTokenCipher({ current: randomBytes(16) })).toThrow(/32 bytes/);
    expect(() => createTokenCipher({ current: keyA, previous: [randomBytes(31)] })).toThrow(
      /32 bytes/,
    );
  });
});

describe("parseEncryptionKey", () => {
  const key = randomBytes(32);

  it("accepts 64 hex characters in either case, trimmed", () => {
    expect(parseEncryptionKey(key.toString("hex")).equals(key)).toBe(true);
    expect(parseEncryptionKey(` ${key.toString("hex").toUpperCase()}\n`).equals(key)).toBe(true);
  });

  it("accepts base64 and base64url of 32 bytes, padded or not", () => {
    const padded = key.toString("base64");
    expect(padded).toHaveLength(44);
    expect(parseEncryptionKey(padded).equals(key)).toBe(true);
    expect(parseEncryptionKey(padded.replace(/=$/, "")).equals(key)).toBe(true);
    expect(parseEncryptionKey(key.toString("base64url")).equals(key)).toBe(true);
  });

  it("rejects anything else with a message that does not repeat the input", () => {
    const bad = [
      "",
      "secret",
      key.toString("hex").slice(0, 63),
      `${key.toString("hex")}00`,
      "g".repeat(64),
      randomBytes(31).toString("base64"),
      randomBytes(33).toString("base64"),
      `${key.toString("base64").slice(0, 40)}!!!=`,
    ];
    for (const text of bad) {
      let message = "";
      try {
        parseEncryptionKey(text);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/64 hex characters or base64 of 32 bytes/);
      if (text.length > 3) expect(message).not.toContain(text);
    }
  });
});
