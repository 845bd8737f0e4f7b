/**
 * Paging cursors and menu state: in the database so buttons survive a
 * restart, and in memory while the database cannot write, so /histories and
 * friends keep paging on a full disk (those cursors are lost on a restart,
 * which the buttons already explain as expired).
 */
import { performance } from "node:perf_hooks";
import type { Keyv } from "keyv";
import type { UiStateStore } from "./types.js";
import { isStoreWriteError } from "./writeErrors.js";

/** Memory is the fallback of an outage, not a second database: bounded. */
const maxHeldInMemory = 5_000;

export function createUiStateStore(ui: Keyv): UiStateStore {
  const held = new Map<string, { value: unknown; expiresAt: number }>();
  const fromMemory = (key: string): { value: unknown } | undefined => {
    const entry = held.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > performance.now()) return entry;
    held.delete(key);
    return undefined;
  };
  return {
    async get<T>(key: string) {
      const kept = fromMemory(key);
      if (kept !== undefined) return kept.value as T;
      try {
        return (await ui.get<T>(key)) ?? undefined;
      } catch (err) {
        // keyv deletes an expired row on read; while it cannot, the row is just as expired.
        if (isStoreWriteError(err)) return undefined;
        throw err;
      }
    },
    async set(key, value, ttlMs) {
      // Without a TTL the row would stay forever: UI state must always expire.
      if (!(ttlMs > 0)) throw new RangeError("ttlMs must be a positive number of milliseconds");
      try {
        await ui.set(key, value, ttlMs);
        held.delete(key);
      } catch (err) {
        if (!isStoreWriteError(err)) throw err;
        if (held.size >= maxHeldInMemory) held.delete(held.keys().next().value as string);
        held.set(key, { value: structuredClone(value), expiresAt: performance.now() + ttlMs });
      }
    },
    async delete(key) {
      const inMemory = held.delete(key);
      try {
        return (await ui.delete(key)) || inMemory;
      } catch (err) {
        if (!isStoreWriteError(err) || !inMemory) throw err;
        return true;
      }
    },
  };
}
