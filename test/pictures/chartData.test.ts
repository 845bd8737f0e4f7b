import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.js";
import { prepareChart, sourceColors } from "../../src/pictures/chartData.js";
import { chartAltText, chartEmbed } from "../../src/pictures/chartMessage.js";
import {
  chartCacheKey,
  createPictureCache,
  walkHistories,
} from "../../src/pictures/chartSource.js";
import { chartGeometry } from "../../src/pictures/chartSvg.js";
import type {
  HistoriesPage,
  HistoriesQuery,
  HistoryItem,
  TrackerClient,
} from "../../src/tracker/types.js";
import { at, busySession, historyItem as item } from "./sample.js";

// Newest first, as the tracker sends them: START, +1 day dice, +2 h dom penalty, -30 min luck, null unit/source.
const items: HistoryItem[] = [
  item({
    type: "ADD",
    unit: null,
    source: null,
    schedule: null,
    happened: at("2026-02-03T14:00:00"),
  }),
  item({
    type: "SUB",
    unit: 1800,
    source: "LUCK",
    schedule: at("2026-02-11T01:30:00"),
    happened: at("2026-02-03T12:00:00"),
  }),
  item({
    type: "ADD",
    unit: 7200,
    source: "PENALTY",
    dom: true,
    schedule: at("2026-02-11T02:00:00"),
    happened: at("2026-02-03T11:00:00"),
  }),
  item({
    type: "ADD",
    unit: 86400,
    source: "DICE",
    schedule: at("2026-02-11T00:00:00"),
    happened: at("2026-02-03T10:00:00"),
  }),
  item({
    type: "START",
    unit: null,
    source: null,
    schedule: at("2026-02-10T00:00:00"),
    happened: at("2026-02-03T09:30:00"),
  }),
];

const base = {
  session: 7,
  nick: "lucy",
  running: true,
  scheduledEnd: null,
  capped: false,
  cap: 2000,
};

describe("prepareChart", () => {
  it("orders the changes in time with the release after each, carrying it over a change without one", () => {
    const data = prepareChart({ ...base, items });
    expect(
      data.points.map((p) => [p.type, p.source, new Date(p.release ?? 0).toISOString()]),
    ).toEqual([
      ["START", "OTHER", "2026-02-10T00:00:00.000Z"],
      ["ADD", "DICE", "2026-02-11T00:00:00.000Z"],
      ["ADD", "PENALTY", "2026-02-11T02:00:00.000Z"],
      ["SUB", "LUCK", "2026-02-11T01:30:00.000Z"],
      ["ADD", "OTHER", "2026-02-11T01:30:00.000Z"],
    ]);
    // The release moved backwards at the SUB: the step goes down.
    expect(data.points[3]!.release!).toBeLessThan(data.points[2]!.release!);
  });

  it("counts changes per source (START excluded), dom actions and the net time", () => {
    const data = prepareChart({ ...base, items });
    expect(data.counts).toEqual({
      DICE: 1,
      LINK: 0,
      LUCK: 1,
      MANUAL: 0,
      PENALTY: 1,
      DOM: 0,
      OTHER: 1,
    });
    expect(data.changes).toBe(4);
    expect(data.domChanges).toBe(1);
    expect(data.netSeconds).toBe(86400 + 7200 - 1800);
    expect(data.currentRelease).toBe(at("2026-02-11T01:30:00").getTime());
    expect(
      prepareChart({ ...base, items, scheduledEnd: at("2026-03-01T00:00:00") }).currentRelease,
    ).toBe(at("2026-03-01T00:00:00").getTime());
  });

  it("gives every source its own colour", () => {
    expect(new Set(Object.values(sourceColors)).size).toBe(Object.keys(sourceColors).length);
  });

  it("takes an empty window and a lone START", () => {
    const empty = prepareChart({ ...base, items: [] });
    expect(empty.points).toEqual([]);
    expect(empty.currentRelease).toBeNull();
    const start = prepareChart({ ...base, items: [items[4]!] });
    expect(start.points).toHaveLength(1);
    expect(start.changes).toBe(0);
  });

  it("spans the asked window, or the first change to now while the session runs", () => {
    const now = at("2026-02-04T00:00:00").getTime();
    const open = chartGeometry(prepareChart({ ...base, items }), now);
    expect(open.start).toBe(at("2026-02-03T09:30:00").getTime());
    expect(open.end).toBe(now);
    expect(open.showNow).toBe(true);
    const window = { from: at("2026-02-03T00:00:00"), to: at("2026-02-03T18:00:00") };
    const closed = chartGeometry(prepareChart({ ...base, ...window, items }), now);
    expect([closed.start, closed.end]).toEqual([window.from.getTime(), window.to.getTime()]);
    expect(closed.showNow).toBe(false);
    const future = { from: window.from, to: at("2026-02-09T00:00:00") };
    expect(chartGeometry(prepareChart({ ...base, ...future, items }), now).end).toBe(now);
    const ended = chartGeometry(prepareChart({ ...base, running: false, items }), now);
    expect(ended.end).toBe(at("2026-02-03T14:00:00").getTime());
    expect(ended.showNow).toBe(false);
  });
});

