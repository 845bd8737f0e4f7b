/**
 * The /chart picture as SVG: the release date (y) after each change (x) as a
 * step line, markers coloured by source (diamonds for dom actions), a legend,
 * a dashed "now" line while the session runs, UTC axes, and a title with the
 * nick, the session and the net time added. Laid out at 800x400, Discord's
 * display size, on an opaque dark card so it reads on both Discord themes.
 */
import type { Locale, Translate } from "../i18n/index.js";
import { type ChartData, sourceColors, startColor } from "./chartData.js";
import { chartLegend } from "./chartLegend.js";
import { clip } from "./render.js";
import { durations, paddedRange, type TimeScale, tickFormat, timeScale } from "./scale.js";
import { f1, markerPath, markerRadius, markerStyle, text, theme } from "./svgParts.js";
import { formatCount, signedDuration, utcDateTime } from "./words.js";

export { marker, sourceName, theme } from "./svgParts.js";

export const chartSize = { width: 800, height: 400 };
export const plotArea = { left: 104, right: 776, top: 74, bottom: 300 };

export interface ChartGeometry {
  x: TimeScale;
  y: TimeScale;
  /** The window drawn (before the axis margin); the step line ends at `end`. */
  start: number;
  end: number;
  showNow: boolean;
  hasReleases: boolean;
}

export function chartGeometry(data: ChartData, now: number): ChartGeometry {
  const first = data.points[0]?.at;
  const last = data.points.at(-1)?.at;
  // A running session's line stops at now, even when the window reaches into the future.
  const open = data.running ? now : (last ?? now);
  const until = data.to === null ? open : data.running ? Math.min(data.to, now) : data.to;
  let start = data.from ?? first ?? now - durations.day;
  let end = Math.max(until, last ?? start);
  if (data.from === null && first !== undefined) start = first;
  if (end - start < durations.minute) {
    start -= durations.hour / 2;
    end += durations.hour / 2;
  }
  const pad = (end - start) * 0.03;
  const x = timeScale(start - pad, end + pad, plotArea.left, plotArea.right, 6);
  const releases = data.points.flatMap((p) => (p.release === null ? [] : [p.release]));
  const [low, high] = paddedRange(releases, 0.08);
  const y = timeScale(low, high, plotArea.bottom, plotArea.top, 5);
  const showNow = data.running && now >= x.start && now <= x.end;
  return { x, y, start, end, showNow, hasReleases: releases.length > 0 };
}

