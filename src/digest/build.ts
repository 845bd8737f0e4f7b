/**
 * One week's digest from the tracker: the member's sessions (one read) and one history walk of
 * the week's latest session, capped like /chart's; the picture is /chart's, drawn for the week.
 */
import { type Locale, translator } from "../i18n/index.js";
import { lockedInMonth } from "../leaderboard/figures.js";
import { prepareChart } from "../pictures/chartData.js";
import { chartAltText } from "../pictures/chartMessage.js";
import { chartCap, walkHistories } from "../pictures/chartSource.js";
import { chartSvg } from "../pictures/chartSvg.js";
import { svgToPng } from "../pictures/render.js";
import type { LinkedAccount } from "../store/types.js";
import type { TrackerClient } from "../tracker/types.js";
import { type DigestFigures, digestEmbed } from "./message.js";
import type { DueDigest } from "./week.js";

export interface BuiltDigest {
  embed: ReturnType<typeof digestEmbed>;
  /** The week's chart (PNG) and its alt text; absent when no session overlapped the week. */
  picture?: { png: Buffer; altText: string };
}

export async function buildDigest(
  tracker: TrackerClient,
  account: Pick<LinkedAccount, "token" | "nick">,
  due: DueDigest,
  nowMs: number,
  locale: Locale,
): Promise<BuiltDigest> {
  const { fromMs, slotMs } = due;
  const sessions = (await tracker.sessions(account.token, { limit: 50 })).items;
  const inWeek = sessions.filter(
    (s) => s.start.getTime() < slotMs && (s.end?.getTime() ?? slotMs) >= fromMs,
  );
  const lockedSeconds = lockedInMonth(inWeek, { startMs: fromMs, endMs: slotMs }, slotMs);
  const session = [...inWeek].sort((a, b) => b.start.getTime() - a.start.getTime())[0];
  const figures: DigestFigures = {
    nick: account.nick,
    week: due.week,
    fromMs,
    toMs: slotMs,
    lockedSeconds,
    chart: null,
    lateMs: Math.max(0, nowMs - slotMs),
  };
  if (session === undefined) return { embed: digestEmbed(figures, locale) };
  const walked = await walkHistories(tracker, account.token, {
    session: session.id,
    from: new Date(fromMs),
    to: new Date(slotMs),
  });
  const chart = prepareChart({
    session: session.id,
    nick: account.nick,
    from: new Date(fromMs),
    to: new Date(slotMs),
    items: walked.items,
    running: session.active && (session.end === null || session.end.getTime() > slotMs),
    scheduledEnd: session.scheduledEnd,
    capped: walked.capped,
    cap: chartCap.items,
  });
  const tr = translator(locale);
  // Drawn as of the digest's hour: the week it covers, whenever it is posted.
  const png = await svgToPng(chartSvg(chart, slotMs, locale, tr));
  return {
    embed: digestEmbed({ ...figures, chart }, locale),
    picture: { png, altText: chartAltText(chart, slotMs, locale, tr) },
  };
}
