/**
 * Parses the `from`/`to` options of slash commands. Every wall-clock form is
 * read as UTC (the tracker's own zone) unless it carries an offset: the bot's
 * host zone means nothing to a member typing a date.
 */
import { DateTime } from "luxon";
import { type Locale, t } from "../i18n/index.js";

export type TimeInputResult = { ok: true; date: Date } | { ok: false };

/** How to write a time, in the member's language. */
export function timeInputHelpIn(locale: Locale): string {
  return t(locale, "time.help");
}

/** Outside these years a date is a typo, not a history query (the tracker is younger than 2000). */
const minYear = 2000;
const maxYear = 2100;
/** Ten years back is already more than any session; larger ages are typos too. */
const maxAgeSeconds = 10 * 366 * 86_400;

const unitSeconds: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 };

const relativePattern = /^(\d{1,9})\s*([smhdw])$/i;
const dateOnlyPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
// Hours stop at 23: ISO's "24:00" (end of day) is legal but reads as a typo in a chat box.
const wallClockPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:T|\s+)([01]\d|2[0-3]):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/i;
const offsetPattern =
  /^(\d{4}-\d{2}-\d{2})(?:T|\s+)((?:[01]\d|2[0-3]):\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}(?::?\d{2})?)$/i;

const rejected: TimeInputResult = { ok: false };

function accept(dt: DateTime): TimeInputResult {
  if (!dt.isValid || dt.year < minYear || dt.year > maxYear) return rejected;
  return { ok: true, date: dt.toJSDate() };
}

function num(text: string | undefined): number {
  return text === undefined ? 0 : Number(text);
}

/** Real offsets run from -12:00 to +14:00; Luxon alone would take `+25:00`. */
function validOffset(offset: string): boolean {
  if (offset.toUpperCase() === "Z") return true;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return hours <= 14 && minutes < 60 && hours * 60 + minutes <= 14 * 60;
}

export function parseTimeInput(input: string, now: Date): TimeInputResult {
  const text = input.trim();

  const relative = relativePattern.exec(text);
  if (relative) {
    const seconds = num(relative[1]) * (unitSeconds[relative[2]!.toLowerCase()] ?? Number.NaN);
    if (!(seconds <= maxAgeSeconds) || !Number.isFinite(now.getTime())) return rejected;
    return accept(DateTime.fromMillis(now.getTime() - seconds * 1000, { zone: "utc" }));
  }

  const dateOnly = dateOnlyPattern.exec(text);
  if (dateOnly) {
    const [, year, month, day] = dateOnly;
    // fromObject marks impossible dates (2026-02-30) invalid instead of rolling them over.
    return accept(
      DateTime.fromObject({ year: num(year), month: num(month), day: num(day) }, { zone: "utc" }),
    );
  }

  const wall = wallClockPattern.exec(text);
  if (wall) {
    const [, year, month, day, hour, minute, second, fraction] = wall;
    return accept(
      DateTime.fromObject(
        {
          year: num(year),
          month: num(month),
          day: num(day),
          hour: num(hour),
          minute: num(minute),
          second: num(second),
          millisecond: fraction === undefined ? 0 : Number(fraction.padEnd(3, "0")),
        },
        { zone: "utc" },
      ),
    );
  }

  const withOffset = offsetPattern.exec(text);
  if (withOffset) {
    const [, date, time, offset] = withOffset;
    if (offset === undefined || !validOffset(offset)) return rejected;
    return accept(DateTime.fromISO(`${date}T${time}${offset.toUpperCase()}`, { setZone: true }));
  }

  return rejected;
}
