/** The chart's legend: one entry per source drawn, with counts, in up to two rows. */
import type { Translate } from "../i18n/index.js";
import { type ChartData, sourceColors, sourceKeys, startColor } from "./chartData.js";
import { marker, sourceName, text, theme } from "./svgParts.js";

export const legendArea = { left: 24, right: 784, firstRow: 358, rowHeight: 22 };

/** Legend entries in up to two rows; counts are dropped if even that does not fit. */
export function chartLegend(data: ChartData, t: Translate): string[] {
  const entries: {
    kind: "change" | "dom" | "start";
    color: string;
    label: string;
    short: string;
  }[] = [];
  if (data.points.some((p) => p.type === "START")) {
    const label = t("chart.legendStart");
    entries.push({ kind: "start", color: startColor, label, short: label });
  }
  for (const key of sourceKeys) {
    if (data.counts[key] === 0) continue;
    const name = sourceName(t, key);
    entries.push({
      kind: "change",
      color: sourceColors[key],
      label: `${name} ${data.counts[key]}`,
      short: name,
    });
  }
  if (data.domChanges > 0) {
    const label = t("chart.legendDom", { count: data.domChanges });
    entries.push({ kind: "dom", color: theme.muted, label, short: label });
  }
  // DejaVu Sans at 12 px averages about 7 px per character.
  const width = (label: string) => 28 + [...label].length * 6.7;
  const rows = (useShort: boolean) => {
    const placed: { entry: (typeof entries)[number]; x: number; row: number }[] = [];
    let x = legendArea.left;
    let row = 0;
    for (const entry of entries) {
      const w = width(useShort ? entry.short : entry.label);
      if (x + w > legendArea.right && x > legendArea.left) {
        row += 1;
        x = legendArea.left;
      }
      placed.push({ entry, x, row });
      x += w;
    }
    return { placed, fits: row <= 1 };
  };
  const full = rows(false);
  const layout = full.fits ? full : rows(true);
  const out: string[] = [];
  for (const { entry, x, row } of layout.placed) {
    if (row > 1) break;
    const y = legendArea.firstRow + row * legendArea.rowHeight;
    out.push(marker(entry.kind, x, y - 4, 5, entry.color));
    out.push(text(x + 10, y, full.fits ? entry.label : entry.short, { size: 12 }));
  }
  return out;
}
