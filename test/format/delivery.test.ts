import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { historiesFeed } from "../../src/feeds/histories.js";
import type { Locale } from "../../src/i18n/index.js";
import {
  buildDeliveryMessages as buildFromLines,
  type DeliveryGroup as LineGroup,
  type DeliveryMessage,
  deliveryTitle,
  embedTextLength,
} from "../../src/format/delivery.js";
import { formatItemLine } from "../../src/format/items.js";
import type { HistoryItem, HistorySource } from "../../src/tracker/types.js";
import { useZone, zones } from "./zones.js";

/** A group of history items, as the history feed gives them to a post (src/feeds/group.ts). */
type DeliveryGroup = Omit<LineGroup, "lines"> & { items: readonly HistoryItem[] };

const buildDeliveryMessages = (groups: readonly DeliveryGroup[], locale: Locale = "en") =>
  buildFromLines(
    groups.map((group) => ({
      ...group,
      lines: group.items.map((item) => historiesFeed.line(item, locale)),
    })),
    locale,
  );

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

const limits = { embeds: 10, fields: 25, fieldName: 256, fieldValue: 1024, total: 6000 };

function messageTotal(message: DeliveryMessage): number {
  return message.embeds.reduce((sum, embed) => sum + embedTextLength(embed), 0);
}

function checkLimits(messages: DeliveryMessage[]): void {
  for (const message of messages) {
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.embeds.length).toBeLessThanOrEqual(limits.embeds);
    expect(messageTotal(message)).toBeLessThanOrEqual(limits.total);
    for (const embed of message.embeds) {
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
      const fields = embed.fields ?? [];
      expect(fields.length).toBeLessThanOrEqual(limits.fields);
      // An embed is either a group's own (title + description) or shared (fields only).
      if (fields.length > 0) {
        expect(fields.length).toBeGreaterThan(1);
        expect(embed.title).toBeUndefined();
        expect(embed.description).toBeUndefined();
      } else {
        expect(embed.title).toBeTruthy();
        expect(embed.description).toBeTruthy();
      }
      for (const field of fields) {
        expect(field.name.length).toBeGreaterThan(0);
        expect(field.name.length).toBeLessThanOrEqual(limits.fieldName);
        expect(field.value.length).toBeGreaterThan(0);
        expect(field.value.length).toBeLessThanOrEqual(limits.fieldValue);
      }
    }
  }
}

interface Run {
  title: string;
  mention: string;
  lines: string[];
}

/**
 * Reads the posts back as one run per group, undoing the packing: a field is a
 * whole group, a titled embed starts a group, a "(continued)" embed extends
 * the previous one. Every group's block starts with its mention line.
 */
function readBack(messages: DeliveryMessage[]): Run[] {
  const runs: Run[] = [];
  const start = (title: string, block: string) => {
    const [mention = "", ...lines] = block.split("\n");
    expect(mention).toMatch(/^<@\d+>$/);
    runs.push({ title, mention, lines });
  };
  const embeds: APIEmbed[] = messages.flatMap((message) => message.embeds);
  for (const embed of embeds) {
    for (const field of embed.fields ?? []) start(field.name, field.value);
    if (embed.fields !== undefined) continue;
    const title = embed.title ?? "";
    const description = embed.description ?? "";
    if (title.endsWith(" (continued)")) {
      const run = runs.at(-1);
      // A long title is cut shorter when continued, to keep the suffix.
      const base = title.slice(0, -" (continued)".length);
      if (base.endsWith("…")) expect(run?.title.startsWith(base.slice(0, -1))).toBe(true);
      else expect(run?.title).toBe(base);
      run?.lines.push(...description.split("\n"));
    } else {
      start(title, description);
    }
  }
  return runs;
}

/** What every non-empty group should read back as, in order. */
function expectedRuns(groups: readonly DeliveryGroup[]): Run[] {
  return groups
    .filter((group) => group.items.length > 0)
    .map((group) => ({
      title: deliveryTitle(group),
      mention: `<@${group.userId}>`,
      lines: group.items.map((item) => formatItemLine(item)),
    }));
}

/** Size of a group's block (mention line, then its lines): a field if it fits in 1024. */
function blockLength(group: DeliveryGroup): number {
  return [`<@${group.userId}>`, ...group.items.map((item) => formatItemLine(item))].join("\n")
    .length;
}

const continued = (embed: APIEmbed | undefined) => embed?.title?.endsWith(" (continued)") ?? false;

/**
 * Every message but the last is full for the unit that opens the next one:
 * that unit could not have been added at its cheapest (a line appended to the
 * open embed, a small group joined as a field, or a new embed).
 */
