/** Pieces shared by the chart and the banner: the palette, text and markers. */
import type { Translate } from "../i18n/index.js";
import type { SourceKey } from "./chartData.js";
import { escapeXml, fontFamily } from "./render.js";

/** An opaque dark card, so a picture reads the same on Discord's dark and light themes. */
export const theme = {
  background: "#1e1f22",
  border: "#3f4147",
  text: "#f2f3f5",
  muted: "#b5bac1",
  grid: "#34363c",
  line: "#dbdee1",
  warn: "#f0b232",
};

export const f1 = (n: number) => n.toFixed(1);

export const text = (
  x: number,
  y: number,
  body: string,
  attrs: { size?: number; fill?: string; anchor?: "start" | "middle" | "end"; bold?: boolean } = {},
) =>
  `<text x="${f1(x)}" y="${f1(y)}" font-family="${fontFamily}" font-size="${attrs.size ?? 12}" fill="${attrs.fill ?? theme.text}"${attrs.anchor ? ` text-anchor="${attrs.anchor}"` : ""}${attrs.bold ? ` font-weight="bold"` : ""}>${escapeXml(body)}</text>`;

/** Marker outlines as path data: a circle, or a diamond for dom actions. */
export function markerPath(
  kind: "change" | "dom" | "start",
  cx: number,
  cy: number,
  r: number,
): string {
  if (kind === "dom") {
    const d = r * 1.45;
    return `M${f1(cx)} ${f1(cy - d)}l${f1(d)} ${f1(d)}l${f1(-d)} ${f1(d)}l${f1(-d)} ${f1(-d)}z`;
  }
  return `M${f1(cx - r)} ${f1(cy)}a${f1(r)} ${f1(r)} 0 1 0 ${f1(2 * r)} 0a${f1(r)} ${f1(r)} 0 1 0 ${f1(-2 * r)} 0z`;
}

export function markerStyle(kind: "change" | "dom" | "start", fill: string): string {
  if (kind === "start") return `fill="${theme.background}" stroke="${fill}" stroke-width="2"`;
  if (kind === "dom") return `fill="${fill}" stroke="${theme.text}" stroke-width="1"`;
  return `fill="${fill}"`;
}

/** One marker; the series groups many of one colour into a single path (far faster to render). */
export function marker(
  kind: "change" | "dom" | "start",
  cx: number,
  cy: number,
  r: number,
  fill: string,
): string {
  return `<path d="${markerPath(kind, cx, cy, r)}" ${markerStyle(kind, fill)}/>`;
}

export function markerRadius(count: number): number {
  return count > 400 ? 2.5 : count > 100 ? 3.5 : 5;
}

/** The source's name as history lines give it; "other" for items without one. */
export function sourceName(t: Translate, key: SourceKey): string {
  return key === "OTHER" ? t("chart.sourceOTHER") : t(`items.source${key}`);
}
