/**
 * Which language to write in when nobody's interaction says so: a server's
 * chosen language for its posts (`/language set`) and each member's language
 * from their last interaction while they are linked (for DMs; the router records it only for
 * linked members, /unlink forgets it). One keyv namespace, `locales`;
 * records zod-checked on the way out, a bad one reads as "not set".
 */
import type { Keyv } from "keyv";
import { z } from "zod";
import { systemClock } from "../util/clock.js";
import { type Locale, locales } from "../i18n/index.js";
import type { Logger } from "../log.js";
import type { ListedEntry } from "./backend.js";

export interface LocaleStore {
  /** The language an admin chose for the server's posts; undefined: follow Discord's preferred locale. */
  guild(guildId: string): Promise<Locale | undefined>;
  /** null removes the choice. */
  setGuild(guildId: string, locale: Locale | null, setBy: string): Promise<void>;
  /** The language of the member's last interaction, if one was seen. */
  member(userId: string): Promise<Locale | undefined>;
  /** Called on every interaction: writes only when the language changed. */
  recordMember(userId: string, locale: Locale): Promise<void>;
  forgetMember(userId: string): Promise<boolean>;
  /** The servers whose post language this member chose (/privacy shows them to that admin). */
  guildsSetBy(userId: string): Promise<GuildLocaleChoice[]>;
}

export interface GuildLocaleChoice {
  guildId: string;
  locale: Locale;
  /** ISO 8601. */
  setAt: string;
}

const guildRecord = z.object({ locale: z.enum(locales), setBy: z.string(), setAt: z.string() });
const memberRecord = z.object({ locale: z.enum(locales), seenAt: z.string() });

const guildKey = (id: string) => `guild:${id}`;
const memberKey = (id: string) => `member:${id}`;

export function createLocaleStore(deps: {
  keyv: Keyv;
  /** Every record of the namespace (Backend.list); without it guildsSetBy finds none. */
  list?: () => Promise<ListedEntry[]>;
  logger?: Logger;
  /** The wall clock's date, for setAt and seenAt. */
  wall?: () => Date;
}): LocaleStore {
  const { keyv, logger } = deps;
  const wall = deps.wall ?? (() => new Date(systemClock.wall()));
  // Every interaction records its locale: remember what is stored so most calls cost nothing.
  const members = new Map<string, Locale | undefined>();

  async function read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const value = await keyv.get<unknown>(key);
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      logger?.warn({ namespace: "locales", key }, "ignoring invalid locale record");
      return undefined;
    }
    return parsed.data;
  }

  return {
    async guild(guildId) {
      return (await read(guildKey(guildId), guildRecord))?.locale;
    },
    async setGuild(guildId, locale, setBy) {
      if (locale === null) await keyv.delete(guildKey(guildId));
      else await keyv.set(guildKey(guildId), { locale, setBy, setAt: wall().toISOString() });
    },
    async member(userId) {
      if (members.has(userId)) return members.get(userId);
      const locale = (await read(memberKey(userId), memberRecord))?.locale;
      members.set(userId, locale);
      return locale;
    },
    async recordMember(userId, locale) {
      if ((await this.member(userId)) === locale) return;
      members.set(userId, locale);
      await keyv.set(memberKey(userId), { locale, seenAt: wall().toISOString() });
    },
    async forgetMember(userId) {
      members.delete(userId);
      return keyv.delete(memberKey(userId));
    },
    async guildsSetBy(userId) {
      const choices: GuildLocaleChoice[] = [];
      for (const entry of (await deps.list?.()) ?? []) {
        if (!entry.key.startsWith("guild:") || !("value" in entry)) continue;
        const parsed = guildRecord.safeParse(entry.value);
        if (!parsed.success || parsed.data.setBy !== userId) continue;
        const { locale, setAt } = parsed.data;
        choices.push({ guildId: entry.key.slice("guild:".length), locale, setAt });
      }
      return choices;
    },
  };
}
