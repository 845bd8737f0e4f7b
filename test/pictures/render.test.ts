import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.js";
import { bannerBar, bannerColors, bannerSize, bannerSvg } from "../../src/pictures/banner.js";
import { prepareChart, sourceColors } from "../../src/pictures/chartData.js";
import { chartGeometry, chartSize, chartSvg, theme } from "../../src/pictures/chartSvg.js";
import { svgToPng } from "../../src/pictures/render.js";
import type { HistoryItem } from "../../src/tracker/types.js";
import { decodePng, luminance, near } from "./png.js";
import { at, busySession, historyItem as change, sampleStats } from "./sample.js";

// Newest first; points far apart so no marker covers another.
const items: HistoryItem[] = [
  change({
    source: "LUCK",
    type: "SUB",
    unit: 7200,
    schedule: at("2026-02-11T00:00:00"),
    happened: at("2026-02-04T18:00:00"),
  }),
  change({
    source: "PENALTY",
    dom: true,
    unit: 86400,
    schedule: at("2026-02-11T02:00:00"),
    happened: at("2026-02-04T06:00:00"),
  }),
  change({
    source: "DICE",
    unit: 86400,
    schedule: at("2026-02-10T02:00:00"),
    happened: at("2026-02-03T18:00:00"),
  }),
  change({
    type: "START",
    unit: null,
    source: null,
    schedule: at("2026-02-09T02:00:00"),
    happened: at("2026-02-03T06:00:00"),
  }),
];
const now = at("2026-02-05T06:00:00").getTime();
const base = {
  session: 7,
  nick: "lucy",
  running: true,
  scheduledEnd: null,
  capped: false,
  cap: 2000,
};
const titleBox = { x0: 16, y0: 12, x1: 260, y1: 38 };
const lightText = (c: number[]) => luminance(c) > 180;

async function chartPng(
  over: Partial<Parameters<typeof prepareChart>[0]> = {},
  fontFiles?: string[],
) {
  const data = prepareChart({ ...base, items, ...over });
  const svg = chartSvg(data, now, "en", translator("en"));
  const png = await svgToPng(svg, fontFiles ? { fontFiles } : {});
  return { data, png, image: decodePng(png) };
}

describe("chart picture", () => {
  it("is an 800x400 PNG on an opaque dark card with rounded corners", async () => {
    const { image, png } = await chartPng();
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([image.width, image.height]).toEqual([chartSize.width, chartSize.height]);
    expect(image.rgba(0, 0)[3]).toBe(0);
    expect(near(image.rgba(400, 395), theme.background)).toBe(true);
    expect(image.rgba(400, 395)[3]).toBe(255);
    // Not blank: many colours, not just the card.
    const colours = new Set<string>();
    for (let y = 0; y < image.height; y += 3)
      for (let x = 0; x < image.width; x += 3) colours.add(image.rgba(x, y).join());
    expect(colours.size).toBeGreaterThan(50);
  });

  it("draws each change's marker in its source's colour where its data point is", async () => {
    const { data, image } = await chartPng();
    const g = chartGeometry(data, now);
    for (const point of data.points.filter((p) => p.type !== "START")) {
      const pixel = image.rgba(g.x.at(point.at), g.y.at(point.release!));
      expect(near(pixel, sourceColors[point.source]), `${point.source} at ${pixel}`).toBe(true);
    }
    // Between the markers the step line is drawn, not a marker colour.
    const dice = data.points[1]!;
    const midway = image.rgba(g.x.at(dice.at + 3 * 3_600_000), g.y.at(dice.release!));
    expect(near(midway, theme.line, 40)).toBe(true);
  });

  it("writes the title with the bundled font, and no system font is needed for it", async () => {
    const { image } = await chartPng();
    expect(image.count(titleBox, lightText)).toBeGreaterThan(150);
    // The same picture without any font file has no title pixels: the check above sees real glyphs.
    const { image: bare } = await chartPng({}, []);
    expect(bare.count(titleBox, lightText)).toBe(0);
  });

  it("gives the same pixels for the same data", async () => {
    const first = await chartPng();
    const second = await chartPng();
    expect(first.png.equals(second.png)).toBe(true);
  });

  it("marks a capped walk in the top right corner", async () => {
    const warn = (c: number[]) => near(c, theme.warn, 30);
    const box = { x0: 500, y0: 42, x1: 790, y1: 58 };
    expect((await chartPng({ capped: true })).image.count(box, warn)).toBeGreaterThan(40);
    expect((await chartPng()).image.count(box, warn)).toBe(0);
  });

  it("renders an empty window, a lone START and 2,000 changes, the last within 300 KB", async () => {
    await expect(chartPng({ items: [], from: at("2026-02-01T00:00:00") })).resolves.toBeTruthy();
    await expect(chartPng({ items: [items[3]!] })).resolves.toBeTruthy();
    const busy = await chartPng({ items: busySession(2000).items, capped: true });
    expect(busy.png.length).toBeLessThanOrEqual(300 * 1024);
    expect(busy.image.count(titleBox, lightText)).toBeGreaterThan(150);
  });
});