function expectFull(messages: DeliveryMessage[]): void {
  for (const [index, message] of messages.slice(0, -1).entries()) {
    const last = message.embeds.at(-1);
    const next = messages[index + 1]?.embeds[0];
    const total = messageTotal(message);
    const embedsFull = message.embeds.length >= limits.embeds;
    let fits: boolean;
    if (next?.fields !== undefined) {
      const field = next.fields[0]!;
      // The shared embed it could have joined, or a lone group's embed that was one.
      const joinable =
        (last?.fields !== undefined && last.fields.length < limits.fields) ||
        (last?.fields === undefined &&
          !continued(last) &&
          (last?.description ?? "").length <= 1024);
      fits =
        (joinable || !embedsFull) && total + field.name.length + field.value.length <= limits.total;
    } else if (continued(next)) {
      const line = (next?.description ?? "").split("\n")[0] ?? "";
      const appendable = (last?.description ?? "").length + 1 + line.length <= 4096;
      fits = appendable
        ? total + 1 + line.length <= limits.total
        : !embedsFull && total + (next?.title ?? "").length + line.length <= limits.total;
    } else {
      // A group's first embed: at least its title, mention and first line.
      const opening = (next?.description ?? "").split("\n").slice(0, 2).join("\n");
      fits = !embedsFull && total + (next?.title ?? "").length + opening.length <= limits.total;
    }
    expect(fits, `message ${index} had room for the next unit`).toBe(false);
  }
}

function smallGroups(count: number, from = 0, nick = (i: number) => `member${i}`): DeliveryGroup[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      userId: String(1_000 + i),
      nick: nick(i),
      session: 500 + i,
      items: items(500 + i, 1, i),
    };
  });
}

