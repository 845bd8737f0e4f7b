/**
 * Reads the bot's database as an outsider would: every row of the keyv table through a
 * connection of its own, every value also decrypted where it holds a sealed token, and the raw
 * bytes of every file in the data folder (deleted rows must not linger in free pages).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import sqlite3 from "sqlite3";
import { createTokenCipher, parseEncryptionKey } from "../../src/store/crypto.js";
import { encryptionKey } from "./harness.js";

export interface StoredRow {
  /** The namespace (keyv's prefix) and the key without it. */
  namespace: string;
  key: string;
  /** The raw value text, plus any decrypted token found in it. */
  text: string;
}

const cipher = createTokenCipher({ current: parseEncryptionKey(encryptionKey) });

export async function storedRows(databaseFile: string): Promise<StoredRow[]> {
  const db = new sqlite3.Database(databaseFile, sqlite3.OPEN_READONLY);
  try {
    const rows = await new Promise<{ key: string; value: string }[]>((resolve, reject) =>
      db.all("SELECT key, value FROM keyv", (err, result) =>
        err ? reject(err) : resolve(result as { key: string; value: string }[]),
      ),
    );
    return rows.map(({ key, value }) => {
      const at = key.indexOf(":");
      const decrypted = [...value.matchAll(/v1\.[0-9a-f]{8}\.[A-Za-z0-9_.-]+/g)].map((m) => {
        try {
          return cipher.decrypt(m[0]);
        } catch {
          return "";
        }
      });
      return {
        namespace: key.slice(0, at),
        key: key.slice(at + 1),
        text: [value, ...decrypted].join("\n"),
      };
    });
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}

/** Rows whose key or value mentions `needle`, and data files whose bytes hold it. */
export async function mentionsOf(dir: string, needle: string): Promise<string[]> {
  const found = (await storedRows(path.join(dir, "bot.sqlite")))
    .filter((r) => r.key.includes(needle) || r.text.includes(needle))
    .map((r) => `row ${r.namespace}:${r.key}`);
  for (const name of await readdir(dir)) {
    const bytes = await readFile(path.join(dir, name));
    if (bytes.includes(Buffer.from(needle))) found.push(`file ${name}`);
  }
  return found;
}
