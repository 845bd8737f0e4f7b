/**
 * The language of a message nobody asked for in an interaction: posts into a
 * server channel and DMs the bot sends on its own.
 */
import { type Locale, resolveLocale } from "./index.js";
import type { LocaleStore } from "../store/locales.js";

/**
 * `guildId` set (a channel post): the language an admin chose with
 * `/language set`, else the server's Discord `preferred_locale`, else English.
 * `guildId` null (a DM to `userId`): the language of that member's last
 * interaction, else English.
 */
export type PostLocale = (guildId: string | null, userId: string) => Promise<Locale>;

export function createPostLocale(deps: {
  locales: LocaleStore;
  /** discord.js `guild.preferredLocale` of a cached guild; undefined when unknown. */
  guildPreferredLocale: (guildId: string) => string | undefined;
}): PostLocale {
  return async (guildId, userId) => {
    if (guildId === null) return (await deps.locales.member(userId)) ?? "en";
    return (await deps.locales.guild(guildId)) ?? resolveLocale(deps.guildPreferredLocale(guildId));
  };
}
