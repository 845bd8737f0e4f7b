/**
 * Which weekly digest is due: pure, over the wall clock's date, the member's time zone and
 * their chosen weekday and hour. The digest of a week is named by the ISO week (in the member's
 * zone) of its hour, so "posted" is one comparison of names, across restarts and clock steps.
 */
import { DateTime, type WeekdayNumbers } from "luxon";

/** ISO weekdays, Monday first: the option's choices (their values are the names). */
export const weekdays = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type Weekday = (typeof weekdays)[number];

export interface DigestTime {
  /** IANA zone (luxon), e.g. "UTC". */
  zone: string;
  day: Weekday;
  /** 0-23, wall-clock hour in `zone`. */
  hour: number;
}

export interface DueDigest {
  /** `YYYY-Www`, e.g. 2026-W49 (sorts in time order as text). */
  week: string;
  /** The digest's hour (epoch ms), the end of the week it covers. */
  slotMs: number;
  /** Seven days (of the zone's calendar) before the slot. */
  fromMs: number;
}

export const isoWeekOf = (dt: DateTime): string => dt.toFormat("kkkk-'W'WW");

/** The latest slot at or before `nowMs`. */
export function latestSlot(nowMs: number, time: DigestTime): DueDigest {
  const now = DateTime.fromMillis(nowMs, { zone: time.zone });
  const at = (dt: DateTime) =>
    dt.set({ weekday: (weekdays.indexOf(time.day) + 1) as WeekdayNumbers }).set({
      hour: time.hour,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
  let slot = at(now);
  if (slot.toMillis() > nowMs) slot = at(now.minus({ weeks: 1 }));
  return {
    week: isoWeekOf(slot),
    slotMs: slot.toMillis(),
    fromMs: slot.minus({ weeks: 1 }).toMillis(),
  };
}

/**
 * The digest to post now, if any: the latest slot, unless it came before the member set the
 * digest up (`sinceMs`) or its week (or a later one, after a clock step back) was posted.
 * A missed hour stays due until the next slot replaces it: posted late, never twice.
 */
export function dueDigest(
  nowMs: number,
  time: DigestTime,
  sinceMs: number,
  lastWeek: string | null,
): DueDigest | undefined {
  const slot = latestSlot(nowMs, time);
  if (slot.slotMs < sinceMs) return undefined;
  if (lastWeek !== null && lastWeek >= slot.week) return undefined;
  return slot;
}
