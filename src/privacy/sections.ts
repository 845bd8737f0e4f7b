/**
 * What /privacy reports, one section per kind of record the bot holds about a member. Each
 * section reads its own records (a JSON-able value for the export) and says them in plain words.
 * A new store that holds member data adds a section here (vote panels, for example), so the
 * report can never silently leave it out; test/e2e/privacy.test.ts lists what it expects.
 */
import type { BotContext } from "../botContext.js";
import { inert } from "../format/untrusted.js";
import { type Locale, type Translate, translator } from "../i18n/index.js";
import type { Store } from "../store/types.js";
import { describeFilters, describePause } from "../subscriptions/describe.js";

/** What a section may read; extended when a section needs more than the store. */
export interface PrivacySource {
  store: Store;
  /** A server's name for the text, when the bot knows it; the id otherwise. */
  guildName(guildId: string): string | undefined;
}

/** The bot's store, and server names as the bot sees them (inert: they are text people typed). */
export function privacySourceOf(ctx: Pick<BotContext, "store" | "client">): PrivacySource {
  return {
    store: ctx.store,
    guildName: (id) => {
      const name = ctx.client.guilds.cache.get(id)?.name;
      return name === undefined ? undefined : inert(name, 100);
    },
  };
}

export interface PrivacySection<T> {
  /** Its key in the JSON export. */
  key: string;
  /** The section's records; an empty list or null when there are none. */
  collect(userId: string, source: PrivacySource): Promise<T>;
  /** The records in plain words: a heading first, then one line per record. */
  describe(data: T, locale: Locale, source: PrivacySource): string[];
}

/** For the list of sections: each section's `describe` only ever gets its own `collect`'s data. */
export function anySection<T>(section: PrivacySection<T>): PrivacySection<unknown> {
  return section as unknown as PrivacySection<unknown>;
}

/** Discord renders `<t:…>` in each reader's own time zone and language. */
export const when = (iso: string) => `<t:${Math.floor(Date.parse(iso) / 1000)}:f>`;
const server = (source: PrivacySource, guildId: string) => source.guildName(guildId) ?? guildId;

const account: PrivacySection<{
  nick: string;
  linkedAt: string;
  encryptionKeyId: string;
} | null> = {
  key: "account",
  async collect(userId, { store }) {
    const summary = await store.accounts.summary(userId);
    if (!summary) return null;
    return { nick: summary.nick, linkedAt: summary.linkedAt, encryptionKeyId: summary.keyId };
  },
  describe(data, locale) {
    const tr = translator(locale);
    const line = data
      ? tr("privacy.account", {
          nick: data.nick,
          when: when(data.linkedAt),
          keyId: data.encryptionKeyId,
        })
      : tr("privacy.accountNone");
    return [tr("privacy.accountHeading"), line];
  },
};

const language: PrivacySection<{ dmLanguage: Locale } | null> = {
  key: "language",
  async collect(userId, { store }) {
    const locale = await store.locales.member(userId);
    return locale ? { dmLanguage: locale } : null;
  },
  describe(data, locale) {
    const tr = translator(locale);
    const line = data
      ? tr("privacy.language", { language: tr(`language.name_${data.dmLanguage}`) })
      : tr("privacy.languageNone");
    return [tr("privacy.languageHeading"), line];
  },
};

const subscriptions: PrivacySection<Awaited<ReturnType<Store["subscriptions"]["listByUser"]>>> = {
  key: "subscriptions",
  collect: (userId, { store }) => store.subscriptions.listByUser(userId),
  describe(list, locale, source) {
    const tr = translator(locale);
    const lines = list.map((s) => {
      const where =
        s.target === "dm"
          ? tr("privacy.whereDm")
          : tr("privacy.whereChannel", {
              channel: `<#${s.channelId}>`,
              server: s.guildId ? server(source, s.guildId) : "-",
            });
      const session =
        s.session === null
          ? tr("privacy.sessionActive")
          : tr("common.sessionNumber", { session: s.session });
      const status =
        s.status === "paused"
          ? tr("subscriptions.statusPaused", { reason: describePause(s.pausedReason, locale) })
          : tr("subscriptions.statusActive");
      const filters = describeFilters(s.filters, locale);
      const games = s.games ? ` · ${tr("dm.withGames")}` : "";
      return `- \`${s.id}\` · ${where} · ${session} · ${filters}${games} · ${status}`;
    });
    return [tr("privacy.subscriptionsHeading", { count: list.length }), ...orNone(lines, tr)];
  },
};

const roleSync: PrivacySection<
  { guildId: string; consentedAt: string; shown: string | null; rolesGiven: string[] }[]
> = {
  key: "roleSync",
  async collect(userId, { store }) {
    const members = await store.roles.listMembersByUser(userId);
    return members.map((m) => ({
      guildId: m.guildId,
      consentedAt: m.consentedAt,
      shown: m.shown,
      rolesGiven: m.given,
    }));
  },
  describe(list, locale, source) {
    const tr = translator(locale);
    const lines = list.map((m) =>
      tr("privacy.roleConsent", {
        server: server(source, m.guildId),
        when: when(m.consentedAt),
        count: m.rolesGiven.length,
      }),
    );
    return [tr("privacy.roleSyncHeading"), ...orNone(lines, tr)];
  },
};

function orNone(lines: string[], tr: Translate): string[] {
  return lines.length > 0 ? lines : [tr("privacy.none")];
}

export { account, language, orNone, roleSync, server, subscriptions };
