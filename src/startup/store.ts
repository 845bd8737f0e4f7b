/** The store, with the token cipher from TOKEN_ENCRYPTION_KEY (or the generated key file). */
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { dataDirFor } from "../dataDir.js";
import type { Logger } from "../log.js";
import { createTokenCipher, parseEncryptionKey } from "../store/crypto.js";
import { loadOrCreateKey } from "../store/keyFile.js";
import { type HealthAwareStore, openStore } from "../store/keyvStore.js";

export async function openBotStore(
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
