/**
 * Date handling at the tracker boundary. The tracker speaks UTC strings
 * without a zone marker (`YYYY-MM-DD HH:MM:SS[.mmm]`); `new Date(str)` would
 * read those as local time, so they are taken apart by hand here and never
 * touch the process time zone.
 */

const wireDateTime =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/**
 * `YYYY-MM-DD HH:MM:SS` in UTC, floored to the second: what `from`/`to` are
 * sent as. Flooring keeps an inclusive `from` inclusive of the item that
 * happened at `.mmm` within that second; callers de-duplicate the overlap.
 */
export function formatTrackerDateTime(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("formatTrackerDateTime: invalid date");
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/**
 * Parses the tracker's UTC datetime. Accepts, defensively, ISO forms with
 * `T`, `Z` or an explicit offset, a date without time (midnight UTC), and
 * more than three fraction digits (truncated to milliseconds). Returns
 * undefined for anything else, including impossible dates like 02-30.
 */
export function parseTrackerDateTime(text: string): Date | undefined {
  const m = wireDateTime.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const millis = Number(frac.slice(0, 3).padEnd(3, "0"));
  // Years below 1000 are MySQL zero dates or garbage (and Date.UTC maps 0..99 to 19xx).
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  let epoch = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 02-30 over into March; a round trip catches that.
  if (new Date(epoch).getUTCDate() !== day) return undefined;
  if (zone && zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    epoch -= sign * offsetMinutes * 60_000;
  }
  return new Date(epoch);
}
