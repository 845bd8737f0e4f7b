/**
 * The words around a chart: the embed that shows it and the alt text of its
 * attachment (the window, changes per source, net time added, current release).
 */
import type { APIEmbed } from "discord.js";
import { discordTimestamp, escapeMarkdown } from "../format/items.js";
import type { Locale, Translate } from "../i18n/index.js";
import { type ChartData, sourceKeys } from "./chartData.js";
import { chartGeometry, sourceName } from "./chartSvg.js";
import { clip } from "./render.js";
import { formatCount, signedDuration, utcDateTime } from "./words.js";

export const chartFileName = "chart.png";
/** Discord's limit on an attachment's description. */
const maxAltText = 1024;

export interface ChartCapInfo {
  items: number;
  requests: number;
}

function perSource(data: ChartData, t: Translate): string {
  return sourceKeys
    .filter((k) => data.counts[k] > 0)
    .map((k) => `${sourceName(t, k)} ${data.counts[k]}`)
    .join(", ");
}

export function chartAltText(data: ChartData, now: number, locale: Locale, t: Translate): string {
  const g = chartGeometry(data, now);
  let list = perSource(data, t);
  if (data.domChanges > 0) list += `; ${t("chart.altDom", { count: data.domChanges })}`;
  const changes =
    data.changes === 0
      ? t("chart.altNoChanges")
      : t("chart.altChanges", { count: data.changes, list });
  const release =
    data.currentRelease === null
      ? t("chart.releaseUnknown")
      : `${utcDateTime(data.currentRelease, locale)} UTC`;
  let text = t("chart.altText", {
    nick: clip(data.nick, 32),
    session: data.session,
    from: utcDateTime(g.start, locale),
    to: utcDateTime(g.end, locale),
    changes,
    net: signedDuration(data.netSeconds, locale),
    release,
  });
  if (data.capped) text += ` ${t("chart.altCapped", { cap: formatCount(data.cap, locale) })}`;
  return [...text].slice(0, maxAltText).join("");
}

export function chartEmbed(
  data: ChartData,
  now: number,
  locale: Locale,
  t: Translate,
  cap: ChartCapInfo,
): APIEmbed {
  const g = chartGeometry(data, now);
  const lines = [
    t("chart.embedWindow", { from: utcDateTime(g.start, locale), to: utcDateTime(g.end, locale) }),
    data.changes === 0
      ? t("chart.embedNoChanges")
      : t("chart.embedChanges", { count: data.changes, list: perSource(data, t) }),
    t("chart.embedNet", { net: signedDuration(data.netSeconds, locale) }),
    t("chart.embedRelease", {
      release:
        data.currentRelease === null
          ? t("chart.releaseUnknown")
          : `${discordTimestamp(new Date(data.currentRelease), "f")} (${discordTimestamp(new Date(data.currentRelease), "R")})`,
    }),
  ];
  if (data.capped) {
    lines.push(
      "",
      `⚠️ ${t("chart.embedCapped", { cap: formatCount(cap.items, locale), requests: cap.requests })}`,
    );
  }
  return {
    title: t("chart.embedTitle", {
      nick: escapeMarkdown(clip(data.nick, 64)),
      session: data.session,
    }),
    description: lines.join("\n"),
    image: { url: `attachment://${chartFileName}` },
    color: 0x5865f2,
  };
}
