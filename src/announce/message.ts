/** The release announcement's message body: pure. */
import { formatDuration } from "../format/duration.js";
import { escapeMarkdown } from "../format/items.js";
import { type Locale, translator } from "../i18n/index.js";

export interface SessionTotals {
  start: Date;
  /** Undefined when the tracker sent no end (the time it was seen ended is used). */
  end: Date | undefined;
  /** Seconds added and removed in all (both >= 0). */
  added: number;
  removed: number;
}

export function announcementBody(
  nick: string,
  session: number,
  totals: SessionTotals,
  now: Date,
  locale: Locale,
) {
  const tr = translator(locale);
  const end = totals.end ?? now;
  const seconds = Math.max(0, (end.getTime() - totals.start.getTime()) / 1000);
  const description = [
    tr("card.announcement", {
      nick: escapeMarkdown(nick),
      session,
      duration: formatDuration(seconds, locale),
    }),
    tr("card.announcementTotals", {
      added: formatDuration(totals.added, locale),
      removed: formatDuration(totals.removed, locale),
    }),
  ].join("\n");
  return {
    embeds: [{ description, color: 0x57f287, timestamp: end.toISOString() }],
    allowed_mentions: { parse: [] as [] },
  };
}
