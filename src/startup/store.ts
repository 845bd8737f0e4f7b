/**
 * The store, with the token cipher from TOKEN_ENCRYPTION_KEY (or the generated key file).
 * On SQLite the file is locked for this process first, before anything reads or changes it.
 */
import { dirname, resolve } from "node:path";
import type { Clock } from "../util/clock.js";
import type { Config } from "../config.js";
import { dataDirFor, ensureDataFolder } from "../dataDir.js";
import { sqlitePathOf } from "../databaseUrl.js";
import type { Logger } from "../log.js";
import { createTokenCipher, parseEncryptionKey } from "../store/crypto.js";
import { loadOrCreateKey } from "../store/keyFile.js";
import { type HealthAwareStore, openStore } from "../store/keyvStore.js";
import { type InstanceLock, InstanceLockedError, lockSqliteFile } from "../store/sqliteLock.js";
import { faultKindOf } from "../store/writeErrors.js";

export async function openBotStore(
  config: Config,
  logger: Logger,
  clock: Clock,
): Promise<HealthAwareStore> {
  const lock = await lockSqlite(config.DATABASE_URL, logger);
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
async function lockSqlite(databaseUrl: string, logger: Logger): Promise<InstanceLock | undefined> {
  const relative = sqlitePathOf(databaseUrl);
  if (!relative) return undefined;
  const file = resolve(relative);
  await ensureDataFolder(dirname(file));
  try {
    return await lockSqliteFile(file);
  } catch (err) {
    // A read-only data folder: the bot starts and holds its posts (the store says so once);
    // the lock is taken as soon as the folder can be written, before anything can be posted.
    const kind = faultKindOf(err);
    if (kind !== "readonly" && kind !== "cantopen") throw err;
    logger.info({ file }, "single-instance lock: waiting until the data folder can be written");
    return lockWhenWritable(file, logger);
  }
}

/**
 * Tries the lock once a second. Taken: held until release. Held by another bot that started
 * meanwhile: this one stops the way a signal would stop it (its store could not write, so it
 * has posted nothing).
 */
function lockWhenWritable(file: string, logger: Logger): InstanceLock {
  let held: InstanceLock | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const retry = () => {
    timer = setTimeout(attempt, 1000);
    timer.unref();
  };
  const attempt = async () => {
    try {
      held = await lockSqliteFile(file);
      if (stopped) await held.release();
      else logger.info({ file }, "single-instance lock taken");
    } catch (err) {
      if (stopped) return;
      if (err instanceof InstanceLockedError) {
        logger.error(err.message);
        process.kill(process.pid, "SIGTERM");
        return;
      }
      retry();
    }
  };
  retry();
  return {
    async release() {
      stopped = true;
      clearTimeout(timer);
      await held?.release();
    },
  };
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
