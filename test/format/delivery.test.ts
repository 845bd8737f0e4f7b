import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildDeliveryMessages,
  type DeliveryGroup,
  type DeliveryMessage,
  deliveryTitle,
  embedTextLength,
} from "../../src/format/delivery.js";
import { formatItemLine } from "../../src/format/items.js";
import type { HistoryItem, HistorySource } from "../../src/tracker/types.js";

const sources: HistorySource[] = ["DICE", "LINK", "LUCK", "MANUAL", "PENALTY", "DOM"];

/** Items oldest first; each has a distinct `happened` and unit so lines are unique. */
function items(session: number, count: number, startSecond = 0): HistoryItem[] {
  return Array.from({ length: count }, (_, i) => ({
    session,
    type: i % 3 === 2 ? "SUB" : "ADD",
    unit: 60 * (i + 1) + 7,
    source: sources[i % sources.length] ?? null,
    dom: i % 4 === 0,
    schedule: new Date(Date.UTC(2026, 1, 11, 0, 0, startSecond + i)),
    happened: new Date(Date.UTC(2026, 1, 3, 10, 0, startSecond + i, 456)),
  }));
}

function checkLimits(messages: DeliveryMessage[]): void {
  for (const message of messages) {
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.embeds.length).toBeLessThanOrEqual(10);
    const total = message.embeds.reduce((sum, embed) => sum + embedTextLength(embed), 0);
    expect(total).toBeLessThanOrEqual(6000);
    for (const embed of message.embeds) {
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    }
  }
}

/** Reads the posts back as (title, lines) per group run, undoing the packing. */
function readBack(messages: DeliveryMessage[]): Array<{ title: string; lines: string[] }> {
  const runs: Array<{ title: string; lines: string[] }> = [];
  const embeds: APIEmbed[] = messages.flatMap((message) => message.embeds);
  for (const embed of embeds) {
    const title = embed.title ?? "";
    const lines = (embed.description ?? "").split("\n");
    if (title.endsWith(" (continued)")) {
      const run = runs.at(-1);
      expect(run?.title).toBe(title.slice(0, -" (continued)".length));
      run?.lines.push(...lines);
    } else {
      expect(lines[0]).toMatch(/^<@\d+>$/);
      runs.push({ title, lines: lines.slice(1) });
    }
  }
  return runs;
}

describe.each(["UTC", "Pacific/Auckland"])("buildDeliveryMessages with TZ=%s", (zone) => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it("runs in the intended zone", () => {
    const offset = new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset();
    expect(offset).toBe(zone === "UTC" ? 0 : -780);
  });

  it("one group of 3 items: one message, one embed, oldest first", () => {
    const group = { userId: "111", nick: "alice", session: 123, items: items(123, 3) };
    const messages = buildDeliveryMessages([group]);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.embeds).toEqual([
      {
        title: "alice · session 123",
        description: ["<@111>", ...group.items.map(formatItemLine)].join("\n"),
      },
    ]);
    // The first line is the oldest item, rendered with UNIX seconds whatever the zone.
    expect(messages[0]?.embeds[0]?.description?.split("\n")[1]).toBe(
      "🎲 Dice · added **+1 min 7 s** · 👑 by dom · release <t:1770768000:f> · <t:1770112800:R>",
    );
  });

  it("60 groups of one item: few messages, each item once and in order", () => {
    const groups: DeliveryGroup[] = Array.from({ length: 60 }, (_, i) => ({
      userId: String(1_000 + i),
      nick: `member${i}`,
      session: 500 + i,
      items: items(500 + i, 1, i),
    }));
    const messages = buildDeliveryMessages(groups);
    checkLimits(messages);
    expect(messages.length).toBeGreaterThanOrEqual(6);
    expect(messages.length).toBeLessThanOrEqual(7);
    const runs = readBack(messages);
    expect(runs.map((run) => run.title)).toEqual(
      groups.map((g) => `member${g.session - 500} · session ${g.session}`),
    );
    expect(runs.map((run) => run.lines)).toEqual(groups.map((g) => g.items.map(formatItemLine)));
    const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? ""));
    expect(descriptions.map((d) => d.split("\n")[0])).toEqual(groups.map((g) => `<@${g.userId}>`));
  });

  it("a 250-item group splits within every limit and keeps order", () => {
    const group = { userId: "222", nick: "bob", session: 9, items: items(9, 250) };
    const messages = buildDeliveryMessages([group]);
    checkLimits(messages);
    const runs = readBack(messages);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.title).toBe("bob · session 9");
    expect(runs[0]?.lines).toEqual(group.items.map(formatItemLine));
    const embeds = messages.flatMap((m) => m.embeds);
    expect(embeds.length).toBeGreaterThan(1);
    expect(embeds.slice(1).every((e) => e.title === "bob · session 9 (continued)")).toBe(true);
    // Packed tight: every message but the last is within one line of the 6000 total.
    const longest = Math.max(...group.items.map((i) => formatItemLine(i).length));
    for (const message of messages.slice(0, -1)) {
      const total = message.embeds.reduce((sum, e) => sum + embedTextLength(e), 0);
      expect(total).toBeGreaterThan(6000 - longest - 1 - 40);
    }
  });

  it("mixed groups keep group order and split at line boundaries", () => {
    const groups: DeliveryGroup[] = [
      { userId: "1", nick: "a", session: 1, items: items(1, 30) },
      { userId: "2", session: 2, items: [] },
      { userId: "3", session: 3, items: items(3, 120, 100) },
      { userId: "4", nick: "d", session: 4, items: items(4, 2, 300) },
    ];
    const messages = buildDeliveryMessages(groups);
    checkLimits(messages);
    const runs = readBack(messages);
    expect(runs.map((run) => run.title)).toEqual(["a · session 1", "Session 3", "d · session 4"]);
    expect(runs.map((run) => run.lines)).toEqual([
      groups[0]?.items.map(formatItemLine),
      groups[2]?.items.map(formatItemLine),
      groups[3]?.items.map(formatItemLine),
    ]);
  });
});

describe("edges", () => {
  it("no groups or only empty groups: no messages", () => {
    expect(buildDeliveryMessages([])).toEqual([]);
    expect(buildDeliveryMessages([{ userId: "1", session: 1, items: [] }])).toEqual([]);
  });

  it("titles escape the nick and keep the continued suffix when cut", () => {
    expect(deliveryTitle({ nick: "*x*", session: 5 })).toBe("\\*x\\* · session 5");
    expect(deliveryTitle({ session: 5 })).toBe("Session 5");
    const long = deliveryTitle({ nick: "n".repeat(300), session: 5 }, true);
    expect(long.length).toBeLessThanOrEqual(256);
    expect(long.endsWith("… (continued)")).toBe(true);
  });

  it("embedTextLength counts title, description, footer, author and fields", () => {
    expect(
      embedTextLength({
        title: "ab",
        description: "cde",
        footer: { text: "f" },
        author: { name: "gh" },
        fields: [{ name: "i", value: "jk" }],
      }),
    ).toBe(11);
  });
});
