/**
 * `npm run cards:pictures`: the README's pictures of a live status card (running and released),
 * a leaderboard and a weekly digest, from the embeds the bot builds (src/cards/render.ts,
 * src/leaderboard/render.ts) with sample data, drawn by scripts/embedPreview.ts and turned into
 * PNG by the /chart pipeline. Writes docs/pictures/ (or the folder given).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { cardBody } from "../src/cards/render.js";
import { initialCardState } from "../src/cards/state.js";
import { digestEmbed } from "../src/digest/message.js";
import { boardEmbed } from "../src/leaderboard/render.js";
import { prepareChart } from "../src/pictures/chartData.js";
import { svgToPng } from "../src/pictures/render.js";
import type { Card } from "../src/store/cards.js";
import type { HistoryItem } from "../src/tracker/types.js";
import { embedPreviewSvg } from "./embedPreview.js";

const outDir = path.resolve(process.argv[2] ?? "docs/pictures");
await mkdir(outDir, { recursive: true });
const now = Date.parse("2026-10-20T18:00:00Z");
const hour = 3_600_000;
const day = 24 * hour;

const item = (ago: number, unit: number, source: HistoryItem["source"], dom = false) => ({
  session: 412,
  type: unit >= 0 ? ("ADD" as const) : ("SUB" as const),
  unit: Math.abs(unit),
  source,
  dom,
  schedule: new Date(now + 4 * day + 7 * hour),
  happened: new Date(now - ago),
});
const history: HistoryItem[] = [
  { ...item(12 * day, 0, null), type: "START", unit: null },
  item(9 * day, 2 * 86_400, "DICE"),
  item(3 * day, -6 * 3600, "LINK"),
  item(30 * hour, 8 * 3600, "PENALTY"),
  item(5 * hour, 3 * 3600, "LINK"),
  item(40 * 60_000, 2 * 3600, "DOM", true),
];
const session = {
  start: new Date(now - 12 * day),
  scheduledEnd: new Date(now + 4 * day + 7 * hour),
  end: null,
  openGames: ["dice", "link"],
};
const card: Card = {
  id: "0a1b2c3d",
  userId: "1",
  nick: "lucy",
  guildId: "2",
  channelId: "3",
  messageId: "4",
  session: 412,
  createdAt: new Date(now).toISOString(),
  state: initialCardState(session, history, now),
};

async function write(name: string, svg: string) {
  await writeFile(path.join(outDir, name), await svgToPng(svg));
  console.log(path.join(outDir, name));
}

await write("card.png", embedPreviewSvg(cardBody(card, "en", now).embeds[0]!, now));
const released = {
  ...card,
  state: { ...card.state, endedAt: new Date(now + 2 * hour).toISOString() },
};
await write("card-released.png", embedPreviewSvg(cardBody(released, "en", now).embeds[0]!, now));
const row = (nick: string, locked: number, others: number, start: number | null) => ({
  kind: "month" as const,
  userId: nick,
  month: "2026-10",
  nick,
  lockedSeconds: locked,
  addedByOthersSeconds: others,
  currentStart: start === null ? null : new Date(start).toISOString(),
  updatedAt: new Date(now).toISOString(),
});
const board = boardEmbed(
  [
    row("lucy", 19 * 86_400 + 18 * 3600, 11 * 3600, now - 12 * day),
    row("mara", 14 * 86_400 + 2 * 3600, 2 * 86_400, now - 30 * day),
    row("jo", 6 * 86_400, 0, null),
  ],
  "2026-10",
  "en",
);
await write("leaderboard.png", embedPreviewSvg(board, now));
// The weekly digest of the same session (the week before `now`; the picture is /chart's own).
const weekFrom = now - 7 * day;
const chart = prepareChart({
  session: 412,
  nick: "lucy",
  from: new Date(weekFrom),
  to: new Date(now),
  items: [...history].filter((i) => i.happened.getTime() >= weekFrom).reverse(),
  running: true,
  scheduledEnd: session.scheduledEnd,
  capped: false,
  cap: 2_000,
});
const digest = digestEmbed(
  {
    nick: "lucy",
    week: "2026-W43",
    fromMs: weekFrom,
    toMs: now,
    lockedSeconds: 7 * 86_400,
    chart,
    lateMs: 0,
  },
  "en",
);
await write("digest.png", embedPreviewSvg(digest, now));
