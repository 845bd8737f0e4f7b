/**
 * Short-lived UI state (the /histories paging records) that expires by elapsed time.
 *
 * keyv's own TTL is a wall-clock date (`Date.now() + ttl`): a wall-clock step back of an hour
 * would keep a record an hour longer, a step forward would end it at once. So each record
 * carries its deadline on the monotonic clock of the run that wrote it, and its wall-clock
 * deadline, the only measure that survives a restart: when the store opens, the records of an
 * earlier run move onto this run's clock with what the wall clock says is left of them (never
 * more than their TTL), or are deleted. No keyv TTL is set: these deadlines are the only ones.
 * A record that belongs to a member carries that member's id as `userId` in its value, so
 * /privacy can list it and /unlink delete it.
 */
import { randomUUID } from "node:crypto";
import type { Keyv } from "keyv";
import { z } from "zod";
import type { Clock } from "../clock.js";
import type { ListedEntry } from "./backend.js";
import type { UiStateStore } from "./types.js";

const uiRecord = z.object({
  value: z.unknown(),
  /** The run (one open store) whose monotonic clock `until` is on. */
  run: z.string(),
  until: z.number(),
  wallUntil: z.number(),
  ttlMs: z.number(),
});
type UiRecord = z.infer<typeof uiRecord>;

export interface UiState extends UiStateStore {
  /** At open: takes over an earlier run's records (listed), deleting the expired and broken. */
  adopt(entries: ListedEntry[]): Promise<void>;
}

export function createUiState(
  keyv: Keyv,
  clock: Clock,
  /** Every row of the namespace (for /privacy, /unlink and the full sweep). */
  list: () => Promise<ListedEntry[]>,
): UiState {
  const run = randomUUID();
  /** This run's deadlines, so that records nobody reads again are deleted all the same. */
  const deadlines = new Map<string, number>();

  /** Milliseconds left; an earlier run's record by the wall clock, capped at its TTL. */
  function left(record: UiRecord): number {
    if (record.run === run) return record.until - clock.now();
    return Math.min(record.ttlMs, record.wallUntil - clock.wall());
  }

  async function write(key: string, value: unknown, ttlMs: number): Promise<void> {
    const until = clock.now() + ttlMs;
    const record: UiRecord = { value, run, until, wallUntil: clock.wall() + ttlMs, ttlMs };
    await keyv.set(key, record);
    deadlines.set(key, until);
  }

  async function remove(keys: string[]): Promise<void> {
    for (const key of keys) deadlines.delete(key);
    if (keys.length > 0) await keyv.delete(keys);
  }

  async function sweep(): Promise<void> {
    const now = clock.now();
    await remove([...deadlines].filter(([, until]) => until <= now).map(([key]) => key));
  }

  /** Every row, parsed: live ones with their value, and the keys of expired or broken ones. */
  async function listAll() {
    const live: { key: string; value: unknown }[] = [];
    const dead: string[] = [];
    for (const entry of await list()) {
      const record = "value" in entry ? uiRecord.safeParse(entry.value) : undefined;
      if (record?.success && left(record.data) > 0)
        live.push({ key: entry.key, value: record.data.value });
      else dead.push(entry.key);
    }
    return { live, dead };
  }

  return {
    async get<T>(key: string): Promise<T | undefined> {
      const raw = await keyv.get<unknown>(key);
      if (raw === undefined || raw === null) return undefined;
      const record = uiRecord.safeParse(raw);
      if (record.success && left(record.data) > 0) return record.data.value as T;
      await remove([key]);
      return undefined;
    },
    async set(key, value, ttlMs) {
      // Without a TTL the row would stay forever: UI state must always expire.
      if (!(ttlMs > 0)) throw new RangeError("ttlMs must be a positive number of milliseconds");
      await sweep();
      await write(key, value, ttlMs);
    },
    async delete(key) {
      deadlines.delete(key);
      return keyv.delete(key);
    },
    async listByUser(userId) {
      return (await listAll()).live.filter((e) => ownerOf(e.value) === userId);
    },
    async deleteByUser(userId) {
      const owned = (await listAll()).live.filter((e) => ownerOf(e.value) === userId);
      await remove(owned.map((e) => e.key));
      return owned.length;
    },
    async sweep() {
      const { live, dead } = await listAll();
      await remove(dead);
      return live.length;
    },
    async adopt(entries) {
      const stale: string[] = [];
      for (const entry of entries) {
        const record = "value" in entry ? uiRecord.safeParse(entry.value) : undefined;
        const ms = record?.success ? left(record.data) : 0;
        if (record?.success && ms > 0) await write(entry.key, record.data.value, ms);
        else stale.push(entry.key);
      }
      await remove(stale);
    },
  };
}

function ownerOf(value: unknown): unknown {
  return typeof value === "object" && value !== null && "userId" in value
    ? value.userId
    : undefined;
}
