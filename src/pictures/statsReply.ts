/** /stats: the embed (fields with Discord timestamps) and the lock-ticker banner. */
import type { APIEmbed, APIEmbedField } from "discord.js";
import { discordTimestamp, escapeMarkdown } from "../format/items.js";
import { type Locale, translator } from "../i18n/index.js";
import type { TrackerStats } from "../tracker/types.js";
import { bannerAltText, bannerFileName, bannerSvg } from "./banner.js";
import { clip, type PictureMessage, pictureMessage } from "./render.js";

/** Tracker text in an embed: no markdown, mentions or links can come through. */
const inert = (text: string, max = 100) => escapeMarkdown(clip(text, max)).replace(/@/g, "@\u200b");

export function statsEmbed(stats: TrackerStats, locale: Locale): APIEmbed {
  const t = translator(locale);
  const fields: APIEmbedField[] = [];
  if (stats.currentLockStart) {
    fields.push({
      name: t("stats.lockStart"),
      value: discordTimestamp(stats.currentLockStart, "f"),
      inline: true,
    });
  }
  if (stats.locked) {
    fields.push({
      name: t("stats.scheduledEnd"),
      value: stats.scheduledEnd
        ? `${discordTimestamp(stats.scheduledEnd, "f")} (${discordTimestamp(stats.scheduledEnd, "R")})`
        : t("stats.noScheduledEnd"),
      inline: true,
    });
  }
  if (stats.currentLockTime) {
    fields.push({
      name: t("stats.currentLockTime"),
      value: inert(stats.currentLockTime),
      inline: true,
    });
  }
  if (stats.totalLockedSince) {
    const total = inert(stats.totalLockedSince);
    fields.push({
      name: t("stats.totalLocked"),
      value: stats.sinceDate
        ? t("stats.totalSince", { total, since: discordTimestamp(stats.sinceDate, "D") })
        : total,
      inline: true,
    });
  }
  const last = (
    [
      ["stats.lastFull", stats.lastFull],
      ["stats.lastRuined", stats.lastRuined],
      ["stats.lastTed", stats.lastTed],
      ["stats.lastMilking", stats.lastMilking],
    ] as const
  ).flatMap(([key, date]) => (date ? [`${t(key)}: ${discordTimestamp(date, "D")}`] : []));
  if (last.length > 0) fields.push({ name: t("stats.lastEvents"), value: last.join("\n") });
  return {
    title: inert(stats.nick, 64),
    ...(stats.profileUrl && /^https:\/\//.test(stats.profileUrl) && stats.profileUrl.length <= 500
      ? { url: stats.profileUrl }
      : {}),
    description: [
      stats.locked ? t("stats.locked") : t("stats.unlocked"),
      ...(fields.length === 0 ? [t("stats.nothingToShow")] : []),
    ].join("\n"),
    fields,
    image: { url: `attachment://${bannerFileName}` },
    color: stats.locked ? 0xf0b232 : 0x57f287,
  };
}

export async function renderStatsMessage(
  stats: TrackerStats,
  now: number,
  locale: Locale,
): Promise<PictureMessage> {
  const t = translator(locale);
  return pictureMessage(
    bannerSvg(stats, now, locale, t),
    bannerFileName,
    bannerAltText(stats, now, locale, t),
    statsEmbed(stats, locale),
  );
}
