import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotCommand, BotContext } from "../src/botContext.js";
import { UserError } from "../src/discord/errors.js";
import { serverAndBotDm } from "../src/discord/installs.js";
import { canManageGuild } from "../src/discord/permissions.js";
import { type Locale, resolveLocale, t, translator } from "../src/i18n/index.js";
import type { Subscription } from "../src/store/types.js";
import { describeFilters } from "../src/subscriptions/describe.js";
import { visibleSubscriptions } from "../src/subscriptions/visible.js";

const data = {
  name: "unsubscribe",
  description: "Stop a subscription's posts",
  ...serverAndBotDm,
  options: [
    {
      name: "subscription",
      description: "Which one (start typing; /subscriptions lists them)",
      type: ApplicationCommandOptionType.String,
      required: true,
      autocomplete: true,
      max_length: 32,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function label(s: Subscription, ctx: BotContext, userId: string, locale: Locale): string {
  const tr = translator(locale);
  const channel = ctx.client.channels.cache.get(s.channelId);
  const where =
    s.target === "dm"
      ? tr("dm.dmLabel")
      : channel && "name" in channel && channel.name
        ? `#${channel.name}`
        : tr("subscriptions.labelChannel", { id: s.channelId });
  const session =
    s.session === null
      ? tr("common.activeSession")
      : tr("common.sessionNumber", { session: s.session });
  const owner =
    s.userId === userId
      ? ""
      : ` · ${tr("subscriptions.labelMember", { name: ctx.client.users.cache.get(s.userId)?.username ?? s.userId })}`;
  const paused = s.status === "paused" ? ` · ${tr("subscriptions.paused")}` : "";
  return `${s.id} · ${where} · ${session} · ${describeFilters(s.filters, locale)}${owner}${paused}`.slice(
    0,
    100,
  );
}

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const id = interaction.options.getString("subscription", true).trim().split(/\s/)[0] ?? "";
    const subscription = await ctx.store.subscriptions.get(id);
    const manager = canManageGuild(interaction);
    const allowed =
      subscription &&
      (subscription.userId === interaction.user.id ||
        (manager && subscription.guildId === interaction.guildId));
    if (!subscription || !allowed) {
      throw new UserError({ key: "subscriptions.notFound", vars: { id: id.slice(0, 32) } });
    }
    await ctx.store.subscriptions.delete(subscription.id);
    ctx.logger.info(
      {
        userId: interaction.user.id,
        subscriptionId: subscription.id,
        ownerId: subscription.userId,
      },
      "subscription removed",
    );
    const locale = resolveLocale(interaction.locale);
    const vars = {
      id: subscription.id,
      channel: `<#${subscription.channelId}>`,
      member: `<@${subscription.userId}>`,
    };
    await interaction.editReply(
      subscription.target === "dm"
        ? t(locale, "dm.removedDm", vars)
        : subscription.userId === interaction.user.id
          ? t(locale, "subscriptions.removed", vars)
          : t(locale, "subscriptions.removedOthers", vars),
    );
  },
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().trim().toLowerCase();
    const list = await visibleSubscriptions(
      ctx.store.subscriptions,
      interaction.user.id,
      interaction.guildId,
      canManageGuild(interaction),
    );
    const choices = list
      .map((s) => ({
        name: label(s, ctx, interaction.user.id, resolveLocale(interaction.locale)),
        value: s.id,
      }))
      .filter((c) => typed === "" || c.name.toLowerCase().includes(typed))
      .slice(0, 25);
    await interaction.respond(choices);
  },
} satisfies BotCommand;
