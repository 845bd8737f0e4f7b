/**
 * The late-window watermark, written once for every feed. `happened` has second precision and
 * two writers may commit out of order, so a feed's state is the newest handled `happened` (its
 * watermark) and the identities it handled within `lateWindowSeconds` before that second. Each
 * read starts at the oldest watermark's window (the tracker's `from` is inclusive), which also
 * catches an item that became visible after a newer one had been read. An item is new iff its
 * second is later than the watermark's, or inside the window and its identity not seen.
 * Everything here is deterministic and free of I/O.
 */
import { secondOf, watermarkMs } from "../util/watermark.js";

/** A feed's position in a subscription. */
export interface WindowState<Id> {
  /** `happened` (ISO 8601 with ms) of the newest handled item; null: nothing yet. */
  watermark: string | null;
  /** Identities handled within the late window before the watermark's second. */
  seen: readonly Id[];
}

/** The state after handling something: there is always a watermark then. */
export interface WindowAdvance<Id> {
  watermark: string;
  seen: Id[];
}

export interface WindowIdentity<Item, Id> {
  /** An item's identity within its feed. */
  key(item: Item): Id;
  /** The second an identity names, when it names one (a history key ends in its ms). */
  secondOfKey?(id: Id): number;
}

export interface Window<Item extends { happened: Date }, Id> {
  readonly lateWindowSeconds: number;
  /** The start of the oldest watermark's window; undefined (no bound) when one has none. */
  since(watermarks: readonly (string | null)[]): Date | undefined;
  /** Every new item of a read reaching back to the state's window, and the state once handled. */
  detect(
    state: WindowState<Id>,
    oldestFirst: readonly Item[],
  ): { handled: Item[]; next: WindowAdvance<Id> | null };
  /** Never moves back: a stale advance is ignored, two of the same second merge their ids. */
  merge(current: WindowState<Id>, advance: WindowAdvance<Id>): WindowState<Id>;
  /** Everything in `items` (the whole window before the newest) counts as handled. */
  seed(items: readonly Item[]): WindowState<Id>;
}

const itemSecond = (item: { happened: Date }): number => secondOf(item.happened.getTime());

export function createWindow<Item extends { happened: Date }, Id>(
  identity: WindowIdentity<Item, Id>,
  lateWindowSeconds: number,
): Window<Item, Id> {
  /** `ids` without repeats, those whose second (`secondOfId`) is inside the window of `mark`. */
  const inWindow = (ids: Iterable<Id>, mark: number, secondOfId: (id: Id) => number): Id[] =>
    [...new Set(ids)].filter((id) => secondOfId(id) >= mark - lateWindowSeconds);

  function newItems(state: WindowState<Id>, oldestFirst: readonly Item[]): Item[] {
    const markMs = watermarkMs(state.watermark);
    const markSecond = markMs === undefined ? undefined : secondOf(markMs);
    const seen = new Set(state.seen);
    const taken = new Set<Id>();
    const handled: Item[] = [];
    for (const item of oldestFirst) {
      const id = identity.key(item);
      if (taken.has(id)) continue;
      const second = itemSecond(item);
      const isNew =
        markSecond === undefined ||
        second > markSecond ||
        (second >= markSecond - lateWindowSeconds && !seen.has(id));
      if (!isNew) continue;
      taken.add(id);
      handled.push(item);
    }
    return handled;
  }

  return {
    lateWindowSeconds,
    since(watermarks) {
      let min = Number.POSITIVE_INFINITY;
      for (const watermark of watermarks) {
        const ms = watermarkMs(watermark);
        if (ms === undefined) return undefined;
        min = Math.min(min, ms);
      }
      if (!Number.isFinite(min)) return undefined;
      return new Date((secondOf(min) - lateWindowSeconds) * 1000);
    },
    detect(state, oldestFirst) {
      const handled = newItems(state, oldestFirst);
      if (handled.length === 0) return { handled, next: null };
      const markMs = watermarkMs(state.watermark);
      let nextMs = markMs ?? Number.NEGATIVE_INFINITY;
      for (const item of handled) nextMs = Math.max(nextMs, item.happened.getTime());
      const read = new Map<Id, number>();
      for (const item of oldestFirst) {
        const id = identity.key(item);
        if (!read.has(id)) read.set(id, itemSecond(item));
      }
      // A seen identity the read left out happened at or before the old watermark's second:
      // it stays while that second is still inside the new window.
      const unread = markMs === undefined ? Number.NEGATIVE_INFINITY : secondOf(markMs);
      const secondOfId = (id: Id) => identity.secondOfKey?.(id) ?? read.get(id) ?? unread;
      const ids = [...state.seen, ...handled.map((item) => identity.key(item))];
      return {
        handled,
        next: {
          watermark: new Date(nextMs).toISOString(),
          seen: inWindow(ids, secondOf(nextMs), secondOfId),
        },
      };
    },
    merge(current, advance) {
      const currentMs = watermarkMs(current.watermark);
      const advanceMs = watermarkMs(advance.watermark);
      if (advanceMs === undefined) return current;
      if (currentMs === undefined || secondOf(advanceMs) > secondOf(currentMs)) return advance;
      if (secondOf(advanceMs) < secondOf(currentMs)) return current;
      const mark = secondOf(Math.max(advanceMs, currentMs));
      return {
        watermark: advanceMs > currentMs ? advance.watermark : current.watermark,
        // Both were inside this second's window; an identity that names its second is checked.
        seen: inWindow([...current.seen, ...advance.seen], mark, (id) => {
          return identity.secondOfKey?.(id) ?? mark;
        }),
      };
    },
    seed(items) {
      if (items.length === 0) return { watermark: null, seen: [] };
      let newestMs = Number.NEGATIVE_INFINITY;
      for (const item of items) newestMs = Math.max(newestMs, item.happened.getTime());
      const start = secondOf(newestMs) - lateWindowSeconds;
      return {
        watermark: new Date(newestMs).toISOString(),
        seen: [
          ...new Set(
            items.filter((item) => itemSecond(item) >= start).map((item) => identity.key(item)),
          ),
        ],
      };
    },
  };
}
