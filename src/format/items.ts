/**
 * One line of Discord markdown per history item. The `/histories` command and
 * the channel poster both use `formatItemLine`, so an item reads the same in a
 * browsed page and in a live post.
 */
import { type Locale, t } from "../i18n/index.js";
import type { HistoryItem, HistorySource, HistoryType } from "../tracker/types.js";
import { formatSignedDuration } from "./duration.js";

const sourceEmoji: Record<HistorySource, string> = {
  DICE: "🎲",
  LINK: "🔗",
  LUCK: "🍀",
  MANUAL: "✍️",
  PENALTY: "⚠️",
  DOM: "👑",
};

/** Shown when the tracker sends `source: null` on an ADD/SUB: a change with no known origin. */
export const neutralEmoji = "⏱️";
export const startEmoji = "🔒";
const domEmoji = "👑";
/** `👑 by dom` in the reader's language. */
export function domMarkerIn(locale: Locale): string {
  return `${domEmoji} ${t(locale, "items.byDom")}`;
}

/** `🎲 Dice`; for a null source only the neutral emoji, since there is no source to name. */
export function sourceLabel(source: HistorySource | null, locale: Locale = "en"): string {
  if (source === null) return neutralEmoji;
  return `${sourceEmoji[source]} ${t(locale, `items.source${source}`)}`;
}

export function typeLabel(type: HistoryType, locale: Locale = "en"): string {
  return t(locale, `items.type${type}`);
}

/**
 * The change in seconds with the sign taken from `type`, not from `unit`: the
 * docs describe `unit` as "seconds" without saying whether a SUB carries a
 * negative number, so either convention yields the same (ADD +, SUB -) value.
 * Null for START and for an ADD/SUB without a unit (nothing to count).
 */
export function signedSeconds(item: HistoryItem): number | null {
  if (item.type === "START" || item.unit === null || !Number.isFinite(item.unit)) return null;
  const magnitude = Math.abs(item.unit);
  return item.type === "ADD" ? magnitude : -magnitude;
}

/** Net time added (positive) or removed (negative) by these items; START counts as nothing. */
export function netSeconds(items: readonly HistoryItem[]): number {
  let sum = 0;
  for (const item of items) sum += signedSeconds(item) ?? 0;
  return sum;
}

/** Discord timestamps take whole UNIX seconds; floor so `.999` never rounds into the next second. */
export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** `<t:UNIX:R>` and friends render in each reader's own zone, which is why we never format times ourselves here. */
export function discordTimestamp(
  date: Date,
  style: "R" | "f" | "F" | "d" | "D" | "t" | "T",
): string {
  return `<t:${unixSeconds(date)}:${style}>`;
}

/**
 * Backslash-escapes Discord markdown (and `<`, which starts mentions and
 * timestamps) so nicks like `__x__` or `a*b` render literally.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~|<>[\]]/g, "\\$&");
}

/**
 * `🎲 Dice · added **+1 day** · 👑 by dom · release <t:…:f> · <t:…:R>`
 * `🔒 **Session started** · release <t:…:f> · <t:…:R>`
 * The release comes before the relative time in both shapes so columns line
 * up when several lines are stacked in one embed.
 */
export function formatItemLine(item: HistoryItem, locale: Locale = "en"): string {
  const parts: string[] = [];
  if (item.type === "START") {
    parts.push(`${startEmoji} **${t(locale, "items.sessionStarted")}**`);
  } else {
    // A null source gets the neutral emoji glued to the type so the line still starts with an emoji.
    const seconds = signedSeconds(item);
    const type = typeLabel(item.type, locale);
    const change = seconds === null ? type : `${type} **${formatSignedDuration(seconds, locale)}**`;
    if (item.source === null) parts.push(`${neutralEmoji} ${change}`);
    else parts.push(sourceLabel(item.source, locale), change);
  }
  if (item.dom) parts.push(domMarkerIn(locale));
  if (item.schedule !== null && Number.isFinite(item.schedule.getTime())) {
    parts.push(t(locale, "items.release", { time: discordTimestamp(item.schedule, "f") }));
  }
  parts.push(discordTimestamp(item.happened, "R"));
  return parts.join(" · ");
}
