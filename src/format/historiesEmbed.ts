/** The embed of one `/histories` page. */
import type { APIEmbed } from "discord.js";
import { DateTime } from "luxon";
import { type Locale, type Translate, translator } from "../i18n/index.js";
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
  /** The reader's language; English when not given. */
  locale?: Locale | undefined;
}

/**
 * `2026-02-01 00:00 UTC`; seconds only when present (a relative `from` like
 * `90m` has them). ISO in every language: it is what `from`/`to` accept.
 */
export function formatUtc(date: Date, locale: Locale = "en"): string {
  const dt = DateTime.fromJSDate(date, { zone: "utc" });
  if (!dt.isValid) return translator(locale)("histories.invalidDate");
  return `${dt.toFormat(dt.second === 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss")} UTC`;
}

/** `type: ADD · source: DICE · dom only · from … · to …`, or an empty list when nothing filters. */
export function describeFilters(filters: HistoriesEmbedFilters, locale: Locale = "en"): string[] {
  const tr = translator(locale);
  const parts: string[] = [];
  if (filters.type !== undefined) parts.push(tr("histories.filterType", { type: filters.type }));
  if (filters.source !== undefined)
    parts.push(tr("histories.filterSource", { source: filters.source }));
  if (filters.dom === true) parts.push(tr("histories.domOnly"));
  if (filters.dom === false) parts.push(tr("histories.notByDom"));
  if (filters.from !== undefined)
    parts.push(tr("histories.filterFrom", { date: formatUtc(filters.from, locale) }));
  if (filters.to !== undefined)
    parts.push(tr("histories.filterTo", { date: formatUtc(filters.to, locale) }));
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
export function joinLinesWithin(lines: readonly string[], max: number, tr: Translate): string {
  const all = lines.join("\n");
  if (all.length <= max) return all;
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const note = `\n${tr("histories.moreNotShown", { count: lines.length - index })}`;
    const added = (kept.length === 0 ? 0 : 1) + line.length;
    if (length + added + note.length > max) {
      return truncate(`${kept.join("\n")}${note}`, max);
    }
    kept.push(line);
    length += added;
  }
  return kept.join("\n");
}

export function historiesTitle(session: number, nick: string | undefined, locale: Locale): string {
  // Same "<nick> · session N" shape as the channel posts, so both read as one family.
  const tr = translator(locale);
  const base =
    nick === undefined || nick === ""
      ? tr("histories.title", { session })
      : tr("histories.titleWithNick", { nick: escapeMarkdown(nick), session });
  return truncate(`📜 ${base}`, embedLimits.title);
}

function emptyText(filtered: boolean, page: number, tr: Translate): string {
  if (page > 1) return tr("histories.emptyPastEnd");
  if (filtered) return tr("histories.emptyFiltered");
  return tr("histories.empty");
}

export function buildHistoriesEmbed(input: HistoriesEmbedInput): APIEmbed {
  const locale = input.locale ?? "en";
  const tr = translator(locale);
  const filterParts = describeFilters(input.filters, locale);
  const footerParts = [tr("histories.page", { page: input.page }), ...filterParts];
  // Said in the footer because the page buttons alone do not tell why "older" is disabled.
  if (input.hasOlder) footerParts.push(tr("histories.olderOnNextPage"));
  const embed: APIEmbed = {
    title: historiesTitle(input.session, input.nick, locale),
    footer: { text: truncate(footerParts.join(" · "), embedLimits.footer) },
  };
  if (input.items.length === 0) {
    embed.description = emptyText(filterParts.length > 0, input.page, tr);
    return embed;
  }
  embed.description = joinLinesWithin(
    input.items.map((item) => formatItemLine(item, locale)),
    embedLimits.description,
    tr,
  );
  const changes = input.items.filter((item) => item.type !== "START").length;
  embed.fields = [
    {
      name: tr("histories.netTitle"),
      value:
        changes === 0
          ? tr("histories.netNone")
          : tr("histories.net", {
              net: formatSignedDuration(netSeconds(input.items), locale),
              count: changes,
            }),
      inline: false,
    },
  ];
  return embed;
}
