/**
 * An in-memory Store for poller tests: every read and write copies, like a
 * real database would, so a test cannot pass by sharing objects with the poller.
 */
import { Keyv } from "keyv";
import { createLocaleStore } from "../../src/store/locales.js";
import { randomBytes } from "node:crypto";
import { createTokenCipher } from "../../src/store/crypto.js";
import { createMemoryCardStore } from "../../src/store/cards.js";
import { createMemoryLeaderboardStore } from "../../src/store/leaderboard.js";
import { createMemoryDigestStore } from "../../src/store/digest.js";
import { createMemoryPlayStore } from "../../src/store/plays.js";
import { createMemoryRoleStore } from "../../src/store/roles.js";
import type { LinkedAccount, OutboxEntry, Store, Subscription } from "../../src/store/types.js";

export interface MemoryStore extends Store {
  /** Raw maps, for assertions. */
  readonly data: {
    accounts: Map<string, LinkedAccount>;
    subscriptions: Map<string, Subscription>;
    outbox: Map<string, OutboxEntry>;
  };
}

const copy = <T>(value: T): T => structuredClone(value);

export function createMemoryStore(): MemoryStore {
  const accounts = new Map<string, LinkedAccount>();
  const subscriptions = new Map<string, Subscription>();
  const outbox = new Map<string, OutboxEntry>();
  const uiState = new Map<string, { value: unknown; expires: number }>();
  const meta = new Map<string, string>();
  const uiOwnedBy = (userId: string) =>
    [...uiState].filter(([, hit]) => (hit.value as { userId?: unknown })?.userId === userId);
  const listSubs = (filter: (sub: Subscription) => boolean): Subscription[] =>
    [...subscriptions.values()].filter(filter).map(copy);

  return {
    data: { accounts, subscriptions, outbox },
    accounts: {
      get: async (userId) => copy(accounts.get(userId)),
      getMany: async (userIds) =>
        new Map(
          userIds.flatMap((id) => {
            const account = accounts.get(id);
            return account ? [[id, copy(account)] as const] : [];
          }),
        ),
      set: async (account) => {
        accounts.set(account.userId, copy(account));
      },
      delete: async (userId) => accounts.delete(userId),
      summary: async (userId) => {
        const account = accounts.get(userId);
        return account && { nick: account.nick, linkedAt: account.linkedAt, keyId: "memory" };
      },
    },
    subscriptions: {
      get: async (id) => copy(subscriptions.get(id)),
      list: async () => listSubs(() => true),
      listByUser: async (userId) => listSubs((sub) => sub.userId === userId),
      listByGuild: async (guildId) => listSubs((sub) => sub.guildId === guildId),
      put: async (sub) => {
        subscriptions.set(sub.id, copy(sub));
      },
      update: async (id, change) => {
        const current = subscriptions.get(id);
        if (current === undefined) return undefined;
        const next = change(copy(current));
        if (next === undefined) return undefined;
        subscriptions.set(id, copy(next));
        return copy(next);
      },
      delete: async (id) => subscriptions.delete(id),
      deleteByUser: async (userId) => {
        let removed = 0;
        for (const [id, sub] of subscriptions) {
          if (sub.userId !== userId) continue;
          subscriptions.delete(id);
          removed++;
        }
        return removed;
      },
    },
    outbox: {
      list: async () => [...outbox.values()].map(copy),
      put: async (entry) => {
        outbox.set(entry.id, copy(entry));
      },
      delete: async (id) => outbox.delete(id),
    },
    uiState: {
      async get<T>(key: string): Promise<T | undefined> {
        const hit = uiState.get(key);
        if (hit === undefined || hit.expires <= Date.now()) return undefined;
        return copy(hit.value) as T;
      },
      async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
        uiState.set(key, { value: copy(value), expires: Date.now() + ttlMs });
      },
      delete: async (key) => uiState.delete(key),
      listByUser: async (userId) =>
        uiOwnedBy(userId).map(([key, hit]) => ({ key, value: copy(hit.value) })),
      deleteByUser: async (userId) => {
        const owned = uiOwnedBy(userId);
        for (const [key] of owned) uiState.delete(key);
        return owned.length;
      },
      sweep: async () => {
        for (const [key, hit] of uiState) if (hit.expires <= Date.now()) uiState.delete(key);
        return uiState.size;
      },
    },
    meta: {
      get: async (key) => meta.get(key),
      set: async (key, value) => {
        meta.set(key, value);
      },
    },
    locales: createLocaleStore({ keyv: new Keyv() }),
    roles: createMemoryRoleStore(),
    plays: createMemoryPlayStore(createTokenCipher({ current: randomBytes(32) })),
    cards: createMemoryCardStore(),
    leaderboard: createMemoryLeaderboardStore(),
    digest: createMemoryDigestStore(),
    ping: async () => undefined,
    close: async () => undefined,
  };
}
