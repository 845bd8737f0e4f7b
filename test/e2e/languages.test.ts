import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/i18n/index.js";
import { type Harness, memberBasics, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const token = "tok_lang_0a1b2c3d4e5f60718293a4b5c6d7e8f9";

function link(userId: string, locale: string, value = token) {
  return h.discord.interact.modalSubmit({
    userId,
    guildId: h.guildId,
    channelId: h.channelId,
    customId: "link:modal",
    fields: { token: value },
    locale,
  });
}

/** `/link` opens the token form (the modal is the first answer, so only an ack comes back). */
async function openLink(userId: string, locale: string) {
  const open = h.discord.interact.chatInput({
    userId,
    guildId: h.guildId,
    channelId: h.channelId,
    name: "link",
    locale,
  });
  await open.waitFor("ack");
  return open;
}

describe("languages, end to end", () => {
  it("registers every command with its texts in every language", () => {
    const registered = h.discord.commands.global;
    const histories = registered.find((c) => c.name === "histories");
    expect(histories?.description_localizations).toMatchObject({
      de: "Zeigt den Verlauf einer deiner Chastity-Tracker-Sessions",
      fr: "Affiche l'historique d'une de tes sessions Chastity Tracker",
      "es-ES": "Muestra el historial de una de tus sesiones de Chastity Tracker",
      "es-419": "Muestra el historial de una de tus sesiones de Chastity Tracker",
      nl: "Toont de geschiedenis van een van je Chastity Tracker-sessies",
    });
    const type = histories?.options?.find((o) => o.name === "type");
    expect(type?.description_localizations?.de).toBe("Nur diese Art von Änderung");
    const choice = type && "choices" in type ? type.choices?.[0] : undefined;
    expect(choice?.name_localizations?.fr).toBe("début de session");
    for (const command of registered) {
      expect(Object.keys(command.description_localizations ?? {}).sort()).toEqual([
        "de",
        "es-419",
        "es-ES",
        "fr",
        "nl",
      ]);
      for (const text of Object.values(command.description_localizations ?? {}))
        expect((text ?? "").length).toBeLessThanOrEqual(100);
    }
  });

  it("answers a German member in German: the /link modal and its errors", async () => {
    const userId = h.member("greta");
    const open = await openLink(userId, "de");
    const modal = JSON.stringify(open.modal());
    expect(modal).toContain("Chastity Tracker verknüpfen");
    expect(modal).toContain("Dein API-Token");

    const short = await link(userId, "de", "abc def ghi").waitFor("edit");
    expect(short.original?.content).toContain("Ein API-Token enthält keine Leerzeichen.");
    const refused = await link(userId, "de", "tok_unknown_to_the_tracker_42").waitFor("edit");
    expect(refused.original?.content).toMatch(
      /^Chastity Tracker hat diesen Token nicht akzeptiert/,
    );

    h.tracker.addToken(token, { nick: "greta" });
    const linked = await link(userId, "de").waitFor("edit");
    expect(linked.original?.content).toContain("Verknüpft als **greta**.");
    // Remembered for the DMs the bot sends on its own.
    expect(await h.bot.store.locales.member(userId)).toBe("de");
    // /unlink leaves nothing of the member behind, their language included.
    await h.discord.interact
      .chatInput({
        userId,
        guildId: h.guildId,
        channelId: h.channelId,
        name: "unlink",
        locale: "de",
      })
      .waitFor("edit");
    expect(await h.bot.store.locales.member(userId)).toBeUndefined();
  });

  it("answers the router's own errors in the member's language", async () => {
    const userId = h.member("hugo");
    const handle = await h.discord.interact
      .chatInput({
        userId,
        guildId: h.guildId,
        channelId: h.channelId,
        name: "histories",
        options: { session: 5 },
        locale: "fr",
      })
      .waitFor("edit");
    expect(handle.original?.content).toBe(t("fr", "errors.notLinked"));
    expect(handle.original?.content).toMatch(/^Tu n'as pas encore lié ton compte/);
  });

  it("falls back to English for a language it does not have", async () => {
    const userId = h.member("kim");
    const open = await openLink(userId, "ko");
    expect(JSON.stringify(open.modal())).toContain("Link Chastity Tracker");
    const refused = await link(userId, "ko", "tok_unknown_to_the_tracker_43").waitFor("edit");
    expect(refused.original?.content).toMatch(/^Chastity Tracker did not accept that token/);
    // Not linked: nothing is kept about the member, not even their language (issue 19).
    expect(await h.bot.store.locales.member(userId)).toBeUndefined();
  });

  it("answers /subscribe, /subscriptions, /unsubscribe and their errors in German", async () => {
    const userId = h.member("dora");
    const doraToken = "tok_lang_de_5a4b3c2d1e0f9a8b7c6d5e4f";
    h.tracker.addToken(doraToken, { nick: "dora" });
    const session = h.tracker.addSession(doraToken, { active: true });
    await link(userId, "de", doraToken).waitFor("edit");
    const run = (name: string, options: Record<string, string | number> = {}) =>
      h.discord.interact
        .chatInput({
          userId,
          guildId: h.guildId,
          channelId: h.channelId,
          name,
          options,
          locale: "de",
        })
        .waitFor("edit");

    // A refusal with Discord's permission names in German.
    const readOnly = h.discord.addChannel(h.guildId, {
      name: "nur-lesen",
      permissionOverwrites: [
        { id: h.guildId, type: "role", deny: PermissionFlagsBits.SendMessages },
      ],
    });
    const refused = await run("subscribe", { session, channel: readOnly });
    expect(refused.original?.content).toBe(
      `Du kannst in <#${readOnly}> selbst nicht posten (es fehlt: Nachrichten senden), also kannst du ihn nicht abonnieren.`,
    );

    const subscribed = await run("subscribe", { session });
    const [sub] = await h.bot.store.subscriptions.listByUser(userId);
    expect(subscribed.original?.content).toBe(
      [
        `Abonniert (\`${sub?.id}\`): Änderungen von Session ${session} werden in <#${h.channelId}> gepostet. Nur Änderungen ab jetzt werden gepostet.`,
        t("de", "subscriptions.howToStop"),
      ].join("\n"),
    );

    const list = await run("subscriptions");
    const [embed] = list.original?.embeds ?? [];
    expect(embed?.title).toBe("Deine Abos");
    expect(embed?.description).toContain(`Session ${session} · alles`);
    expect(embed?.description).toContain("✅ aktiv · noch nichts gepostet");
    expect(embed?.footer?.text).toBe("1 Abo · entfernen mit /unsubscribe");

    const labels = h.discord.interact.autocomplete({
      userId,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "unsubscribe",
      options: { subscription: "" },
      focused: "subscription",
      locale: "de",
    });
    await labels.waitFor("ack");
    expect(labels.choices()?.map((c) => c.name)).toEqual([
      expect.stringMatching(new RegExp(`^${sub?.id} · #\\S+ · Session ${session} · alles$`)),
    ]);

    const unknown = await run("unsubscribe", { subscription: "nope" });
    expect(unknown.original?.content).toMatch(/^Kein Abo `nope` von dir hier\./);
    const removed = await run("unsubscribe", { subscription: sub?.id ?? "" });
    expect(removed.original?.content).toBe(
      `Abo \`${sub?.id}\` entfernt: keine Posts mehr davon in <#${h.channelId}>.`,
    );
  });

  it("answers /subscriptions and /unsubscribe in English for a language it does not have", async () => {
    const userId = h.member("kwon");
    const run = (name: string, options: Record<string, string> = {}) =>
      h.discord.interact
        .chatInput({
          userId,
          guildId: h.guildId,
          channelId: h.channelId,
          name,
          options,
          locale: "ko",
        })
        .waitFor("edit");
    const list = await run("subscriptions");
    expect(list.original?.content).toBe(
      "You have no subscriptions in this server. Create one with `/subscribe`.",
    );
    const unknown = await run("unsubscribe", { subscription: "nope" });
    expect(unknown.original?.content).toBe(
      "No subscription `nope` of yours here. Pick one from the list while typing, or see `/subscriptions`.",
    );
  });

  it("/language: shows the server's Discord language, and an admin's choice overrides it", async () => {
    const guildId = h.discord.addGuild({
      name: "Serveur",
      everyonePermissions: memberBasics,
      preferredLocale: "fr",
    });
    const channelId = h.discord.addChannel(guildId, { name: "journal" });
    const member = h.discord.addMember(guildId, { username: "claire" });
    await h.discord.waitFor(() => h.bot.client.guilds.cache.has(guildId), 5000, "the new guild");
    const run = (
      options: { subcommand: "set" | "show"; locale?: string },
      as: { admin: boolean; locale: string },
    ) =>
      h.discord.interact
        .chatInput({
          userId: member,
          guildId,
          channelId,
          name: "language",
          subcommand: options.subcommand,
          ...(options.locale && { options: { locale: options.locale } }),
          locale: as.locale,
          ...(as.admin && {
            memberPermissions: memberBasics | PermissionFlagsBits.ManageGuild,
          }),
        })
        .waitFor("edit");

    const before = await run({ subcommand: "show" }, { admin: false, locale: "en-US" });
    expect(before.original?.content).toBe(
      t("en", "language.showDefault", { language: "French (Français)" }),
    );

    const refused = await run({ subcommand: "set", locale: "de" }, { admin: false, locale: "de" });
    expect(refused.original?.content).toBe(t("de", "errors.needsManageServer"));
    expect(await h.bot.store.locales.guild(guildId)).toBeUndefined();

    const set = await run({ subcommand: "set", locale: "de" }, { admin: true, locale: "fr" });
    expect(set.original?.content).toMatch(
      /^Les publications sur ce serveur sont désormais en allemand/,
    );
    expect(await h.bot.store.locales.guild(guildId)).toBe("de");

    const after = await run({ subcommand: "show" }, { admin: false, locale: "nl" });
    expect(after.original?.content).toBe(
      t("nl", "language.showOverride", { language: "het Duits (Deutsch)" }),
    );

    const reset = await run(
      { subcommand: "set", locale: "auto" },
      { admin: true, locale: "en-US" },
    );
    expect(reset.original?.content).toContain("(now: French (Français))");
    expect(await h.bot.store.locales.guild(guildId)).toBeUndefined();
  });
});
