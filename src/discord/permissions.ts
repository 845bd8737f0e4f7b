import {
  ChannelType,
  type ChatInputCommandInteraction,
  type GuildBasedChannel,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type PermissionsBitField,
} from "discord.js";
import { type Locale, type MessageKey, resolveLocale, t } from "../i18n/index.js";
import { UserError } from "./errors.js";

/** Channels a subscription may post into. */
export const postableChannelTypes = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
] as const;

/** The permissions a subscription needs, named as Discord's settings name them. */
const names = {
  ViewChannel: "subscriptions.permViewChannel",
  SendMessages: "subscriptions.permSendMessages",
  SendMessagesInThreads: "subscriptions.permSendMessagesInThreads",
  EmbedLinks: "subscriptions.permEmbedLinks",
} as const satisfies Partial<Record<keyof typeof PermissionFlagsBits, MessageKey>>;

function missing(
  perms: Readonly<PermissionsBitField> | null,
  needed: (keyof typeof names)[],
  locale: Locale,
): string {
  return needed
    .filter((n) => !perms?.has(PermissionFlagsBits[n]))
    .map((n) => t(locale, names[n]))
    .join(", ");
}

/**
 * Refuses, with the reason, a channel where the member could not post
 * themselves or where the bot cannot post embeds: a subscription must not let
 * a member post where they may not, nor fail silently later.
 */
export async function checkSubscriptionChannel(
  interaction: ChatInputCommandInteraction<"cached"> | ModalSubmitInteraction<"cached">,
  channel: GuildBasedChannel,
): Promise<void> {
  const where = `<#${channel.id}>`;
  if (!(postableChannelTypes as readonly ChannelType[]).includes(channel.type)) {
    throw new UserError({ key: "subscriptions.notPostable", vars: { channel: where } });
  }
  // The router answers in the member's language: the permission names are in it too.
  const locale = resolveLocale(interaction.locale);
  const send = channel.isThread() ? "SendMessagesInThreads" : "SendMessages";
  const member = channel.permissionsFor(interaction.member);
  const memberMissing = missing(member, ["ViewChannel", send], locale);
  if (memberMissing) {
    throw new UserError({
      key: "subscriptions.memberCannotPost",
      vars: { channel: where, missing: memberMissing },
    });
  }
  const me = interaction.guild.members.me ?? (await interaction.guild.members.fetchMe());
  const botMissing = missing(
    channel.permissionsFor(me),
    ["ViewChannel", send, "EmbedLinks"],
    locale,
  );
  if (botMissing) {
    throw new UserError({
      key: "subscriptions.botCannotPost",
      vars: { channel: where, missing: botMissing },
    });
  }
}

export function canManageGuild(interaction: {
  memberPermissions: Readonly<PermissionsBitField> | null;
}): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}
