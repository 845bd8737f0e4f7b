/** Human-readable durations for history changes ("+1 day 1 h 1 min 1 s"). */
import { Duration } from "luxon";

/**
 * Days are the largest unit on purpose: lock changes read naturally as
 * "+10 days", and weeks/months would need calendar rules that a plain
 * number of seconds does not carry.
 */
const units = ["days", "hours", "minutes", "seconds"] as const;

function unitText(unit: (typeof units)[number], value: number): string {
  switch (unit) {
    case "days":
      return value === 1 ? "1 day" : `${value} days`;
    case "hours":
      return `${value} h`;
    case "minutes":
      return `${value} min`;
    case "seconds":
      return `${value} s`;
  }
}

/**
 * Magnitude only: `90061` and `-90061` both give `1 day 1 h 1 min 1 s`.
 * Zero parts are left out, so `7200` is `2 h` rather than `2 h 0 min 0 s`.
 * Fractions are rounded to whole seconds (the tracker only sends integers).
 * A non-finite input gives `?` instead of throwing: a formatter must never
 * take down a whole message because of one odd value.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const total = Math.round(Math.abs(seconds));
  if (total === 0) return "0 s";
  const parts = Duration.fromObject({ seconds: total })
    .shiftTo(...units)
    .toObject();
  const texts: string[] = [];
  for (const unit of units) {
    const value = parts[unit] ?? 0;
    if (value !== 0) texts.push(unitText(unit, value));
  }
  return texts.join(" ");
}

/** `+1 day`, `-1 h`; zero has no sign (`0 s`) because it neither adds nor removes. */
export function formatSignedDuration(seconds: number): string {
  const text = formatDuration(seconds);
  if (text === "0 s" || text === "?") return text;
  return `${seconds < 0 ? "-" : "+"}${text}`;
}