describe("alt text and embed", () => {
  const now = at("2026-02-04T00:00:00").getTime();
  it("summarises the window, changes per source, net time and current release", () => {
    const data = prepareChart({ ...base, items });
    const text = chartAltText(data, now, "en", translator("en"));
    expect(text).toBe(
      "Chart of the release date of lucy's session 7 from 3 Feb 2026 09:30 to 4 Feb 2026 00:00 UTC. " +
        "4 changes (Dice 1, Luck 1, Penalty 1, Other 1; 1 by a dom). Net time added: +1 day 1 hr 30 min. " +
        "Current release: 11 Feb 2026 01:30 UTC.",
    );
    expect(chartAltText(data, now, "de", translator("de"))).toContain(
      "4 Änderungen (Würfel 1, Glück 1, Strafe 1, Sonstige 1",
    );
  });

  it("says when the walk was capped, in the alt text and the embed", () => {
    const data = prepareChart({ ...base, items, capped: true });
    expect(chartAltText(data, now, "en", translator("en"))).toContain(
      "Only the latest 2,000 changes are shown.",
    );
    const embed = chartEmbed(data, now, "en", translator("en"), { items: 2000, requests: 10 });
    expect(embed.description).toContain(
      "Only the latest 2,000 changes are drawn (at most 10 requests",
    );
    expect(embed.image?.url).toBe("attachment://chart.png");
    const uncapped = chartEmbed(prepareChart({ ...base, items }), now, "en", translator("en"), {
      items: 2000,
      requests: 10,
    });
    expect(uncapped.description).not.toContain("Only the latest");
  });

  it("keeps a hostile nick inert in the embed title and short in the alt text", () => {
    const data = prepareChart({
      ...base,
      nick: "**@everyone** [x](https://evil.example)".repeat(5),
      items,
    });
    const embed = chartEmbed(data, now, "en", translator("en"), { items: 2000, requests: 10 });
    expect(embed.title).not.toMatch(/(^|[^\\])\*\*/);
    expect(embed.title).not.toMatch(/(^|[^\\])\[x\]/);
    expect(chartAltText(data, now, "en", translator("en")).length).toBeLessThanOrEqual(1024);
  });
});

function pagingTracker(all: HistoryItem[], pageSize: number) {
  const queries: HistoriesQuery[] = [];
  const tracker = {
    async histories(_token: string, query: HistoriesQuery): Promise<HistoriesPage> {
      queries.push(query);
      const offset = query.cursor ? Number(query.cursor) : 0;
      const size = Math.min(pageSize, query.limit ?? 50);
      const page = all.slice(offset, offset + size);
      const next = offset + size < all.length ? String(offset + size) : undefined;
      return { count: page.length, limit: size, items: page, cursorNext: next };
    },
  } as unknown as TrackerClient;
  return { tracker, queries };
}

describe("walkHistories", () => {
  it("reads every page of a window below the cap", async () => {
    const all = busySession(450).items;
    const { tracker, queries } = pagingTracker(all, 200);
    const walked = await walkHistories(tracker, "tok", {
      session: 77,
      from: at("2026-01-01T00:00:00"),
    });
    expect(walked).toMatchObject({ capped: false, requests: 3 });
    expect(walked.items).toHaveLength(450);
    expect(queries.every((q) => q.limit === 200 && q.session === 77 && q.from !== undefined)).toBe(
      true,
    );
  });

  it("stops at 2,000 items, keeping the newest", async () => {
    const all = busySession(2500).items;
    const walked = await walkHistories(pagingTracker(all, 200).tracker, "tok", { session: 77 });
    expect(walked).toMatchObject({ capped: true, requests: 10 });
    expect(walked.items).toHaveLength(2000);
    expect(walked.items[0]).toBe(all[0]);
  });

  it("stops at 10 requests when the tracker answers with small pages", async () => {
    const { tracker, queries } = pagingTracker(busySession(600).items, 50);
    const walked = await walkHistories(tracker, "tok", { session: 77 });
    expect(queries).toHaveLength(10);
    expect(walked).toMatchObject({ capped: true, requests: 10 });
    expect(walked.items).toHaveLength(500);
  });
});

describe("chart cache", () => {
  it("keeps a walk per (member, session, window) for its time to live", async () => {
    let clock = 0;
    const cache = createPictureCache<number>(60_000, 10, () => clock);
    let loads = 0;
    const load = async () => ++loads;
    const key = chartCacheKey("u1", 7, at("2026-02-01T00:00:10"), undefined);
    expect(await cache.get(key, load)).toBe(1);
    clock = 30_000;
    expect(
      await cache.get(chartCacheKey("u1", 7, at("2026-02-01T00:00:40"), undefined), load),
    ).toBe(1);
    expect(
      await cache.get(chartCacheKey("u2", 7, at("2026-02-01T00:00:10"), undefined), load),
    ).toBe(2);
    expect(
      await cache.get(chartCacheKey("u1", 8, at("2026-02-01T00:00:10"), undefined), load),
    ).toBe(3);
    clock = 61_000;
    expect(await cache.get(key, load)).toBe(4);
  });

  it("forgets a failed walk", async () => {
    const cache = createPictureCache<number>(60_000, 10, () => 0);
    await expect(cache.get("k", async () => Promise.reject(new Error("down")))).rejects.toThrow(
      "down",
    );
    expect(await cache.get("k", async () => 5)).toBe(5);
  });
});

describe("untrusted nick in the picture", () => {
  it("is escaped as SVG text, stripped of bidi overrides and shortened", async () => {
    const { chartSvg } = await import("../../src/pictures/chartSvg.js");
    const nick = `</text><image href="x"/>\u202Eevil${"x".repeat(80)}`;
    const svg = chartSvg(prepareChart({ ...base, nick, items }), 0, "en", translator("en"));
    expect(svg).not.toContain("<image");
    expect(svg).not.toContain("\u202E");
    expect(svg).toContain("&#60;/text&#62;&#60;image href=&#34;x&#34;/&#62;evilxxx…");
    expect(svg).not.toContain("x".repeat(40));
  });
});
