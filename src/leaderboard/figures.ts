/** A member's figures for one month (UTC), from what the tracker returns: pure. */
import type { HistoryItem, TrackerSession } from "../tracker/types.js";

export interface MonthBounds {
  startMs: number;
  endMs: number;
}

/** `YYYY-MM` of a date (UTC). */
export const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

export function monthBounds(month: string): MonthBounds {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  return { startMs: Date.UTC(year, mon - 1, 1), endMs: Date.UTC(year, mon, 1) };
}

/** Seconds the sessions were locked within the month, up to `nowMs`. */
export function lockedInMonth(
  sessions: readonly Pick<TrackerSession, "start" | "end" | "active">[],
  month: MonthBounds,
  nowMs: number,
): number {
  let ms = 0;
  const to = Math.min(month.endMs, nowMs);
  for (const s of sessions) {
    const end = s.end?.getTime() ?? (s.active ? nowMs : s.start.getTime());
    ms += Math.max(0, Math.min(end, to) - Math.max(s.start.getTime(), month.startMs));
  }
  return Math.round(ms / 1000);
}

/** Added by someone else: a dom's action, or a link-game vote. */
export function addedByOthers(item: HistoryItem): boolean {
  return item.type === "ADD" && (item.dom || item.source === "DOM" || item.source === "LINK");
}

/** Seconds others added within the month. */
export function othersInMonth(items: readonly HistoryItem[], month: MonthBounds): number {
  let seconds = 0;
  for (const item of items) {
    const at = item.happened.getTime();
    if (at < month.startMs || at >= month.endMs || !addedByOthers(item)) continue;
    seconds += Math.abs(item.unit ?? 0);
  }
  return seconds;
}

/** The running session's start, newest first; undefined when none runs. */
export function currentStart(sessions: readonly TrackerSession[]): Date | undefined {
  return sessions
    .filter((s) => s.active && s.end === null)
    .sort((a, b) => b.start.getTime() - a.start.getTime())[0]?.start;
}
