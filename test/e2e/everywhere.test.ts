import type { APIMessage } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, linkMember, startHarness } from "./harness.js";

let h: Harness;
let member: string;
const token = "tok_every_5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d";
const foreignGuildId = "1300000000000000042";

beforeAll(async () => {
  h = await startHarness();
  member = h.member("wanderer");
  h.tracker.addToken(token, { nick: "lucy" });
  const session = h.tracker.addSession(token, {
    id: 77,
    active: true,
    start: "2026-02-03 09:30:07",
  });
  h.tracker.addHistory(session, [
    { type: "START", happened: "2026-02-03 09:30:07.123", schedule: "2026-02-10 00:00:00" },
    { type: "ADD", unit: 3600, source: "DICE", happened: "2026-02-03 10:00:00.000" },
  ]);
  h.tracker.addGameChanges(session, [
    ...Array.from({ length: 6 }, (_, i) => ({
      id: i + 1,
      happened: `2026-02-03 1${i}:00:00`,
      changes: [{ label: "dice", from: String(i), to: String(i + 1) }],
    })),
    {
      id: 7,
      action: "DELETE" as const,
      game: "LUCK" as const,
      happened: "2026-02-03 17:00:00",
      domNick: "@everyone <@123456789012345678>",
      changes: [{ label: "[win](https://evil.example)", from: "**x**\n# big", to: null }],
    },
  ]);
  await linkMember(h, member, token);
});
afterAll(async () => {
  await h.close();
});

const text = (message: APIMessage | null) => JSON.stringify(message?.embeds ?? []);
const description = (message: APIMessage | null) => message?.embeds[0]?.description ?? "";
const buttonIds = (message: APIMessage | null): { custom_id: string; disabled?: boolean }[] =>
  (message?.components ?? []).flatMap((row) =>
    "components" in row ? (row.components as { custom_id: string; disabled?: boolean }[]) : [],
  );

describe("registration", () => {
  it("registers every command with explicit integration types and contexts", () => {
    const put = h.discord.requests.find((r) => r.method === "PUT" && r.path.endsWith("/commands"));
    const body = put?.body as { name: string; integration_types: number[]; contexts: number[] }[];
    const byName = Object.fromEntries(
      body.map((c) => [c.name, { integration_types: c.integration_types, contexts: c.contexts }]),
    );
    const everywhere = { integration_types: [0, 1], contexts: [0, 1, 2] };
    const serverAndBotDm = { integration_types: [0], contexts: [0, 1] };
    expect(byName).toEqual({
      link: everywhere,
      unlink: everywhere,
      histories: everywhere,
      subscribe: serverAndBotDm,
      unsubscribe: serverAndBotDm,
      subscriptions: serverAndBotDm,
      chart: everywhere,
      stats: everywhere,
      language: { integration_types: [0], contexts: [0] },
      roles: { integration_types: [0], contexts: [0] },
      rolesync: { integration_types: [0], contexts: [0] },
      privacy: everywhere,
      // Playing needs no server; vote panels live in a server channel the bot posts into.
      play: everywhere,
      dom: everywhere,
      votes: { integration_types: [0], contexts: [0] },
      // A card posts into a channel like a subscription; a leaderboard belongs to a server.
      card: serverAndBotDm,
      leaderboard: { integration_types: [0], contexts: [0] },
      // The weekly digest posts into a channel or the DM with the bot, like a card.
      digest: serverAndBotDm,
    });
  });
});

