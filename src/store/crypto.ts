/**
 * Tracker tokens are stored encrypted with AES-256-GCM. The stored string
 * names the key that sealed it, so a key can rotate: the new key encrypts,
 * old keys still decrypt, and values sealed with an old key are rewritten.
 *
 * Stored form: `v1.<kid>.<iv>.<tag>.<ciphertext>` (iv, tag and ciphertext
 * base64url; kid = first 8 hex chars of sha256(key), not secret).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const version = "v1";
const keyBytes = 32;
const ivBytes = 12;
const tagBytes = 16;

export type TokenDecryptFailure = "malformed" | "unknown_key" | "authentication_failed";

/**
 * The stored value cannot be turned back into a token. The message names the
 * cause and the key id only: never the stored value, the token or a key.
 */
export class TokenDecryptError extends Error {
  override readonly name = "TokenDecryptError";
  constructor(
    readonly reason: TokenDecryptFailure,
    readonly keyId?: string,
  ) {
    super(describeFailure(reason, keyId));
  }
}

function describeFailure(reason: TokenDecryptFailure, keyId: string | undefined): string {
  switch (reason) {
    case "malformed":
      return "stored token is not in the expected encrypted format";
    case "unknown_key":
      return `stored token was encrypted with key ${keyId}, which is not configured (current or previous)`;
    case "authentication_failed":
      return `stored token failed authentication with key ${keyId} (wrong key or tampered value)`;
  }
}

export interface TokenCipher {
  encrypt(plain: string): string;
  /** Throws TokenDecryptError; never returns a wrong plaintext. */
  decrypt(stored: string): string;
  /** True when the value was not sealed with the current key and should be rewritten. */
  needsReencrypt(stored: string): boolean;
  /** Key id of the current key (what new values are sealed with). */
  readonly currentKeyId: string;
}

export interface TokenCipherKeys {
  current: Buffer;
  /** Keys that may still have sealed stored values; only used to decrypt. */
  previous?: Buffer[];
}

export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** The key id in a sealed value's header (`v1.<keyId>.…`); undefined when it has none. */
export function sealedKeyId(stored: string): string | undefined {
  const parts = stored.split(".");
  return parts.length === 5 && parts[0] === version ? parts[1] : undefined;
}

export function createTokenCipher(keys: TokenCipherKeys): TokenCipher {
  const all = [keys.current, ...(keys.previous ?? [])];
  const byId = new Map<string, Buffer>();
  for (const key of all) {
    if (key.length !== keyBytes) {
      throw new Error(`token encryption key must be ${keyBytes} bytes, got ${key.length}`);
    }
    // Later duplicates (the current key also listed as previous) are harmless.
    if (!byId.has(keyIdOf(key))) byId.set(keyIdOf(key), Buffer.from(key));
  }
  const currentKeyId = keyIdOf(keys.current);
  const currentKey = byId.get(currentKeyId)!;

  return {
    currentKeyId,
    encrypt(plain) {
      const iv = randomBytes(ivBytes);
      const header = `${version}.${currentKeyId}`;
      const cipher = createCipheriv("aes-256-gcm", currentKey, iv);
      // The header is authenticated too, so the key id cannot be swapped unnoticed.
      cipher.setAAD(Buffer.from(header));
      const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [header, b64(iv), b64(tag), b64(ciphertext)].join(".");
    },
    decrypt(stored) {
      const parts = stored.split(".");
      if (parts.length !== 5 || parts[0] !== version) throw new TokenDecryptError("malformed");
      const [, keyId, ivText, tagText, ciphertextText] = parts as [
        string,
        string,
        string,
        string,
        string,
      ];
      const iv = fromB64(ivText);
      const tag = fromB64(tagText);
      const ciphertext = fromB64(ciphertextText);
      if (iv?.length !== ivBytes || tag?.length !== tagBytes || ciphertext === undefined) {
        throw new TokenDecryptError("malformed");
      }
      const key = byId.get(keyId);
      if (!key) throw new TokenDecryptError("unknown_key", keyId);
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: tagBytes });
        decipher.setAAD(Buffer.from(`${version}.${keyId}`));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
      } catch {
        // OpenSSL's message says nothing useful and the cause must not leak data.
        throw new TokenDecryptError("authentication_failed", keyId);
      }
    },
    needsReencrypt(stored) {
      return !stored.startsWith(`${version}.${currentKeyId}.`);
    },
  };
}

function b64(bytes: Buffer): string {
  return bytes.toString("base64url");
}

const base64urlPattern = /^[A-Za-z0-9_-]*$/;

/** Buffer.from(..., "base64url") skips junk silently; refuse it instead. */
function fromB64(text: string): Buffer | undefined {
  return base64urlPattern.test(text) ? Buffer.from(text, "base64url") : undefined;
}

const hexKeyPattern = /^[0-9a-fA-F]{64}$/;
const base64KeyPattern = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * Reads a configured key: 64 hex characters, or base64 (standard or url-safe,
 * padded or not) of exactly 32 bytes. The error never repeats the input.
 */
export function parseEncryptionKey(text: string): Buffer {
  const trimmed = text.trim();
  if (hexKeyPattern.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (base64KeyPattern.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (bytes.length === keyBytes) return bytes;
  }
  throw new Error(
    `token encryption key must be 64 hex characters or base64 of 32 bytes (got ${trimmed.length} characters); generate one with: openssl rand -hex 32`,
  );
}