describe.each(zones)("buildDeliveryMessages with TZ=%s", (zone) => {
  useZone(zone);

  it("one group of 3 items: one message, one embed, oldest first", () => {
    const group = { userId: "111", nick: "alice", session: 123, items: items(123, 3) };
    const messages = buildDeliveryMessages([group]);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.embeds).toEqual([
      {
        title: "alice · session 123",
        description: ["<@111>", ...group.items.map((item) => formatItemLine(item))].join("\n"),
      },
    ]);
    // The first line is the oldest item, rendered with UNIX seconds whatever the zone.
    expect(messages[0]?.embeds[0]?.description?.split("\n")[1]).toBe(
      "🎲 Dice · added **+1 min 7 s** · 👑 by dom · release <t:1770768000:f> · <t:1770112800:R>",
    );
  });

  it("60 groups of one item: exactly 2 messages of shared embeds, each item once and in order", () => {
    const groups = smallGroups(60);
    const messages = buildDeliveryMessages(groups);
    checkLimits(messages);
    // 60 blocks are more than 6000 characters, so 2 is the least possible.
    const sizes = groups.map((g) => deliveryTitle(g).length + blockLength(g));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(6000);
    expect(messages).toHaveLength(2);
    expectFull(messages);
    // Nothing but fields: 25 to a shared embed, the rest in the next one.
    const shape = messages.map((m) => m.embeds.map((e) => e.fields?.length ?? 0));
    expect(shape.flat().reduce((a, b) => a + b, 0)).toBe(60);
    expect(shape[0]?.slice(0, -1).every((n) => n === 25)).toBe(true);
    expect(readBack(messages)).toEqual(expectedRuns(groups));
    // The first message was full: the next group would not have fitted.
    const firstCount = shape[0]?.reduce((a, b) => a + b, 0) ?? 0;
    expect(messageTotal(messages[0]!) + (sizes[firstCount] ?? 0)).toBeGreaterThan(6000);
    expect(messages[0]?.embeds[0]?.fields?.[0]).toEqual({
      name: "member0 · session 500",
      value: `<@1000>\n${formatItemLine(groups[0]!.items[0]!)}`,
    });
  });

  it("two small groups share one embed as two fields", () => {
    const groups = [
      { userId: "111", nick: "alice", session: 1, items: items(1, 2) },
      { userId: "222", session: 2, items: items(2, 1, 50) },
    ];
    expect(buildDeliveryMessages(groups)).toEqual([
      {
        embeds: [
          {
            fields: [
              {
                name: "alice · session 1",
                value: ["<@111>", ...groups[0]!.items.map((item) => formatItemLine(item))].join(
                  "\n",
                ),
              },
              {
                name: "Session 2",
                value: ["<@222>", ...groups[1]!.items.map((item) => formatItemLine(item))].join(
                  "\n",
                ),
              },
            ],
          },
        ],
      },
    ]);
  });

  it("a group is a field up to a 1024-character block and its own embed past it", () => {
    let n = 1;
    while (blockLength({ userId: "7", session: 7, items: items(7, n + 1) }) <= 1024) n++;
    const fits = { userId: "7", session: 7, items: items(7, n) };
    const over = { userId: "8", session: 8, items: items(8, n + 1) };
    expect(blockLength(fits)).toBeLessThanOrEqual(1024);
    expect(blockLength(over)).toBeGreaterThan(1024);
    const neighbour = smallGroups(1)[0]!;
    const messages = buildDeliveryMessages([fits, neighbour, over, neighbour]);
    checkLimits(messages);
    expect(messages).toHaveLength(1);
    const embeds = messages[0]?.embeds ?? [];
    expect(embeds.map((e) => e.fields?.map((f) => f.name) ?? e.title)).toEqual([
      ["Session 7", "member0 · session 500"],
      "Session 8",
      // Alone in its shared embed, the last small group reads as its own embed.
      "member0 · session 500",
    ]);
    expect(readBack(messages)).toEqual(expectedRuns([fits, neighbour, over, neighbour]));
  });

  it("a 250-item group splits within every limit and keeps order", () => {
    const group = { userId: "222", nick: "bob", session: 9, items: items(9, 250) };
    const messages = buildDeliveryMessages([group]);
    checkLimits(messages);
    const runs = readBack(messages);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.title).toBe("bob · session 9");
    expect(runs[0]?.lines).toEqual(group.items.map((item) => formatItemLine(item)));
    const embeds = messages.flatMap((m) => m.embeds);
    expect(embeds.length).toBeGreaterThan(1);
    // Too big for a field: titled embeds as before, 4 messages of at most 6000.
    expect(embeds.every((e) => e.fields === undefined)).toBe(true);
    expect(messages).toHaveLength(4);
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
    expect(runs).toEqual(expectedRuns(groups));
  });

  it("big and small groups interleaved keep their order within every limit", () => {
    const groups: DeliveryGroup[] = [
      ...smallGroups(3),
      { userId: "30", nick: "big", session: 30, items: items(30, 70, 1000) },
      ...smallGroups(40, 3),
      { userId: "31", session: 31, items: [] },
      { userId: "32", nick: "huge", session: 32, items: items(32, 200, 2000) },
      ...smallGroups(1, 43),
      { userId: "33", nick: "mid", session: 33, items: items(33, 12, 3000) },
      ...smallGroups(30, 44),
    ];
    const messages = buildDeliveryMessages(groups);
    checkLimits(messages);
    expect(readBack(messages)).toEqual(expectedRuns(groups));
    expectFull(messages);
  });

  it("many small groups of varied sizes fill every message within the limits", () => {
    const groups: DeliveryGroup[] = Array.from({ length: 400 }, (_, i) => ({
      userId: String(10_000 + i),
      nick: i % 7 === 0 ? undefined : `m${i}`,
      session: i,
      items: items(i, 1 + ((i * 7) % 9), i * 10),
    }));
    const messages = buildDeliveryMessages(groups);
    checkLimits(messages);
    expect(readBack(messages)).toEqual(expectedRuns(groups));
    expect(messages.flatMap((m) => m.embeds).every((e) => e.fields !== undefined)).toBe(true);
    expectFull(messages);
    // No group is split, so a message can fall short of 6000 by less than one block.
    const total = messages.reduce((sum, m) => sum + messageTotal(m), 0);
    const biggest = Math.max(...groups.map((g) => deliveryTitle(g).length + blockLength(g)));
    expect(messages.length).toBeLessThanOrEqual(Math.ceil(total / (6000 - biggest)));
  });

  it("long nicks near 256 characters stay within the field name and title limits", () => {
    const nick = (i: number) => `${"n".repeat(230 + (i % 40))}${i}`;
    const groups: DeliveryGroup[] = [
      ...smallGroups(30, 0, nick),
      { userId: "90", nick: "*".repeat(255), session: 90, items: items(90, 80, 500) },
      ...smallGroups(12, 30, nick),
      { userId: "91", nick: "x".repeat(256), session: 91, items: items(91, 1, 900) },
    ];
    const messages = buildDeliveryMessages(groups);
    checkLimits(messages);
    expectFull(messages);
    const runs = readBack(messages);
    expect(runs).toEqual(expectedRuns(groups));
    expect(runs.some((run) => run.title.length === 256 && run.title.endsWith("…"))).toBe(true);
    const continued = messages.flatMap((m) => m.embeds).filter((e) => e.title?.endsWith(")"));
    expect(continued.length).toBeGreaterThan(0);
    for (const embed of continued) expect(embed.title?.endsWith("… (continued)")).toBe(true);
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
