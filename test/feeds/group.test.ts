import { describe, expect, it } from "vitest";
import { gameChangeKey, gamesFeed } from "../../src/feeds/games.js";
import { type ChannelPart, channelGroups } from "../../src/feeds/group.js";
import { historiesFeed } from "../../src/feeds/histories.js";
import { buildDeliveryMessages } from "../../src/format/delivery.js";
import type { GameChange, HistoryItem } from "../../src/tracker/types.js";

const at = (minute: number) => new Date(Date.UTC(2026, 1, 3, 12, minute, 0));
const item = (minute: number): HistoryItem => ({
  session: 7,
  type: "ADD",
  unit: 3600,
  source: "DICE",
  dom: false,
  schedule: at(600 + minute),
  happened: at(minute),
});
const change = (id: number, minute: number, action: GameChange["action"]): GameChange => ({
  id,
  game: "DICE",
  action,
  happened: at(minute),
  domNick: "Mistress",
  changes: [
    { label: "dice", from: action === "INSERT" ? null : "2", to: action === "DELETE" ? null : "3" },
  ],
});
const part = (changes: GameChange[], userId = "42", items: HistoryItem[] = []): ChannelPart => ({
  subscriptionId: "s1",
  userId,
  nick: "lucy",
  session: 7,
  feeds: [
    { feed: historiesFeed, items, next: null },
    { feed: gamesFeed, items: changes, next: { watermark: at(9).toISOString(), seen: [] } },
  ],
});
/** The groups of a post, as the formatter gets them. */
const groupLines = (parts: ChannelPart[]) => channelGroups(parts).map(({ group }) => group);

describe("game changes in channel posts", () => {
  it("batches INSERT, UPDATE, DELETE with the session's history items in one message, in order", () => {
    const changes = [change(1, 0, "INSERT"), change(2, 2, "UPDATE"), change(3, 5, "DELETE")];
    const merged = groupLines([part(changes, "42", [item(1), item(4)])]);
    const messages = buildDeliveryMessages(merged);
    expect(messages).toHaveLength(1);
    const lines = (messages[0]?.embeds[0]?.description ?? "").split("\n");
    expect(lines[0]).toBe("<@42>");
    const kinds = lines.slice(1).map((l) => /rules (set|changed|removed)|added/.exec(l)?.[0]);
    expect(kinds).toEqual(["rules set", "added", "rules changed", "added", "rules removed"]);
  });

  it("posts a change two subscriptions want once, and makes a group for changes alone", () => {
    const merged = channelGroups([
      part([change(1, 0, "UPDATE")]),
      part([change(1, 0, "UPDATE"), change(2, 1, "UPDATE")]),
      part([change(5, 3, "UPDATE")], "43"),
    ]);
    expect(merged.map(({ group, keys }) => [group.userId, keys])).toEqual([
      ["42", ["game:1", "game:2"]],
      ["43", ["game:5"]],
    ]);
    expect(merged.map(({ group }) => group.lines.length)).toEqual([2, 1]);
    expect(gameChangeKey(change(5, 3, "UPDATE"))).toBe("game:5");
  });
});