export function chartSvg(data: ChartData, now: number, locale: Locale, t: Translate): string {
  const g = chartGeometry(data, now);
  const { width, height } = chartSize;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="12" fill="${theme.background}" stroke="${theme.border}"/>`,
  ];
  // Title: nick and session on the left, the net change on the right.
  const title = `${clip(data.nick, 32)} · ${t("common.sessionNumber", { session: data.session })}`;
  out.push(text(20, 32, title, { size: 20, bold: true }));
  const net = t("chart.netInWindow", { net: signedDuration(data.netSeconds, locale) });
  out.push(text(width - 20, 32, net, { size: 16, bold: true, anchor: "end" }));
  const windowText = t("chart.windowLine", {
    from: utcDateTime(g.start, locale),
    to: utcDateTime(g.end, locale),
  });
  out.push(text(20, 54, windowText, { size: 12, fill: theme.muted }));
  if (data.capped) {
    const capText = t("chart.cappedShort", { cap: formatCount(data.cap, locale) });
    out.push(
      text(width - 20, 54, capText, { size: 12, fill: theme.warn, anchor: "end", bold: true }),
    );
  }
  out.push(...axes(g, locale, t));
  if (data.points.length === 0) {
    const mid = (plotArea.top + plotArea.bottom) / 2;
    out.push(
      text((plotArea.left + plotArea.right) / 2, mid, t("chart.empty"), {
        size: 16,
        fill: theme.muted,
        anchor: "middle",
      }),
    );
  }
  out.push(...series(data, g));
  if (g.showNow) {
    const nx = f1(g.x.at(now));
    out.push(
      `<line x1="${nx}" y1="${plotArea.top}" x2="${nx}" y2="${plotArea.bottom}" stroke="${theme.text}" stroke-width="1.5" stroke-dasharray="6 4" opacity="0.8"/>`,
      text(g.x.at(now) - 4, plotArea.bottom - 6, t("chart.now"), {
        size: 11,
        fill: theme.text,
        anchor: "end",
      }),
    );
  }
  out.push(...chartLegend(data, t));
  out.push("</svg>");
  return out.join("");
}

function axes(g: ChartGeometry, locale: Locale, t: Translate): string[] {
  const out: string[] = [];
  const xFormat = tickFormat(g.x.step, g.x.end - g.x.start);
  for (const tick of g.x.ticks) {
    // A label centred nearer the card's edge than half its width would be cut off.
    if (g.x.at(tick) > chartSize.width - 48) continue;
    const px = f1(g.x.at(tick));
    out.push(
      `<line x1="${px}" y1="${plotArea.top}" x2="${px}" y2="${plotArea.bottom}" stroke="${theme.grid}" stroke-width="1"/>`,
    );
    out.push(
      text(g.x.at(tick), plotArea.bottom + 18, utcDateTime(tick, locale, xFormat), {
        size: 12,
        fill: theme.muted,
        anchor: "middle",
      }),
    );
  }
  const yFormat = g.y.step >= durations.day ? "d LLL" : "d LLL HH:mm";
  // Without a single release there is no y scale to label.
  for (const tick of g.hasReleases ? g.y.ticks : []) {
    const py = f1(g.y.at(tick));
    out.push(
      `<line x1="${plotArea.left}" y1="${py}" x2="${plotArea.right}" y2="${py}" stroke="${theme.grid}" stroke-width="1"/>`,
    );
    out.push(
      text(plotArea.left - 8, g.y.at(tick) + 4, utcDateTime(tick, locale, yFormat), {
        size: 12,
        fill: theme.muted,
        anchor: "end",
      }),
    );
  }
  out.push(
    `<rect x="${plotArea.left}" y="${plotArea.top}" width="${plotArea.right - plotArea.left}" height="${plotArea.bottom - plotArea.top}" fill="none" stroke="${theme.border}"/>`,
    text(plotArea.left, plotArea.top - 6, t("chart.axisRelease"), { size: 11, fill: theme.muted }),
    text(plotArea.right, plotArea.bottom + 34, t("chart.axisHappened"), {
      size: 11,
      fill: theme.muted,
      anchor: "end",
    }),
  );
  return out;
}

function series(data: ChartData, g: ChartGeometry): string[] {
  const withRelease = data.points.filter((p) => p.release !== null);
  if (withRelease.length === 0) return [];
  const parts: string[] = [];
  for (const [i, p] of withRelease.entries()) {
    const px = f1(g.x.at(p.at));
    const py = f1(g.y.at(p.release ?? 0));
    parts.push(i === 0 ? `M${px} ${py}` : `H${px}V${py}`);
  }
  parts.push(`H${f1(g.x.at(g.end))}`);
  const out = [
    `<path d="${parts.join("")}" fill="none" stroke="${theme.line}" stroke-width="2" stroke-linejoin="round"/>`,
  ];
  const r = markerRadius(withRelease.length);
  // Plain changes first, dom diamonds above them, the START ring on top.
  const groups = new Map<string, { kind: "change" | "dom" | "start"; fill: string; d: string[] }>();
  for (const p of withRelease) {
    const kind = p.type === "START" ? "start" : p.dom ? "dom" : "change";
    const fill = p.type === "START" ? startColor : sourceColors[p.source];
    const key = `${kind}|${fill}`;
    const group = groups.get(key) ?? { kind, fill, d: [] };
    group.d.push(markerPath(kind, g.x.at(p.at), g.y.at(p.release ?? 0), r));
    groups.set(key, group);
  }
  const rank = { change: 0, dom: 1, start: 2 } as const;
  const ordered = [...groups.values()].sort((a, b) => rank[a.kind] - rank[b.kind]);
  for (const group of ordered)
    out.push(`<path d="${group.d.join("")}" ${markerStyle(group.kind, group.fill)}/>`);
  return out;
}
