import type { ChatInputCommandInteraction } from "discord.js";
import { UserError } from "../discord/errors.js";
import { checkSubscriptionChannel } from "../discord/permissions.js";
import { type Locale, t } from "../i18n/index.js";
import type { SubscriptionTarget } from "../store/types.js";
import { describeSubscriptionTarget } from "./describe.js";

export interface ResolvedTarget {
  kind: SubscriptionTarget;
  /** The channel posted into: a server channel, or the member's DM channel with the bot. */
  channelId: string;
  /** The server the command ran in; null in the DM with the bot. */
  guildId: string | null;
}

/**
 * Where `/subscribe` posts. `to:dm` opens (or finds) the member's DM channel with the bot
 * through `POST /users/@me/channels`; whether DMs are open only shows when posting, and a
 * refusal then pauses the subscription. `to:channel` needs a server channel the bot can use.
 */
export async function resolveTarget(
  interaction: ChatInputCommandInteraction,
  to: SubscriptionTarget,
): Promise<ResolvedTarget> {
  const chosen = interaction.options.getChannel("channel");
  if (to === "dm") {
    if (chosen) throw new UserError({ key: "dm.channelWithDm" });
    const dm = await interaction.user.createDM();
    return { kind: "dm", channelId: dm.id, guildId: interaction.guildId ?? null };
  }
  if (!interaction.inCachedGuild()) {
    if (interaction.guildId === null) throw new UserError({ key: "dm.dmNeedsDmTarget" });
    throw new UserError({ key: "dm.subscriptionsLiveInServers" });
  }
  const channelId = chosen?.id ?? interaction.channelId;
  const channel =
    interaction.guild.channels.cache.get(channelId) ??
    (await interaction.guild.channels.fetch(channelId).catch(() => null));
  if (!channel) throw new UserError({ key: "dm.cannotSeeChannel" });
  await checkSubscriptionChannel(interaction, channel);
  return { kind: "channel", channelId: channel.id, guildId: interaction.guildId };
}

/** "changes of session 12 will be posted in #x" / "... will be sent to you in a DM". */
export function describeTarget(
  target: Pick<ResolvedTarget, "kind" | "channelId">,
  session: number | null,
  locale: Locale,
): string {
  if (target.kind === "channel")
    return describeSubscriptionTarget(session, target.channelId, locale);
  return session === null
    ? t(locale, "dm.targetActive")
    : t(locale, "dm.targetSession", { session });
}
