/** The board as an embed: pure. */
import type { APIEmbed } from "discord.js";
import { formatDuration } from "../format/duration.js";
import { escapeMarkdown } from "../format/items.js";
import { type Locale, translator } from "../i18n/index.js";
import type { LeaderMonth } from "../store/leaderboard.js";

export function boardEmbed(rows: readonly LeaderMonth[], month: string, locale: Locale): APIEmbed {
  const tr = translator(locale);
  const lines = rows.map((r, i) => {
    const now =
      r.currentStart === null
        ? tr("leaderboard.notLocked")
        : tr("leaderboard.lockedNow", {
            since: `<t:${Math.floor(Date.parse(r.currentStart) / 1000)}:R>`,
          });
    return tr("leaderboard.line", {
      rank: i + 1,
      nick: escapeMarkdown(r.nick),
      month: formatDuration(r.lockedSeconds, locale),
      others: formatDuration(r.addedByOthersSeconds, locale),
      now,
    });
  });
  return {
    title: tr("leaderboard.title", { month }),
    description: lines.length > 0 ? lines.join("\n").slice(0, 4000) : tr("leaderboard.empty"),
    footer: { text: tr("leaderboard.footer") },
  };
}
