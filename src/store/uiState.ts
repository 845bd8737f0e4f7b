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
 * /privacy can list it and /unlink delete it. While the database cannot write (a full disk),
 * records are held in memory instead, bounded, so /histories keeps paging (lost on a restart,
 * which the buttons already explain as expired).
 */
import { randomUUID } from "node:crypto";
import type { Keyv } from "keyv";
import { z } from "zod";
import type { Clock } from "../util/clock.js";
import { deadlineIn, msLeft } from "../util/lastingDeadline.js";
import type { ListedEntry } from "./backend.js";
import type { UiStateStore } from "./types.js";
import { isStoreWriteError } from "./writeErrors.js";

/** Memory is the fallback of an outage, not a second database: bounded. */
const maxHeldInMemory = 5_000;

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
  /** At open: takes over an earlier run's records, deleting the expired and broken. */
  adopt(): Promise<void>;
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
  const held = createHeldRecords(clock);

  /** A stored row's value and the milliseconds it has left; undefined when expired or broken. */
  function alive(raw: unknown): { value: unknown; ms: number } | undefined {
    const record = uiRecord.safeParse(raw);
    if (!record.success) return undefined;
    // An earlier run's record by the wall clock, capped at its TTL.
    const ms = msLeft(record.data, clock, run);
    return ms > 0 ? { value: record.data.value, ms } : undefined;
  }

  async function write(key: string, value: unknown, ttlMs: number): Promise<void> {
    const deadline = deadlineIn(clock, run, ttlMs);
    const until = deadline.until;
    const record: UiRecord = { value, ...deadline };
    try {
      await keyv.set(key, record);
    } catch (err) {
      if (!isStoreWriteError(err)) throw err;
      held.hold(key, value, until);
      return;
    }
    held.delete(key);
    deadlines.set(key, until);
  }

  async function remove(keys: string[]): Promise<void> {
    for (const key of keys) {
      deadlines.delete(key);
      held.delete(key);
    }
    if (keys.length === 0) return;
    try {
      await keyv.delete(keys);
    } catch (err) {
      // An expired row reads as gone while it cannot be deleted; the next sweep deletes it.
      if (!isStoreWriteError(err)) throw err;
    }
  }

  async function sweep(): Promise<void> {
    const now = clock.now();
    await remove([...deadlines].filter(([, until]) => until <= now).map(([key]) => key));
  }

  /** Every row, parsed: live ones with their value, and the keys of expired or broken ones. */
  async function listAll() {
    const dead: string[] = [];
    const live = held.live();
    for (const entry of await list()) {
      const record = "value" in entry ? alive(entry.value) : undefined;
      if (record) live.push({ key: entry.key, value: record.value });
      else dead.push(entry.key);
    }
    return { live, dead };
  }

  return {
    async get<T>(key: string): Promise<T | undefined> {
      const kept = held.get(key);
      if (kept !== undefined) return kept.value as T;
      const raw = await keyv.get<unknown>(key);
      if (raw === undefined || raw === null) return undefined;
      const record = alive(raw);
      if (record) return record.value as T;
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
      const inMemory = held.delete(key);
      try {
        return (await keyv.delete(key)) || inMemory;
      } catch (err) {
        if (!isStoreWriteError(err) || !inMemory) throw err;
        return true;
      }
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
    async adopt() {
      const stale: string[] = [];
      for (const entry of await list()) {
        const record = "value" in entry ? alive(entry.value) : undefined;
        if (record) await write(entry.key, record.value, record.ms);
        else stale.push(entry.key);
      }
      await remove(stale);
    },
  };
}

/** Records the database refused to write, with their monotonic deadlines. */
function createHeldRecords(clock: Clock) {
  const held = new Map<string, { value: unknown; until: number }>();
  const get = (key: string): { value: unknown } | undefined => {
    const entry = held.get(key);
    if (entry === undefined) return undefined;
    if (entry.until > clock.now()) return entry;
    held.delete(key);
    return undefined;
  };
  return {
    get,
    hold(key: string, value: unknown, until: number): void {
      if (held.size >= maxHeldInMemory) held.delete(held.keys().next().value as string);
      held.set(key, { value: structuredClone(value), until });
    },
    delete: (key: string): boolean => held.delete(key),
    /** The unexpired ones (expired ones are dropped on the way). */
    live(): { key: string; value: unknown }[] {
      const live: { key: string; value: unknown }[] = [];
      for (const [key, entry] of held) if (get(key)) live.push({ key, value: entry.value });
      return live;
    },
  };
}

function ownerOf(value: unknown): unknown {
  return typeof value === "object" && value !== null && "userId" in value
    ? value.userId
    : undefined;
}
