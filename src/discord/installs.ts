import { ApplicationIntegrationType, InteractionContextType } from "discord.js";

interface Installs {
  integration_types: ApplicationIntegrationType[];
  contexts: InteractionContextType[];
}

/**
 * Where a command can be installed and used. Discord defaults both when they are absent,
 * so every command states them.
 */

/** /link, /unlink, /histories: a server that invited the bot or a member's own install; any context. */
export const everywhere: Installs = {
  integration_types: [
    ApplicationIntegrationType.GuildInstall,
    ApplicationIntegrationType.UserInstall,
  ],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
};

/**
 * /subscribe, /subscriptions, /unsubscribe: only with the bot installed in a server (posting into a
 * channel needs the bot there, and the poller posts as the bot), in that server or in the DM with
 * the bot. A guild install already makes the bot DM a valid context for its members, so DM
 * subscriptions need no user install; a private channel or a server without the bot is left out
 * because the bot could never post there.
 */
export const serverAndBotDm: Installs = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
};

/** Server settings (/language, /roles, /rolesync): only in a server that invited the bot. */
export const serverOnly: Installs = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
};
