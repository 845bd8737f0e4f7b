/** /chart from options to the message: session, walk (cached), picture, embed, alt text. */
import type { BotContext } from "../botContext.js";
import { UserError } from "../discord/errors.js";
import { cachedSessions, defaultSession } from "../discord/sessionAutocomplete.js";
import { type Locale, t, translator } from "../i18n/index.js";
import type { LinkedAccount } from "../store/types.js";
import type { TrackerSession } from "../tracker/types.js";
import { type ChartData, prepareChart } from "./chartData.js";
import { chartAltText, chartEmbed, chartFileName } from "./chartMessage.js";
import {
  chartCacheKey,
  chartCap,
  createPictureCache,
  type PictureCache,
  walkHistories,
} from "./chartSource.js";
import { chartSvg } from "./chartSvg.js";
import { type PictureMessage, pictureMessage } from "./render.js";

/** Long enough for "again with public:true", short enough that new changes show soon. */
export const chartCacheTtlMs = 60_000;

// One cache per running bot (its context), without touching the composition root; it expires
// on the monotonic clock, so a wall-clock step neither keeps a chart for an hour nor drops it.
const caches = new WeakMap<BotContext, PictureCache<ChartData>>();
function cacheFor(ctx: BotContext): PictureCache<ChartData> {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = createPictureCache<ChartData>(chartCacheTtlMs, 500, () => ctx.clock.now());
    caches.set(ctx, cache);
  }
  return cache;
}

export interface ChartRequest {
  userId: string;
  account: LinkedAccount;
  session: number | undefined;
  from: Date | undefined;
  to: Date | undefined;
  locale: Locale;
}

async function findSession(ctx: BotContext, req: ChartRequest): Promise<TrackerSession> {
  const sessions = await cachedSessions(ctx, req.userId, req.account.token);
  if (req.session === undefined) {
    const chosen = defaultSession(sessions);
    if (!chosen) throw new UserError(t(req.locale, "chart.noSessions"));
    return chosen;
  }
  return (
    sessions.find((s) => s.id === req.session) ??
    (await ctx.tracker.session(req.account.token, req.session))
  );
}

export async function loadChartData(ctx: BotContext, req: ChartRequest): Promise<ChartData> {
  const session = await findSession(ctx, req);
  const key = chartCacheKey(req.userId, session.id, req.from, req.to);
  return cacheFor(ctx).get(key, async () => {
    const walked = await walkHistories(ctx.tracker, req.account.token, {
      session: session.id,
      from: req.from,
      to: req.to,
    });
    return prepareChart({
      session: session.id,
      nick: req.account.nick,
      from: req.from,
      to: req.to,
      items: walked.items,
      running: session.active && session.end === null,
      scheduledEnd: session.scheduledEnd,
      capped: walked.capped,
      cap: chartCap.items,
    });
  });
}

export async function renderChartMessage(
  data: ChartData,
  now: number,
  locale: Locale,
): Promise<PictureMessage> {
  const tr = translator(locale);
  return pictureMessage(
    chartSvg(data, now, locale, tr),
    chartFileName,
    chartAltText(data, now, locale, tr),
    chartEmbed(data, now, locale, tr, chartCap),
  );
}
