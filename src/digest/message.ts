/**
 * The words of a weekly digest: its figures from the week's history (pure) and the embed that
 * shows them with the week's chart. Every figure comes from the one walk of the week.
 */
import type { APIEmbed } from "discord.js";
import { discordTimestamp, escapeMarkdown } from "../format/items.js";
import { type Locale, translator } from "../i18n/index.js";
import type { ChartData, SourceKey } from "../pictures/chartData.js";
import { chartFileName } from "../pictures/chartMessage.js";
import { clip } from "../pictures/render.js";
import { sourceName } from "../pictures/svgParts.js";
import { humanDuration, signedDuration } from "../pictures/words.js";

/** The sources a digest lists, in this order (LINK: the link game's votes). */
export const digestSources: readonly SourceKey[] = [
  "DICE",
  "LUCK",
  "LINK",
  "DOM",
  "PENALTY",
  "MANUAL",
  "OTHER",
];

export interface DigestFigures {
  nick: string;
  week: string;
  fromMs: number;
  toMs: number;
  /** Seconds locked within the week (every session that overlaps it). */
  lockedSeconds: number;
  /** The charted session's week; null: no session overlapped the week. */
  chart: ChartData | null;
  /** The digest is posted this long after its hour (a restart or an outage missed it). */
  lateMs: number;
}

/** The single change with the largest size, and when it happened. */
export function largestChange(
  data: ChartData,
): { seconds: number; at: number; source: SourceKey } | undefined {
  let best: { seconds: number; at: number; source: SourceKey } | undefined;
  for (const p of data.points) {
    if (p.type === "START" || p.seconds === null) continue;
    if (!best || Math.abs(p.seconds) > Math.abs(best.seconds))
      best = { seconds: p.seconds, at: p.at, source: p.source };
  }
  return best;
}

const stamp = (ms: number, style: "f" | "R") => discordTimestamp(new Date(ms), style);

function changeLines(data: ChartData, locale: Locale): string[] {
  const tr = translator(locale);
  if (data.changes === 0) return [tr("digest.noChanges")];
  const list = digestSources
    .filter((k) => data.counts[k] > 0)
    .map((k) => `${sourceName(tr, k)} ${data.counts[k]}`)
    .join(" · ");
  const lines = [tr("digest.changes", { count: data.changes, list })];
  if (data.domChanges > 0) lines.push(tr("digest.byDom", { count: data.domChanges }));
  const largest = largestChange(data);
  if (largest)
    lines.push(
      tr("digest.largest", {
        change: signedDuration(largest.seconds, locale),
        source: sourceName(tr, largest.source),
        when: stamp(largest.at, "f"),
      }),
    );
  const release = data.points.at(-1)?.release ?? null;
  lines.push(
    tr("digest.releaseMoved", {
      net: signedDuration(data.netSeconds, locale),
      release: release === null ? tr("digest.releaseUnknown") : stamp(release, "f"),
    }),
  );
  return lines;
}

export function digestEmbed(f: DigestFigures, locale: Locale): APIEmbed {
  const tr = translator(locale);
  const lines = [tr("digest.window", { from: stamp(f.fromMs, "f"), to: stamp(f.toMs, "f") })];
  lines.push(tr("digest.locked", { locked: humanDuration(f.lockedSeconds, locale) }));
  if (f.chart === null) lines.push(tr("digest.noSession"));
  else {
    lines.push(tr("digest.session", { session: f.chart.session }), ...changeLines(f.chart, locale));
    if (f.chart.capped) lines.push(tr("digest.capped", { cap: f.chart.cap }));
  }
  // An hour late or more: the week it belongs to is said in words, not only in the title.
  if (f.lateMs >= 3_600_000) lines.push("", tr("digest.late", { week: f.week }));
  return {
    title: tr("digest.title", { nick: escapeMarkdown(clip(f.nick, 64)), week: f.week }),
    description: lines.join("\n").slice(0, 4000),
    ...(f.chart !== null && { image: { url: `attachment://${chartFileName}` } }),
    color: 0x5865f2,
  };
}
