/** The embed of one `/histories` page. */
import type { APIEmbed } from "discord.js";
import { DateTime } from "luxon";
import type { HistoryItem, HistorySource, HistoryType } from "../tracker/types.js";
import { formatSignedDuration } from "./duration.js";
import { escapeMarkdown, formatItemLine, netSeconds } from "./items.js";

/** Discord's documented per-field limits for embeds. */
export const embedLimits = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  fields: 25,
  /** Sum of title, description, field names and values, footer text and author name. */
  total: 6000,
  perMessage: 10,
} as const;

export interface HistoriesEmbedFilters {
  type?: HistoryType | undefined;
  source?: HistorySource | undefined;
  dom?: boolean | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export interface HistoriesEmbedInput {
  session: number;
  /** Newest first, as the tracker returns them; shown in the given order. */
  items: readonly HistoryItem[];
  filters: HistoriesEmbedFilters;
  /** 1-based. */
  page: number;
  nick?: string | undefined;
  /** True when the tracker has another (older) page after this one. */
  hasOlder: boolean;
}

/** `2026-02-01 00:00 UTC`; seconds only when present (a relative `from` like `90m` has them). */
export function formatUtc(date: Date): string {
  const dt = DateTime.fromJSDate(date, { zone: "utc" });
  if (!dt.isValid) return "invalid date";
  return `${dt.toFormat(dt.second === 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss")} UTC`;
}

/** `type: ADD · source: DICE · dom only · from … · to …`, or an empty list when nothing filters. */
export function describeFilters(filters: HistoriesEmbedFilters): string[] {
  const parts: string[] = [];
  if (filters.type !== undefined) parts.push(`type: ${filters.type}`);
  if (filters.source !== undefined) parts.push(`source: ${filters.source}`);
  if (filters.dom === true) parts.push("dom only");
  if (filters.dom === false) parts.push("not by dom");
  if (filters.from !== undefined) parts.push(`from ${formatUtc(filters.from)}`);
  if (filters.to !== undefined) parts.push(`to ${formatUtc(filters.to)}`);
  return parts;
}

/** Cuts to `max` characters with an ellipsis; limits are counted in UTF-16 units, never less than Discord counts. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Do not leave half a surrogate pair behind: it renders as a replacement glyph.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Joins lines until the next one would pass `max`, then says how many were
 * left out, so a page never loses lines silently or breaks one in half.
 */
export function joinLinesWithin(lines: readonly string[], max: number): string {
  const all = lines.join("\n");
  if (all.length <= max) return all;
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const note = `\n… ${lines.length - index} more not shown`;
    const added = (kept.length === 0 ? 0 : 1) + line.length;
    if (length + added + note.length > max) {
      return truncate(`${kept.join("\n")}${note}`, max);
    }
    kept.push(line);
    length += added;
  }
  return kept.join("\n");
}

export function historiesTitle(session: number, nick?: string): string {
  // Same "<nick> · session N" shape as the channel posts, so both read as one family.
  const base =
    nick === undefined || nick === ""
      ? `Session ${session}`
      : `${escapeMarkdown(nick)} · session ${session}`;
  return truncate(`📜 ${base}`, embedLimits.title);
}

function emptyText(filtered: boolean, page: number): string {
  if (page > 1) return "No more history items: this is past the oldest page.";
  if (filtered) return "No history items match these filters.";
  return "No history items in this session yet.";
}

export function buildHistoriesEmbed(input: HistoriesEmbedInput): APIEmbed {
  const filterParts = describeFilters(input.filters);
  const footerParts = [`Page ${input.page}`, ...filterParts];
  // Said in the footer because the page buttons alone do not tell why "older" is disabled.
  if (input.hasOlder) footerParts.push("older items on the next page");
  const embed: APIEmbed = {
    title: historiesTitle(input.session, input.nick),
    footer: { text: truncate(footerParts.join(" · "), embedLimits.footer) },
  };
  if (input.items.length === 0) {
    embed.description = emptyText(filterParts.length > 0, input.page);
    return embed;
  }
  embed.description = joinLinesWithin(input.items.map(formatItemLine), embedLimits.description);
  const changes = input.items.filter((item) => item.type !== "START").length;
  embed.fields = [
    {
      name: "Net on this page",
      value:
        changes === 0
          ? "no time added or removed"
          : `**${formatSignedDuration(netSeconds(input.items))}** over ${changes} ${changes === 1 ? "change" : "changes"}`,
      inline: false,
    },
  ];
  return embed;
}
