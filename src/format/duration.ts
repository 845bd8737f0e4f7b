/** Human-readable durations for history changes ("+1 day 1 h 1 min 1 s", "+1 Tag 1 Std. ..."). */
import { Duration } from "luxon";
import { type Locale, t } from "../i18n/index.js";

/**
 * Days are the largest unit on purpose: lock changes read naturally as
 * "+10 days", and weeks/months would need calendar rules that a plain
 * number of seconds does not carry.
 */
const units = ["days", "hours", "minutes", "seconds"] as const;

/**
 * Numbers in the language's own digits and grouping ("10,000" / "10.000" /
 * "10 000"); "min2" leaves four-digit counts ungrouped, as people write them.
 */
const numberFormats = new Map<Locale, Intl.NumberFormat>();
export function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping: "min2", maximumFractionDigits: 0 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

function unitText(unit: (typeof units)[number], value: number, locale: Locale): string {
  // `count` picks the plural form (Intl.PluralRules of the language), `n` is what is shown.
  return t(locale, `duration.${unit}`, { count: value, n: formatNumber(value, locale) });
}

/**
 * Magnitude only: `90061` and `-90061` both give `1 day 1 h 1 min 1 s`.
 * Zero parts are left out, so `7200` is `2 h` rather than `2 h 0 min 0 s`.
 * Fractions are rounded to whole seconds (the tracker only sends integers).
 * A non-finite input gives `?` instead of throwing: a formatter must never
 * take down a whole message because of one odd value.
 */
export function formatDuration(seconds: number, locale: Locale = "en"): string {
  if (!Number.isFinite(seconds)) return t(locale, "duration.unknown");
  const total = Math.round(Math.abs(seconds));
  if (total === 0) return unitText("seconds", 0, locale);
  const parts = Duration.fromObject({ seconds: total })
    .shiftTo(...units)
    .toObject();
  const texts: string[] = [];
  for (const unit of units) {
    const value = parts[unit] ?? 0;
    if (value !== 0) texts.push(unitText(unit, value, locale));
  }
  return texts.join(" ");
}

/** `+1 day`, `-1 h`; zero has no sign (`0 s`) because it neither adds nor removes. */
export function formatSignedDuration(seconds: number, locale: Locale = "en"): string {
  if (!Number.isFinite(seconds) || Math.round(Math.abs(seconds)) === 0)
    return formatDuration(seconds, locale);
  return `${seconds < 0 ? "-" : "+"}${formatDuration(seconds, locale)}`;
}
