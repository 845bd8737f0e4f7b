/**
 * The store, with the token cipher from TOKEN_ENCRYPTION_KEY (or the generated key file).
 * On SQLite the file is locked for this process first, before anything reads or changes it.
 */
import { dirname, resolve } from "node:path";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { dataDirFor, ensureDataFolder } from "../dataDir.js";
import { sqlitePathOf } from "../databaseUrl.js";
import type { Logger } from "../log.js";
import { createTokenCipher, parseEncryptionKey } from "../store/crypto.js";
import { loadOrCreateKey } from "../store/keyFile.js";
import { type HealthAwareStore, openStore } from "../store/keyvStore.js";
import { type InstanceLock, lockSqliteFile } from "../store/sqliteLock.js";

export async function openBotStore(
  config: Config,
  logger: Logger,
  clock: Clock,
): Promise<HealthAwareStore> {
  const lock = await lockSqlite(config.DATABASE_URL);
  try {
    const store = await openKeyedStore(config, logger, clock);
    if (!lock) return store;
    return { ...store, close: () => store.close().then(() => lock.release()) };
  } catch (err) {
    await lock?.release();
    throw err;
  }
}

/** SQLite: this process's lock on the file (a second bot on it stops here); else none. */
async function lockSqlite(databaseUrl: string): Promise<InstanceLock | undefined> {
  const relative = sqlitePathOf(databaseUrl);
  if (!relative) return undefined;
  const file = resolve(relative);
  await ensureDataFolder(dirname(file));
  return lockSqliteFile(file);
}

async function openKeyedStore(
  config: Config,
  logger: Logger,
  clock: Clock,
): Promise<HealthAwareStore> {
  const currentKey = config.TOKEN_ENCRYPTION_KEY
    ? parseEncryptionKey(config.TOKEN_ENCRYPTION_KEY)
    : await loadOrCreateKey({ dataDir: dataDirFor(config.DATABASE_URL), logger });
  const previous = (config.TOKEN_ENCRYPTION_OLD_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "")
    .map(parseEncryptionKey);
  const cipher = createTokenCipher({ current: currentKey, previous });
  return openStore({ databaseUrl: config.DATABASE_URL, cipher, logger, clock });
}
