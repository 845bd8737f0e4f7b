/**
 * `npm run chart:example`: writes example pictures into examples/pictures/
 * (a long busy session, an empty window, only a START, and the /stats banner)
 * so a person can look at them.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Locale, translator } from "../src/i18n/index.js";
import { bannerSvg } from "../src/pictures/banner.js";
import { prepareChart } from "../src/pictures/chartData.js";
import { chartSvg } from "../src/pictures/chartSvg.js";
import { svgToPng } from "../src/pictures/render.js";
import { busySession, sampleStats } from "../test/pictures/sample.js";

const outDir = path.resolve(process.argv[2] ?? "examples/pictures");
await mkdir(outDir, { recursive: true });

async function chart(
  name: string,
  locale: Locale,
  input: Parameters<typeof prepareChart>[0],
  now: number,
) {
  const svg = chartSvg(prepareChart(input), now, locale, translator(locale));
  await writeFile(path.join(outDir, name), await svgToPng(svg));
  console.log(path.join(outDir, name));
}

const busy = busySession(2_000);
const base = {
  session: 77,
  nick: "lucy",
  running: true,
  scheduledEnd: null,
  capped: false,
  cap: 2_000,
};
await chart(
  "chart-busy.png",
  "en",
  { ...base, items: busy.items, capped: true },
  busy.end + 86_400_000,
);
await chart(
  "chart-busy-de.png",
  "de",
  { ...base, items: busy.items, capped: true },
  busy.end + 86_400_000,
);
const small = busySession(25, 3);
await chart("chart-small.png", "en", { ...base, items: small.items }, small.end + 3_600_000);
await chart(
  "chart-empty.png",
  "en",
  {
    ...base,
    items: [],
    from: new Date("2026-02-01T00:00:00Z"),
    to: new Date("2026-02-02T00:00:00Z"),
  },
  Date.UTC(2026, 1, 3),
);
await chart(
  "chart-start-only.png",
  "fr",
  { ...base, items: busySession(1).items },
  busy.start + 3 * 3_600_000,
);
const now = Date.UTC(2026, 1, 1, 12, 0, 0);
for (const [name, stats] of [
  ["banner.png", sampleStats()],
  ["banner-no-end.png", sampleStats({ scheduledEnd: null })],
  [
    "banner-unlocked.png",
    sampleStats({ locked: false, currentLockStart: null, scheduledEnd: null }),
  ],
] as const) {
  await writeFile(
    path.join(outDir, name),
    await svgToPng(bannerSvg(stats, now, "en", translator("en"))),
  );
  console.log(path.join(outDir, name));
}
