/** Locale-aware words for pictures and their alt text: durations, UTC dates, numbers. */
import { DateTime } from "luxon";
import type { Locale } from "../i18n/index.js";

const units = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
] as const;

/**
 * `2 days 1 hr 31 min` in the reader's language (Intl's own unit names),
 * magnitude only, at most `parts` units; under a minute in seconds.
 */
export function humanDuration(seconds: number, locale: Locale, parts = 3): string {
  if (!Number.isFinite(seconds)) return "?";
  let rest = Math.round(Math.abs(seconds));
  const unit = (name: string, value: number) =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(
      value,
    );
  if (rest < 60) return unit("second", rest);
  const out: string[] = [];
  for (const [name, size] of units) {
    const value = Math.floor(rest / size);
    rest -= value * size;
    if (value > 0 && out.length < parts) out.push(unit(name, value));
  }
  return out.join(" ");
}

/** `+2 days 1 hr`, `-30 min`, `0 s`-like zero without a sign. */
export function signedDuration(seconds: number, locale: Locale): string {
  const text = humanDuration(seconds, locale);
  if (!Number.isFinite(seconds) || Math.round(seconds) === 0) return text;
  return `${seconds < 0 ? "−" : "+"}${text}`;
}

/** `3 Feb 2026 09:30` in UTC with the reader's month names (the zone is named by the caller). */
export function utcDateTime(
  date: Date | number,
  locale: Locale,
  format = "d LLL yyyy HH:mm",
): string {
  const ms = typeof date === "number" ? date : date.getTime();
  return DateTime.fromMillis(ms, { zone: "utc" }).setLocale(locale).toFormat(format);
}

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}
