/**
 * Short-lived state for buttons and menus (paging cursors) in the `ui` namespace. Every record
 * has a TTL; SQLite has none of its own, so expired rows are deleted when the namespace is
 * listed: at start-up and, while the bot writes UI state, at most every `sweepEveryMs`. A record
 * that belongs to a member carries that member's id as `userId`, so /unlink can delete it.
 */
import type { Logger } from "../log.js";
import type { Backend } from "./backend.js";
import type { UiStateStore } from "./types.js";

export function createUiStateStore(deps: {
  backend: Backend;
  logger: Logger;
  /** Default 10 minutes; 0 sweeps on every write (tests). */
  sweepEveryMs?: number;
}): UiStateStore {
  const { backend, logger } = deps;
  const ui = backend.keyv("ui");
  const sweepEveryMs = deps.sweepEveryMs ?? 10 * 60_000;
  // Monotonic: a wall clock step must neither stop the sweeps nor run them back to back.
  let lastSweep = performance.now();
  let sweeping: Promise<unknown> | undefined;

  const sweep = async () => (await backend.list("ui")).length;

  function sweepSometimes() {
    if (sweeping || performance.now() - lastSweep < sweepEveryMs) return;
    lastSweep = performance.now();
    sweeping = sweep()
      .catch((err: unknown) => logger.warn({ err, namespace: "ui" }, "could not sweep UI state"))
      .finally(() => {
        sweeping = undefined;
      });
  }

  async function ownedBy(userId: string): Promise<{ key: string; value: unknown }[]> {
    const owned: { key: string; value: unknown }[] = [];
    for (const entry of await backend.list("ui"))
      if ("value" in entry && ownerOf(entry.value) === userId) owned.push(entry);
    return owned;
  }

  return {
    get: async <T>(key: string) => (await ui.get<T>(key)) ?? undefined,
    async set(key, value, ttlMs) {
      // Without a TTL the row would stay forever: UI state must always expire.
      if (!(ttlMs > 0)) throw new RangeError("ttlMs must be a positive number of milliseconds");
      await ui.set(key, value, ttlMs);
      sweepSometimes();
    },
    delete: (key) => ui.delete(key),
    listByUser: (userId) => ownedBy(userId),
    async deleteByUser(userId) {
      const owned = await ownedBy(userId);
      if (owned.length > 0) await ui.delete(owned.map((e) => e.key));
      return owned.length;
    },
    async sweep() {
      await sweeping;
      return sweep();
    },
  };
}

function ownerOf(value: unknown): unknown {
  return typeof value === "object" && value !== null && "userId" in value
    ? value.userId
    : undefined;
}