describe("/histories outside the bot's servers", () => {
  it("answers a user install in a server without the bot, publicly with public:true", async () => {
    const handle = h.discord.interact.chatInput({
      userId: member,
      install: "user",
      foreignGuildId,
      name: "histories",
      options: { session: 77, public: true },
    });
    await handle.waitFor("edit");
    expect(handle.payload).toMatchObject({
      context: 0,
      authorizing_integration_owners: { "1": member },
    });
    expect(handle.ephemeral).toBe(false);
    expect(text(handle.original)).toMatch(/session 77/i);
  });

  it("answers in a private channel (context 2), ephemeral by default", async () => {
    const handle = h.discord.interact.chatInput({
      userId: member,
      install: "user",
      privateChannel: true,
      name: "histories",
      options: { session: 77 },
    });
    await handle.waitFor("edit");
    expect(handle.payload).toMatchObject({ context: 2 });
    expect(handle.ephemeral).toBe(true);
    expect(text(handle.original)).toMatch(/session 77/i);
  });

  it("answers in the DM with the bot, publicly with public:true", async () => {
    const handle = h.discord.interact.chatInput({
      userId: member,
      name: "histories",
      options: { session: 77, public: true },
    });
    await handle.waitFor("edit");
    expect(handle.payload).toMatchObject({ context: 1 });
    expect(handle.ephemeral).toBe(false);
    expect(h.discord.dmsTo(member).map((m) => m.id)).toContain(handle.original?.id);
  });
});

describe("/histories games:true", () => {
  it("lists game-rule changes newest first, pages with the buttons, keeps hostile text inert", async () => {
    const handle = h.discord.interact.chatInput({
      userId: member,
      guildId: h.guildId,
      name: "histories",
      options: { session: 77, games: true, limit: 3 },
    });
    await handle.waitFor("edit");
    const first = description(handle.original).split("\n");
    expect(first).toHaveLength(3);
    expect(first[0]).toMatch(
      /^🍀 Luck rules removed by \*\*@\u200beveryone \\<@123456789012345678\\>\*\*: /,
    );
    expect(first[0]).toContain("\\[win\\](https:\u200b//evil.example)");
    expect(first[0]).not.toContain("\n");
    expect(first[1]).toContain("dice 5 → 6");
    expect(h.tracker.requests.at(-1)).toMatchObject({ endpoint: "games_changes" });

    const older = buttonIds(handle.original).find((b) =>
      b.custom_id.startsWith("histories:older:"),
    );
    expect(older?.disabled).toBeFalsy();
    const press = (customId: string) =>
      h.discord.interact
        .button({ userId: member, guildId: h.guildId, customId, message: handle.original! })
        .waitFor("edit");
    await press(older!.custom_id);
    expect(
      description(handle.original)
        .split("\n")
        .map((l) => l.match(/dice (\d) →/)?.[1]),
    ).toEqual(["3", "2", "1"]);
    expect(handle.original?.embeds[0]?.footer?.text).toBe("Page 2");
    await press(older!.custom_id);
    expect(description(handle.original)).toContain("dice 0 → 1");
    const last = buttonIds(handle.original);
    expect(last.find((b) => b.custom_id.startsWith("histories:older:"))?.disabled).toBe(true);
  });

  it("refuses history filters with games:true, saying what to leave out", async () => {
    const handle = h.discord.interact.chatInput({
      userId: member,
      guildId: h.guildId,
      name: "histories",
      options: { session: 77, games: true, type: "ADD" },
    });
    await handle.waitFor("edit");
    expect(handle.original?.content).toContain("games:true");
  });
});

describe("/subscribe games:true", () => {
  it("stores the flag and starts after the game-rule changes that exist", async () => {
    const handle = h.discord.interact.chatInput({
      userId: member,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "subscribe",
      options: { session: 77, games: true },
    });
    await handle.waitFor("edit");
    expect(handle.original?.content).toContain("Subscribed");
    const [sub] = await h.bot.store.subscriptions.listByUser(member);
    expect(sub).toMatchObject({
      games: true,
      target: "channel",
      gamesWatermark: "2026-02-03T17:00:00.000Z",
      gamesSeenIds: [7],
    });
    expect(h.tracker.requests.at(-1)).toMatchObject({
      endpoint: "games_changes",
      query: { session: "77", limit: "200", include_diff: "0" },
    });
  });
});
