/**
 * The poller's posts, end to end: a channel gets its server's language
 * (`/language set`, else `preferred_locale`, else English), a DM subscription
 * its member's last interaction language. One harness for the whole file.
 */
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, memberBasics, startHarness } from "./harness.js";
import { botPosts, postedLines } from "./posts.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const at = (minutes: number) => new Date(Date.parse("2026-02-03T12:00:00Z") + minutes * 60_000);
let tokens = 0;

/** A server in `preferredLocale` with one linked member and an active session. */
async function server(preferredLocale: string, nick: string) {
  const guildId = h.discord.addGuild({
    name: nick,
    everyonePermissions: memberBasics,
    preferredLocale,
  });
  const channelId = h.discord.addChannel(guildId, { name: "log" });
  const userId = h.discord.addMember(guildId, { username: nick });
  await h.discord.waitFor(() => h.bot.client.guilds.cache.has(guildId), 5000, "the new guild");
  const session = await member(guildId, channelId, userId, nick);
  return { guildId, channelId, userId, session };
}

/** Links `userId` with a fresh token whose active session has one old item. */
async function member(guildId: string, channelId: string, userId: string, nick: string) {
  tokens += 1;
  const token = `tok_langposts_${tokens}_5e4d3c2b1a0f9e8d7c6b`;
  h.tracker.addToken(token, { nick });
  const session = h.tracker.addSession(token, { active: true });
  h.tracker.addHistory(session, [
    { type: "START", happened: "2026-02-03 09:30:07.123", schedule: "2026-02-10 00:00:00" },
  ]);
  await h.discord.interact
    .modalSubmit({ userId, guildId, channelId, customId: "link:modal", fields: { token } })
    .waitFor("edit");
  return session;
}

/** One dice item of `days` days at `minute`, and the line it was posted as. */
async function post(session: number, channelId: string, days: number, minute: number) {
  const before = postedLines(h.discord, channelId).length;
  h.tracker.addHistory(session, [
    {
      type: "ADD",
      unit: days * 86_400,
      source: "DICE",
      happened: at(minute),
      schedule: at(60 + minute),
    },
  ]);
  await h.discord.waitFor(
    () => postedLines(h.discord, channelId).length > before,
    8000,
    `a post in ${channelId}`,
  );
  return postedLines(h.discord, channelId).at(-1) ?? "";
}

function subscribe(
  where: { guildId: string; channelId: string; userId: string },
  options: Record<string, string | number>,
  locale: string,
) {
  return h.discord.interact
    .chatInput({ ...where, name: "subscribe", options, locale })
    .waitFor("edit");
}

describe("posts in the server's and the member's language", () => {
  it("posts in French on a French server, in German once an admin sets German", async () => {
    const fr = await server("fr", "amelie");
    // The member's own language (Spanish) does not matter for a channel.
    await subscribe(fr, { session: fr.session }, "es-ES");
    const one = await post(fr.session, fr.channelId, 1, 0);
    expect(one).toMatch(/^🎲 Dés · ajouté \*\*\+1 jour\*\* · libération <t:\d+:f> · <t:\d+:R>$/);
    expect(await post(fr.session, fr.channelId, 2, 1)).toContain("ajouté **+2 jours**");

    const set = await h.discord.interact
      .chatInput({
        ...fr,
        name: "language",
        subcommand: "set",
        options: { locale: "de" },
        locale: "fr",
        memberPermissions: memberBasics | PermissionFlagsBits.ManageGuild,
      })
      .waitFor("edit");
    expect(set.original?.content).toMatch(
      /^Les publications sur ce serveur sont désormais en allemand/,
    );
    const de = await post(fr.session, fr.channelId, 1, 2);
    expect(de).toMatch(/^🎲 Würfel · hinzugefügt \*\*\+1 Tag\*\* · Freigabe <t:\d+:f>/);
    expect(await post(fr.session, fr.channelId, 3, 3)).toContain("**+3 Tage**");
    // What was posted before stays as it was.
    expect(postedLines(h.discord, fr.channelId)[0]).toBe(one);
  });

  it("posts in English on a server whose language it does not have", async () => {
    const ko = await server("ko", "minji");
    await subscribe(ko, { session: ko.session }, "ko");
    expect(await post(ko.session, ko.channelId, 1, 0)).toMatch(
      /^🎲 Dice · added \*\*\+1 day\*\* · release <t:\d+:f>/,
    );
    expect(await post(ko.session, ko.channelId, 2, 1)).toContain("added **+2 days**");
  });

  it("posts a DM subscription in its member's last interaction language, not the server's", async () => {
    const fr = await server("fr", "bram");
    await subscribe(fr, { session: fr.session, to: "dm" }, "nl");
    expect(await h.bot.store.locales.member(fr.userId)).toBe("nl");
    const [sub] = (await h.bot.store.subscriptions.listByUser(fr.userId)).filter(
      (s) => s.target === "dm",
    );
    const dm = sub?.channelId ?? "";
    expect(await post(fr.session, dm, 1, 0)).toMatch(
      /^🎲 Dobbelstenen · toegevoegd \*\*\+1 dag\*\* · vrijgave <t:\d+:f>/,
    );
    expect(await post(fr.session, dm, 2, 1)).toContain("toegevoegd **+2 dagen**");
    expect(botPosts(h.discord, fr.channelId)).toEqual([]);

    // A later interaction in Spanish moves the next DM posts to Spanish.
    await h.discord.interact
      .chatInput({ userId: fr.userId, name: "language", subcommand: "show", locale: "es-ES" })
      .waitFor("edit");
    expect(await post(fr.session, dm, 1, 2)).toMatch(/^🎲 Dados · añadido \*\*\+1 día\*\*/);
  });
});
