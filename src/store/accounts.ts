/**
 * Linked accounts. The token is encrypted before it reaches keyv and
 * decrypted on the way out; the plain token is never handed to the database.
 */
import type { Keyv } from "keyv";
import type { Logger } from "../log.js";
import { createSerialQueue } from "./collection.js";
import { sealedKeyId, type TokenCipher } from "./crypto.js";
import { type StoredAccount, storedAccountSchema } from "./schemas.js";
import type { AccountStore, LinkedAccount } from "./types.js";

export interface AccountStoreDeps {
  keyv: Keyv;
  cipher: TokenCipher;
  logger: Logger;
}

export function createAccountStore({
  keyv,
  cipher,
  logger,
}: AccountStoreDeps): AccountStore & { idle(): Promise<void> } {
  const queue = createSerialQueue();

  async function readStored(userId: string): Promise<StoredAccount | undefined> {
    return parseStored(userId, await keyv.get<unknown>(userId));
  }

  function parseStored(userId: string, value: unknown): StoredAccount | undefined {
    if (value === undefined || value === null) return undefined;
    const parsed = storedAccountSchema.safeParse(value);
    if (!parsed.success || parsed.data.userId !== userId) {
      // Reads as "not linked": the user is asked to link again, which heals it.
      logger.warn({ namespace: "accounts", key: userId }, "ignoring invalid account record");
      return undefined;
    }
    return parsed.data;
  }

  async function reencrypt(old: StoredAccount, token: string): Promise<void> {
    try {
      await queue.run(async () => {
        // Compare-and-set: a re-link that happened since the read wins; an
        // older token must never be written back over it.
        const latest = await readStored(old.userId);
        if (latest?.token !== old.token) return;
        await keyv.set(old.userId, { ...latest, token: cipher.encrypt(token) });
      });
      logger.info({ userId: old.userId }, "re-encrypted a stored token with the current key");
    } catch (err) {
      // The read itself succeeded; the rewrite is retried on the next read.
      logger.warn({ err, userId: old.userId }, "could not re-encrypt a stored token");
    }
  }

  async function open(stored: StoredAccount): Promise<LinkedAccount> {
    const token = cipher.decrypt(stored.token);
    if (cipher.needsReencrypt(stored.token)) await reencrypt(stored, token);
    return { userId: stored.userId, nick: stored.nick, linkedAt: stored.linkedAt, token };
  }

  return {
    async get(userId) {
      const stored = await readStored(userId);
      return stored && open(stored);
    },
    async getMany(userIds) {
      const accounts = new Map<string, LinkedAccount>();
      if (userIds.length === 0) return accounts;
      // One query for all (the poller's tick asks for every member it reads), not one each.
      const values = await keyv.getMany<unknown>([...userIds]);
      for (const [index, userId] of userIds.entries()) {
        const stored = parseStored(userId, values[index]);
        if (stored) accounts.set(userId, await open(stored));
      }
      return accounts;
    },
    async set(account: LinkedAccount) {
      // Field by field, so no spread can ever carry the plain token along.
      const stored: StoredAccount = {
        userId: account.userId,
        nick: account.nick,
        linkedAt: account.linkedAt,
        token: cipher.encrypt(account.token),
      };
      await queue.run(() => keyv.set(account.userId, stored));
    },
    delete: (userId) => queue.run(() => keyv.delete(userId)),
    async summary(userId) {
      const stored = await readStored(userId);
      if (!stored) return undefined;
      const keyId = sealedKeyId(stored.token) ?? "unknown";
      return { nick: stored.nick, linkedAt: stored.linkedAt, keyId };
    },
    idle: () => queue.idle(),
  };
}
