/** `/digest set` and `/digest off`: the work behind the command, for the thin handler. */
import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import type { BotContext } from "../botContext.js";
import { requireAccount } from "../discord/accounts.js";
import { UserError } from "../discord/errors.js";
import { type Locale, t } from "../i18n/index.js";
import { resolveTarget } from "../subscriptions/target.js";
import { dueDigest, type Weekday, weekdays } from "./week.js";

/**
 * The bot knows no member's time zone (the tracker does not say, Discord does not tell bots):
 * the hour is UTC and every reply names it.
 */
export const digestZone = "UTC";

/** The picture is an attachment: in a server channel the bot needs Attach Files too. */
async function checkCanAttach(interaction: ChatInputCommandInteraction, channelId: string) {
  if (!interaction.inCachedGuild()) return;
  const channel = interaction.guild.channels.cache.get(channelId);
  const me = interaction.guild.members.me ?? (await interaction.guild.members.fetchMe());
  if (channel && !channel.permissionsFor(me).has(PermissionFlagsBits.AttachFiles))
    throw new UserError({ key: "digest.cannotAttach", vars: { channel: `<#${channelId}>` } });
}

export async function setDigest(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  locale: Locale,
): Promise<string> {
  const userId = interaction.user.id;
  await requireAccount(ctx, userId);
  const day = interaction.options.getString("day", true) as Weekday;
  const hour = interaction.options.getInteger("hour", true);
  if (!weekdays.includes(day) || !Number.isInteger(hour) || hour < 0 || hour > 23)
    throw new UserError({ key: "digest.badTime" });
  // In the DM with the bot the digest goes there; in a server, the /subscribe channel checks apply.
  const target = await resolveTarget(interaction, interaction.guildId === null ? "dm" : "channel");
  await checkCanAttach(interaction, target.channelId);
  const nowMs = ctx.clock.wall();
  const previous = await ctx.store.digest.setting(userId);
  const time = { day, hour, zone: digestZone };
  await ctx.store.digest.putSetting({
    kind: "setting",
    userId,
    guildId: target.kind === "dm" ? null : target.guildId,
    channelId: target.channelId,
    ...time,
    since: new Date(nowMs).toISOString(),
    // Kept across a change of day or hour: a week already posted is not posted again.
    lastWeek: previous?.lastWeek ?? null,
  });
  const where = target.kind === "dm" ? t(locale, "digest.inDm") : `<#${target.channelId}>`;
  const dayName = t(locale, `commands.digest.set.day.${day}`);
  const next = nextSlotStamp(nowMs, time);
  return t(locale, "digest.set", { day: dayName, hour, zone: digestZone, where, next });
}

/** `<t:…:F>` of the first digest's hour (the first slot after now). */
function nextSlotStamp(nowMs: number, time: { day: Weekday; hour: number; zone: string }) {
  // The first slot after now is the latest slot as seen a week from now.
  const slot = dueDigest(nowMs + 7 * 86_400_000, time, nowMs, null);
  return slot === undefined ? "" : `<t:${Math.floor(slot.slotMs / 1000)}:F>`;
}

export async function digestOff(userId: string, ctx: BotContext, locale: Locale): Promise<string> {
  const removed = await ctx.store.digest.removeSetting(userId);
  return t(locale, removed ? "digest.off" : "digest.wasOff");
}
