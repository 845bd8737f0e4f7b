import {
  ChannelType,
  type ChatInputCommandInteraction,
  type GuildBasedChannel,
  PermissionFlagsBits,
  type PermissionsBitField,
} from "discord.js";
import { UserError } from "./errors.js";

/** Channels a subscription may post into. */
export const postableChannelTypes = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
] as const;

const names: Record<string, string> = {
  ViewChannel: "View Channel",
  SendMessages: "Send Messages",
  SendMessagesInThreads: "Send Messages in Threads",
  EmbedLinks: "Embed Links",
};

function missing(
  perms: Readonly<PermissionsBitField> | null,
  needed: (keyof typeof PermissionFlagsBits)[],
) {
  if (!perms) return needed.map((n) => names[n] ?? n);
  return needed.filter((n) => !perms.has(PermissionFlagsBits[n])).map((n) => names[n] ?? n);
}

/**
 * Refuses, with the reason, a channel where the member could not post
 * themselves or where the bot cannot post embeds: a subscription must not let
 * a member post where they may not, nor fail silently later.
 */
export async function checkSubscriptionChannel(
  interaction: ChatInputCommandInteraction<"cached">,
  channel: GuildBasedChannel,
): Promise<void> {
  if (!(postableChannelTypes as readonly ChannelType[]).includes(channel.type)) {
    throw new UserError(
      `<#${channel.id}> is not a text channel, announcement channel or thread, so nothing can be posted there.`,
    );
  }
  const send = channel.isThread() ? "SendMessagesInThreads" : "SendMessages";
  const memberMissing = missing(channel.permissionsFor(interaction.member), ["ViewChannel", send]);
  if (memberMissing.length > 0) {
    throw new UserError(
      `You cannot post in <#${channel.id}> yourself (missing: ${memberMissing.join(", ")}), so you cannot subscribe it.`,
    );
  }
  const me = interaction.guild.members.me ?? (await interaction.guild.members.fetchMe());
  const botMissing = missing(channel.permissionsFor(me), ["ViewChannel", send, "EmbedLinks"]);
  if (botMissing.length > 0) {
    throw new UserError(
      `The bot cannot post in <#${channel.id}>: it is missing ${botMissing.join(", ")}. Ask a server admin to grant these to the bot's role in that channel.`,
    );
  }
}

export function canManageGuild(interaction: {
  memberPermissions: Readonly<PermissionsBitField> | null;
}): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}
