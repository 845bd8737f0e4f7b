/**
 * The rate estimates survive a restart: one meta value (`poller:rates:v1`) holding a JSON
 * object from source key (`<userId>:<session>`, `active:<userId>`) to its RateState
 * ({ since, at, mark, counts }, dates in ms since the epoch). Only the sources that exist are
 * written, so it stays small (about 100 bytes a source), at most once a minute.
 */
import type { Logger } from "pino";
import type { MetaStore } from "../../store/types.js";
import { isStoreWriteError } from "../../store/writeErrors.js";
import { errorSummary } from "../../util/errorSummary.js";
import { parseRateState, type RateState } from "./rate.js";
import type { Schedule } from "./schedule.js";

export const ratesMetaKey = "poller:rates:v1";
const saveEveryMs = 60_000;

export function createRateKeeper(meta: MetaStore, schedule: Schedule, logger: Logger) {
  let loaded = false;
  let savedAt = Number.NEGATIVE_INFINITY;
  return {
    /** Reads the stored estimates once (before the first plan that uses them). */
    async load(): Promise<void> {
      if (loaded) return;
      loaded = true;
      try {
        const raw = await meta.get(ratesMetaKey);
        if (raw === undefined) return;
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed !== "object" || parsed === null) return;
        const rates: Record<string, RateState> = {};
        for (const [key, value] of Object.entries(parsed)) {
          const state = parseRateState(value);
          if (state !== undefined) rates[key] = state;
        }
        schedule.restore(rates);
      } catch (err) {
        logger.warn({ err: errorSummary(err) }, "could not read the stored change rates");
      }
    },
    /** Writes the estimates when the last write is a minute old (monotonic `nowMs`). */
    async save(nowMs: number, force = false): Promise<void> {
      if (!force && nowMs - savedAt < saveEveryMs) return;
      savedAt = nowMs;
      const rates = schedule.rates();
      const compact: Record<string, unknown> = {};
      for (const [key, s] of Object.entries(rates)) {
        compact[key] = { ...s, counts: s.counts.map((c) => Math.round(c * 1e4) / 1e4) };
      }
      try {
        await meta.set(ratesMetaKey, JSON.stringify(compact));
      } catch (err) {
        // A store that cannot write is logged once by its tracker; the rates are saved next time.
        if (isStoreWriteError(err)) return;
        logger.warn({ err: errorSummary(err) }, "could not store the change rates");
      }
    },
  };
}

export type RateKeeper = ReturnType<typeof createRateKeeper>;
