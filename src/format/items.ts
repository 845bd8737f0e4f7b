/**
 * One line of Discord markdown per history item. The `/histories` command and
 * the channel poster both use `formatItemLine`, so an item reads the same in a
 * browsed page and in a live post.
 */
import type { HistoryItem, HistorySource, HistoryType } from "../tracker/types.js";
import { formatSignedDuration } from "./duration.js";

const sources: Record<HistorySource, { emoji: string; name: string }> = {
  DICE: { emoji: "🎲", name: "Dice" },
  LINK: { emoji: "🔗", name: "Link game" },
  LUCK: { emoji: "🍀", name: "Luck" },
  MANUAL: { emoji: "✍️", name: "Manual" },
  PENALTY: { emoji: "⚠️", name: "Penalty" },
  DOM: { emoji: "👑", name: "Dom" },
};

/** Shown when the tracker sends `source: null` on an ADD/SUB: a change with no known origin. */
export const neutralEmoji = "⏱️";
export const startEmoji = "🔒";
export const domMarker = "👑 by dom";

/** `🎲 Dice`; for a null source only the neutral emoji, since there is no source to name. */
export function sourceLabel(source: HistorySource | null): string {
  if (source === null) return neutralEmoji;
  const { emoji, name } = sources[source];
  return `${emoji} ${name}`;
}

export function typeLabel(type: HistoryType): string {
  switch (type) {
    case "START":
      return "start";
    case "ADD":
      return "added";
    case "SUB":
      return "removed";
  }
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
export function formatItemLine(item: HistoryItem): string {
  const parts: string[] = [];
  if (item.type === "START") {
    parts.push(`${startEmoji} **Session started**`);
  } else {
    // A null source gets the neutral emoji glued to the type so the line still starts with an emoji.
    const seconds = signedSeconds(item);
    const change =
      seconds === null
        ? typeLabel(item.type)
        : `${typeLabel(item.type)} **${formatSignedDuration(seconds)}**`;
    if (item.source === null) parts.push(`${neutralEmoji} ${change}`);
    else parts.push(sourceLabel(item.source), change);
  }
  if (item.dom) parts.push(domMarker);
  if (item.schedule !== null && Number.isFinite(item.schedule.getTime())) {
    parts.push(`release ${discordTimestamp(item.schedule, "f")}`);
  }
  parts.push(discordTimestamp(item.happened, "R"));
  return parts.join(" · ");
}
