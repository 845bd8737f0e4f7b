import type { APIEmbed, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { BotCommand, BotContext } from "../src/botContext.js";
import type { Card } from "../src/store/cards.js";
import { serverAndBotDm } from "../src/discord/installs.js";
import { canManageGuild } from "../src/discord/permissions.js";
import { type Locale, resolveLocale, t, translator } from "../src/i18n/index.js";
import type { Subscription } from "../src/store/types.js";
import { checkNote, describeFilters, describePause } from "../src/subscriptions/describe.js";
import { visibleSubscriptions } from "../src/subscriptions/visible.js";

const data = {
  name: "subscriptions",
  description: "List your subscriptions in this server (with Manage Server: everyone's)",
  ...serverAndBotDm,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function line(
  s: Subscription,
  userId: string,
  backoff: Date | undefined,
  locale: Locale,
  check: string,
): string {
  const tr = translator(locale);
  const session =
    s.session === null
      ? s.currentSession === null
        ? tr("subscriptions.activeNone")
        : tr("subscriptions.activeCurrent", { session: s.currentSession })
      : tr("common.sessionNumber", { session: s.session });
  const status =
    s.status === "paused"
      ? tr("subscriptions.statusPaused", { reason: describePause(s.pausedReason, locale) })
      : backoff
        ? tr("subscriptions.statusRetrying", {
            when: `<t:${Math.ceil(backoff.getTime() / 1000)}:R>`,
          })
        : tr("subscriptions.statusActive");
  const last = s.lastPostAt
    ? tr("subscriptions.lastPost", { when: `<t:${Math.floor(Date.parse(s.lastPostAt) / 1000)}:R>` })
    : tr("subscriptions.nothingPosted");
  const owner =
    s.userId === userId ? "" : ` · ${tr("subscriptions.byMember", { member: `<@${s.userId}>` })}`;
  const where = s.target === "dm" ? `✉️ ${tr("dm.dmLabel")}` : `<#${s.channelId}>`;
  const games = s.games ? ` · ${tr("dm.withGames")}` : "";
  const announce = s.announceEnd ? ` · ${tr("card.announceLabel")}` : "";
  return `\`${s.id}\` · ${where} · ${session} · ${describeFilters(s.filters, locale)}${games}${announce}${owner}\n  ${status} · ${last}${s.status === "active" ? check : ""}`;
}

/** Cards, seen by the same rule as subscriptions: own ones here (or in the DM), all with Manage Server. */
async function visibleCards(
  ctx: BotContext,
  userId: string,
  guildId: string | null,
  manager: boolean,
): Promise<Card[]> {
  return ctx.store.cards.list((c) =>
    guildId === null
      ? c.userId === userId && c.guildId === null
      : c.guildId === guildId && (c.userId === userId || manager),
  );
}

function cardLine(c: Card, locale: Locale): string {
  const tr = translator(locale);
  const status = tr(c.state.endedAt === null ? "card.statusLive" : "card.statusReleased");
  return tr("card.listLine", { session: c.session, channel: `<#${c.channelId}>`, status });
}

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const manager = canManageGuild(interaction);
    const locale = resolveLocale(interaction.locale);
    const inDm = interaction.guildId === null;
    const list = await visibleSubscriptions(
      ctx.store.subscriptions,
      interaction.user.id,
      interaction.guildId,
      manager,
    );
    const cards = await visibleCards(ctx, interaction.user.id, interaction.guildId, manager);
    if (list.length === 0 && cards.length === 0) {
      await interaction.editReply(
        inDm
          ? t(locale, "dm.dmEmpty")
          : manager
            ? t(locale, "subscriptions.noneInServer")
            : t(locale, "subscriptions.noneYours"),
      );
      return;
    }
    const lines = list.map((s) =>
      line(
        s,
        interaction.user.id,
        ctx.backoffUntil(s),
        locale,
        checkNote(locale, ctx.checkInterval(s)),
      ),
    );
    if (cards.length > 0)
      lines.push(t(locale, "card.listHeading"), ...cards.map((c) => cardLine(c, locale)));
    const embeds: APIEmbed[] = [];
    let current: string[] = [];
    for (const l of lines) {
      if ([...current, l].join("\n").length > 4000) {
        embeds.push({ description: current.join("\n") });
        current = [];
      }
      current.push(l);
    }
    embeds.push({ description: current.join("\n") });
    const first = embeds[0];
    if (first)
      first.title = inDm
        ? t(locale, "dm.dmTitle")
        : manager
          ? t(locale, "subscriptions.titleServer")
          : t(locale, "subscriptions.titleYours");
    const last = embeds[embeds.length - 1];
    if (last)
      last.footer = {
        text: t(locale, "subscriptions.footer", { count: list.length }),
      };
    await interaction.editReply({ embeds: embeds.slice(0, 10), allowedMentions: { parse: [] } });
  },
} satisfies BotCommand;
