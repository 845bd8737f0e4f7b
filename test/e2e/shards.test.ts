/** Discord recommends 2 shards: the bot connects both, in one process, and answers in guilds on each. */
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, memberBasics, startHarness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const shardOf = (guildId: string, count: number) =>
  Number((BigInt(guildId) >> 22n) % BigInt(count));

describe("sharding", () => {
  it("follows the recommended shard count and answers commands in guilds on both shards", async () => {
    h = await startHarness({ shards: 2 });
    const harness = h;
    expect(harness.bot.client.ws.shards.size).toBe(2);
    expect(harness.discord.gateway.identifies.map((i) => i.shard)).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    // A second guild on the other shard than the harness's own.
    const first = harness.guildId;
    const otherId = (((BigInt(first) >> 22n) + 1n) << 22n) | 7n;
    const second = harness.discord.addGuild({
      id: otherId.toString(),
      name: "Other server",
      everyonePermissions: memberBasics,
    });
    expect(shardOf(second, 2)).not.toBe(shardOf(first, 2));
    const secondChannel = harness.discord.addChannel(second, { name: "general" });
    await harness.discord.waitFor(
      () => harness.bot.client.guilds.cache.has(second),
      5000,
      "the second guild in the client's cache",
    );

    for (const [guildId, channelId] of [
      [first, harness.channelId],
      [second, secondChannel],
    ] as const) {
      const userId = harness.discord.addMember(guildId, {
        username: `member-${guildId.slice(-4)}`,
      });
      const handle = await harness.discord.interact
        .chatInput({ userId, guildId, channelId, name: "subscriptions" })
        .waitFor("reply");
      // Answered once: the interaction reached exactly one shard.
      expect(handle.responses.filter((r) => r.status < 300)).toHaveLength(1);
      expect(handle.events.some((e) => e.errorCode === 40060)).toBe(false);
    }
  }, 30_000);
});
