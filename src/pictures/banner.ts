/**
 * The /stats "lock ticker": a 600x120 banner with the nick, the time locked
 * so far and, where a scheduled end exists, a progress bar from the lock's
 * start to it. Also its alt text, from the same numbers.
 */
import type { Locale, Translate } from "../i18n/index.js";
import type { TrackerStats } from "../tracker/types.js";
import { clip, escapeXml, fontFamily } from "./render.js";
import { theme } from "./svgParts.js";
import { humanDuration, utcDateTime } from "./words.js";

export const bannerSize = { width: 600, height: 120 };
export const bannerBar = { left: 20, right: 580, top: 82, height: 14 };
export const bannerColors = { bar: "#3a3c42", fill: "#f0b232", done: "#57f287" };
export const bannerFileName = "stats.png";

export interface Ticker {
  locked: boolean;
  /** Seconds locked so far, when the lock's start is known. */
  elapsedSeconds: number | null;
  /** 0..1 from the lock's start to the scheduled end; null without both. */
  progress: number | null;
  release: number | null;
}

export function ticker(stats: TrackerStats, now: number): Ticker {
  const start = stats.currentLockStart?.getTime() ?? null;
  const end = stats.scheduledEnd?.getTime() ?? null;
  const elapsedSeconds = stats.locked && start !== null ? Math.max(0, (now - start) / 1000) : null;
  const progress =
    stats.locked && start !== null && end !== null && end > start
      ? Math.min(1, Math.max(0, (now - start) / (end - start)))
      : null;
  return { locked: stats.locked, elapsedSeconds, progress, release: stats.locked ? end : null };
}

/** Locked time in the reader's words, else the tracker's own (English) text. */
function elapsedText(stats: TrackerStats, tick: Ticker, locale: Locale): string {
  if (tick.elapsedSeconds !== null) return humanDuration(tick.elapsedSeconds, locale);
  return clip(stats.currentLockTime ?? "?", 40);
}

const text = (x: number, y: number, body: string, size: number, fill: string, extra = "") =>
  `<text x="${x}" y="${y}" font-family="${fontFamily}" font-size="${size}" fill="${fill}"${extra}>${escapeXml(body)}</text>`;

export function bannerSvg(stats: TrackerStats, now: number, locale: Locale, t: Translate): string {
  const tick = ticker(stats, now);
  const { width, height } = bannerSize;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="12" fill="${theme.background}" stroke="${theme.border}"/>`,
    text(20, 30, clip(stats.nick, 30), 18, theme.text, ` font-weight="bold"`),
  ];
  if (stats.totalLockedSince) {
    const total = t("stats.bannerTotal", { total: clip(stats.totalLockedSince, 40) });
    out.push(text(width - 20, 30, total, 12, theme.muted, ` text-anchor="end"`));
  }
  if (!tick.locked) {
    out.push(text(20, 76, t("stats.bannerUnlocked"), 26, theme.muted, ` font-weight="bold"`));
  } else {
    out.push(text(20, 50, t("stats.bannerLocked"), 12, theme.muted));
    out.push(text(20, 74, elapsedText(stats, tick, locale), 24, theme.text, ` font-weight="bold"`));
  }
  if (tick.progress !== null && tick.release !== null) {
    const { left, right, top, height: h } = bannerBar;
    const filled = (right - left) * tick.progress;
    const color = tick.progress >= 1 ? bannerColors.done : bannerColors.fill;
    out.push(
      `<rect x="${left}" y="${top}" width="${right - left}" height="${h}" rx="${h / 2}" fill="${bannerColors.bar}"/>`,
      filled > 0
        ? `<rect x="${left}" y="${top}" width="${Math.max(h, filled).toFixed(1)}" height="${h}" rx="${h / 2}" fill="${color}"/>`
        : "",
      text(
        left,
        112,
        t("stats.bannerPercent", { percent: Math.floor(tick.progress * 100) }),
        12,
        theme.text,
        ` font-weight="bold"`,
      ),
    );
    const release = utcDateTime(tick.release, locale);
    const key = tick.progress >= 1 ? "stats.bannerReleasePassed" : "stats.bannerRelease";
    out.push(text(right, 112, t(key, { release }), 12, theme.muted, ` text-anchor="end"`));
  }
  out.push("</svg>");
  return out.join("");
}

export function bannerAltText(
  stats: TrackerStats,
  now: number,
  locale: Locale,
  t: Translate,
): string {
  const tick = ticker(stats, now);
  const nick = clip(stats.nick, 32);
  const parts: string[] = [];
  if (!tick.locked) parts.push(t("stats.altUnlocked", { nick }));
  else {
    parts.push(t("stats.altLocked", { nick, elapsed: elapsedText(stats, tick, locale) }));
    if (tick.progress !== null && tick.release !== null) {
      parts.push(
        t("stats.altProgress", {
          percent: Math.floor(tick.progress * 100),
          release: utcDateTime(tick.release, locale),
        }),
      );
    } else parts.push(t("stats.altNoEnd"));
  }
  if (stats.totalLockedSince)
    parts.push(t("stats.altTotal", { total: clip(stats.totalLockedSince, 40) }));
  return [...parts.join(" ")].slice(0, 1024).join("");
}
