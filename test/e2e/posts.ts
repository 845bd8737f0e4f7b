/** Reading what the bot posted into a channel of the fake Discord. */
import type { APIMessage } from "discord.js";
import type { FakeDiscord } from "../fakes/discord/index.js";

/** Messages the bot posted itself (not interaction replies). */
export function botPosts(discord: FakeDiscord, channelId: string): APIMessage[] {
  return discord
    .messages(channelId)
    .filter((m) => !m.webhook_id && m.author.id === discord.botUserId);
}

/** Every item line posted into the channel, in posting order. */
export function postedLines(discord: FakeDiscord, channelId: string): string[] {
  return botPosts(discord, channelId).flatMap((m) =>
    m.embeds.flatMap((e) =>
      [e.description ?? "", ...(e.fields ?? []).map((f) => f.value)]
        .flatMap((text) => text.split("\n"))
        .filter((l) => /<t:\d+:R>/.test(l)),
    ),
  );
}

/**
 * The `release` timestamps of the posted lines. Tests give every item a
 * distinct `schedule`, so this identifies each posted item.
 */
export function postedSchedules(discord: FakeDiscord, channelId: string): number[] {
  return postedLines(discord, channelId).map((line) => {
    const match = /release <t:(\d+):f>/.exec(line);
    if (!match?.[1]) throw new Error(`no release time in line: ${line}`);
    return Number(match[1]);
  });
}

/** Items with distinct schedules (base + i minutes) and `happened` a second apart. */
export function burst(count: number, startMs: number, options: { sameMs?: boolean } = {}) {
  return Array.from({ length: count }, (_, i) => ({
    type: "ADD" as const,
    unit: 60,
    source: "DICE" as const,
    happened: new Date(options.sameMs ? startMs : startMs + i * 1000),
    schedule: new Date(Date.UTC(2027, 0, 1) + i * 60_000),
  }));
}

export function expectedSchedules(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (Date.UTC(2027, 0, 1) + i * 60_000) / 1000);
}
