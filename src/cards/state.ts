/**
 * What a card shows, kept up to date from history items: built once from the whole session
 * when the card is posted, then carried forward by the items the poller reads for the member's
 * subscriptions. Counting is exactly once per item: the card has its own watermark and the keys
 * counted within its late window, the same rule a subscription uses (feeds/historyDetect).
 */
import { detectNew } from "../feeds/historyDetect.js";
import { startingState } from "../subscriptions/start.js";
import type { CardState, LastChange } from "../store/cards.js";
import type { HistoryItem, TrackerSession } from "../tracker/types.js";
import { signedSeconds } from "../format/items.js";

/** Days of per-day totals a card keeps: today and this week, and one spare. */
const keptDays = 8;

/** `YYYY-MM-DD` of a date in UTC: the card's "today" and "this week" are UTC days. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The session's open games, from its `games` object as the tracker sent it (dice, link, luck). */
export function openGames(session: Pick<TrackerSession, "openGames">): string[] {
  return [...(session.openGames ?? [])];
}

function lastChangeOf(item: HistoryItem): LastChange {
  return {
    type: item.type,
    seconds: signedSeconds(item),
    source: item.source,
    dom: item.dom,
    happened: item.happened.toISOString(),
  };
}

/** Adds items (oldest first, none counted before) to the totals, the days and the last change. */
function count(state: CardState, items: readonly HistoryItem[], nowMs: number): CardState {
  const days = { ...state.days };
  let { added, removed, last, schedule } = state;
  for (const item of items) {
    const seconds = signedSeconds(item) ?? 0;
    if (seconds > 0) added += seconds;
    else removed -= seconds;
    const day = utcDay(item.happened.getTime());
    days[day] = (days[day] ?? 0) + seconds;
    if (last === null || item.happened.toISOString() >= last.happened) {
      last = lastChangeOf(item);
      if (item.schedule !== null) schedule = item.schedule.toISOString();
    }
  }
  const oldestKept = utcDay(nowMs - (keptDays - 1) * 86_400_000);
  for (const day of Object.keys(days)) if (day < oldestKept) delete days[day];
  return { ...state, days, added, removed, last, schedule };
}

/** A new card's state: the session and all of its history (any order). */
export function initialCardState(
  session: Pick<TrackerSession, "start" | "scheduledEnd" | "end" | "openGames">,
  history: readonly HistoryItem[],
  nowMs: number,
): CardState {
  const oldestFirst = [...history].sort((a, b) => a.happened.getTime() - b.happened.getTime());
  const empty: CardState = {
    start: session.start.toISOString(),
    schedule: session.scheduledEnd?.toISOString() ?? null,
    last: null,
    added: 0,
    removed: 0,
    days: {},
    games: openGames(session),
    ...startingState(oldestFirst),
    endedAt: session.end?.toISOString() ?? null,
  };
  const counted = count(empty, oldestFirst, nowMs);
  // The session's own scheduled end is the newest word on the release.
  return { ...counted, schedule: session.scheduledEnd?.toISOString() ?? counted.schedule };
}

/** The state after a read of the session; undefined when nothing in it was new to the card. */
export function advanceCardState(
  state: CardState,
  items: readonly HistoryItem[],
  nowMs: number,
): CardState | undefined {
  const found = detectNew(state, {}, items);
  if (found.next === null) return undefined;
  return { ...count(state, found.handled, nowMs), ...found.next };
}

/** Net seconds today (UTC) and over the last seven UTC days, today included. */
export function netToday(state: CardState, nowMs: number): { today: number; week: number } {
  let week = 0;
  for (let i = 0; i < 7; i++) week += state.days[utcDay(nowMs - i * 86_400_000)] ?? 0;
  return { today: state.days[utcDay(nowMs)] ?? 0, week };
}
