/**
 * A namespace held in memory and written through: the poller lists every
 * subscription each tick, which must not cost a table scan.
 */
import type { Keyv } from "keyv";
import type { z } from "zod";
import type { Logger } from "../log.js";
import type { Backend, NamespaceName } from "./backend.js";

/**
 * Runs tasks one after another. Mutations go through it so that the cache
 * and the database see writes in the same order, and a later write can never
 * be overtaken by an earlier one still waiting on the database.
 */
export function createSerialQueue(): {
  run<T>(task: () => Promise<T>): Promise<T>;
  idle(): Promise<void>;
} {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task, task);
      tail = result.catch(() => undefined);
      return result;
    },
    async idle() {
      await tail;
    },
  };
}

export interface CachedCollection<T> {
  get(id: string): T | undefined;
  /** Copies of all items, or of those matching. */
  values(match?: (item: T) => boolean): T[];
  /** The cached items themselves, not copies: for readers that never change them. */
  shared(): readonly T[];
  put(item: T): Promise<void>;
  /**
   * Read-modify-write in the write queue: `change` sees the latest stored
   * value and returns the new one, or undefined to leave it. A missing record
   * stays missing (a delete is never undone). Resolves with what was stored.
   */
  update(id: string, change: (item: T) => T | undefined): Promise<T | undefined>;
  delete(id: string): Promise<boolean>;
  /** Deletes every item matching; returns how many. */
  deleteWhere(match: (item: T) => boolean): Promise<number>;
  /** Resolves once every mutation queued so far has finished. */
  idle(): Promise<void>;
}

export interface LoadCollectionOptions<T> {
  backend: Backend;
  name: NamespaceName;
  schema: z.ZodType<T>;
  idOf(item: T): string;
  logger: Logger;
}

/**
 * Reads the whole namespace once. A record that does not parse or does not
 * fit the schema is logged and skipped (left in the database for inspection)
 * so one bad row cannot stop the bot from starting.
 */
export async function loadCollection<T>(
  options: LoadCollectionOptions<T>,
): Promise<CachedCollection<T>> {
  const { backend, name, schema, idOf, logger } = options;
  const keyv: Keyv = backend.keyv(name);
  const cache = new Map<string, T>();
  for (const entry of await backend.list(name)) {
    if ("error" in entry) {
      logger.warn(
        { namespace: name, key: entry.key, err: entry.error },
        "skipping unreadable record",
      );
      continue;
    }
    const parsed = schema.safeParse(entry.value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (issue) => `${issue.path.join(".")}: ${issue.message}`,
      );
      logger.warn({ namespace: name, key: entry.key, issues }, "skipping invalid record");
      continue;
    }
    if (idOf(parsed.data) !== entry.key) {
      logger.warn(
        { namespace: name, key: entry.key },
        "skipping record stored under a key that is not its id",
      );
      continue;
    }
    cache.set(entry.key, parsed.data);
  }

  const queue = createSerialQueue();
  return {
    // Copies out and in: a caller mutating an object must not change the
    // cache behind the database's back.
    get: (id) => copy(cache.get(id)),
    values: (match) => {
      const items = [...cache.values()];
      return (match ? items.filter(match) : items).map((item) => structuredClone(item));
    },
    shared: () => [...cache.values()],
    put: (item) =>
      queue.run(async () => {
        const stored = structuredClone(item);
        await keyv.set(idOf(stored), stored);
        cache.set(idOf(stored), stored);
      }),
    update: (id, change) =>
      queue.run(async () => {
        // Read inside the queue: every write queued before this one has landed in the cache.
        const current = cache.get(id);
        if (current === undefined) return undefined;
        const next = change(structuredClone(current));
        if (next === undefined) return undefined;
        const stored = structuredClone(next);
        await keyv.set(id, stored);
        cache.set(id, stored);
        return structuredClone(stored);
      }),
    delete: (id) =>
      queue.run(async () => {
        // Also reaches the database for ids not cached, so a record skipped as
        // invalid at load can still be removed.
        const removed = await keyv.delete(id);
        return cache.delete(id) || removed;
      }),
    deleteWhere: (match) =>
      queue.run(async () => {
        const ids = [...cache].filter(([, item]) => match(item)).map(([id]) => id);
        if (ids.length === 0) return 0;
        await keyv.delete(ids);
        for (const id of ids) cache.delete(id);
        return ids.length;
      }),
    idle: () => queue.idle(),
  };
}

function copy<T>(item: T | undefined): T | undefined {
  return item === undefined ? undefined : structuredClone(item);
}