describe("stats banner", () => {
  const statsNow = at("2026-02-01T12:00:00").getTime();
  const banner = async (stats = sampleStats()) =>
    decodePng(await svgToPng(bannerSvg(stats, statsNow, "en", translator("en"))));

  it("is 600x120 with the nick written and the progress bar filled up to now", async () => {
    const image = await banner();
    expect([image.width, image.height]).toEqual([bannerSize.width, bannerSize.height]);
    expect(image.count({ x0: 16, y0: 12, x1: 120, y1: 36 }, lightText)).toBeGreaterThan(40);
    // Lock 15 Jan 09:00 to 20 Feb 18:00, now 1 Feb 12:00: 47 % of the way.
    const y = bannerBar.top + bannerBar.height / 2;
    const x = (share: number) => bannerBar.left + (bannerBar.right - bannerBar.left) * share;
    expect(near(image.rgba(x(0.4), y), bannerColors.fill)).toBe(true);
    expect(near(image.rgba(x(0.55), y), bannerColors.bar)).toBe(true);
  });

  it("has no bar without a scheduled end, nor when not locked", async () => {
    const y = bannerBar.top + bannerBar.height / 2;
    const box = { x0: bannerBar.left + 10, y0: y - 2, x1: bannerBar.right - 10, y1: y + 2 };
    const bar = (c: number[]) => near(c, bannerColors.fill) || near(c, bannerColors.bar);
    expect((await banner(sampleStats({ scheduledEnd: null }))).count(box, bar)).toBe(0);
    expect((await banner(sampleStats({ locked: false }))).count(box, bar)).toBe(0);
    expect((await banner()).count(box, bar)).toBeGreaterThan(500);
  });
});

describe("picture texts in the reader's language", () => {
  /** The text nodes of an SVG, unescaped enough for these checks. */
  const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

  it("writes the chart's title, axes, legend and date labels in German", () => {
    const data = prepareChart({ ...base, items });
    const de = texts(chartSvg(data, now, "de", translator("de"))).join("\n");
    expect(de).toContain("Freigabedatum (UTC)");
    expect(de).toContain("Zeitpunkt der Änderung (UTC)");
    expect(de).toContain("Würfel");
    expect(de).toMatch(/netto [+−]/);
    // Date labels use the locale's month names (German "Feb" equals English; French differs).
    const fr = texts(chartSvg(data, now, "fr", translator("fr"))).join("\n");
    expect(fr).toMatch(/\d+ févr\. \d\d:\d\d/);
    expect(fr).toContain("Date de libération (UTC)");
    const en = texts(chartSvg(data, now, "en", translator("en"))).join("\n");
    expect(en).toContain("Release date (UTC)");
    expect(de).not.toContain("Release date");
  });

  it("writes the banner's words and release date in German", () => {
    const stats = sampleStats({ scheduledEnd: new Date("2026-03-20T18:00:00Z") });
    const de = texts(
      bannerSvg(stats, at("2026-02-01T12:00:00").getTime(), "de", translator("de")),
    ).join("\n");
    expect(de).toContain("verschlossen seit");
    expect(de).toContain("17 Tg. 3 Std.");
    expect(de).toContain("Freigabe 20 Mär 2026 18:00 UTC");
    expect(de).not.toContain("locked for");
  });
});
