/** /privacy sections for records that point at the member indirectly, and the full list. */
import { type Locale, translator } from "../i18n/index.js";
import {
  account,
  anySection,
  language,
  orNone,
  type PrivacySection,
  type PrivacySource,
  roleSync,
  server,
  subscriptions,
  when,
} from "./sections.js";
import { announcements, leaderboardEntries, statusCards } from "./cardSections.js";
import { weeklyDigest } from "./digestSection.js";
import { playRecords, votePanels } from "./playSections.js";

const pendingPosts: PrivacySection<
  { subscriptionIds: string[]; channelId: string; messagesWaiting: number; createdAt: string }[]
> = {
  key: "pendingPosts",
  async collect(userId, { store }) {
    const mine = new Set((await store.subscriptions.listByUser(userId)).map((s) => s.id));
    const entries = await store.outbox.list();
    return entries
      .map((e) => ({
        subscriptionIds: e.advances.map((a) => a.subscriptionId).filter((id) => mine.has(id)),
        channelId: e.channelId,
        messagesWaiting: e.messages.length - e.sent,
        createdAt: e.createdAt,
      }))
      .filter((e) => e.subscriptionIds.length > 0);
  },
  describe(list, locale) {
    const tr = translator(locale);
    const lines = list.map((p) =>
      tr("privacy.pending", {
        count: p.messagesWaiting,
        channel: `<#${p.channelId}>`,
        ids: p.subscriptionIds.join(", "),
      }),
    );
    return [tr("privacy.pendingHeading"), ...orNone(lines, tr)];
  },
};

const pagingRecords: PrivacySection<{ key: string; session: unknown }[]> = {
  key: "pagingRecords",
  async collect(userId, { store }) {
    const owned = await store.uiState.listByUser(userId);
    return owned.map(({ key, value }) => ({
      key,
      session: (value as { session?: unknown }).session ?? null,
    }));
  },
  describe(list, locale) {
    const tr = translator(locale);
    const line =
      list.length > 0 ? tr("privacy.paging", { count: list.length }) : tr("privacy.none");
    return [tr("privacy.pagingHeading"), line];
  },
};

type Setting = { guildId: string; setting: "roles" | "language"; value: string; setAt: string };

/** The one exception to "nothing after /unlink": server settings keep which admin made them. */
const serverSettings: PrivacySection<Setting[]> = {
  key: "serverSettings",
  async collect(userId, { store }) {
    const roles = (await store.roles.listConfigs()).filter((c) => c.setBy === userId);
    const languages = await store.locales.guildsSetBy(userId);
    return [
      ...roles.map(
        (c): Setting => ({
          guildId: c.guildId,
          setting: "roles",
          value: [c.locked, c.unlocked, c.linked].filter((r) => r !== null).join(","),
          setAt: c.setAt,
        }),
      ),
      ...languages.map(
        (l): Setting => ({
          guildId: l.guildId,
          setting: "language",
          value: l.locale,
          setAt: l.setAt,
        }),
      ),
    ];
  },
  describe(list, locale: Locale, source) {
    const tr = translator(locale);
    if (list.length === 0) return [tr("privacy.settingsHeading"), tr("privacy.none")];
    const lines = list.map((s) =>
      tr(s.setting === "roles" ? "privacy.settingRoles" : "privacy.settingLanguage", {
        server: server(source, s.guildId),
        when: when(s.setAt),
      }),
    );
    return [tr("privacy.settingsHeading"), ...lines, tr("privacy.settingsKept")];
  },
};

/**
 * What `/unlink` leaves (the agreed exception: server settings that name the admin who made
 * them), in the words `/privacy` uses for it; empty when nothing of the member stays.
 */
export async function keptAfterUnlink(
  userId: string,
  source: PrivacySource,
  locale: Locale,
): Promise<string[]> {
  const settings = await serverSettings.collect(userId, source);
  return settings.length === 0 ? [] : serverSettings.describe(settings, locale, source);
}

/**
 * Every section, in the order shown. A store that keeps member data appends its section here.
 */
export const privacySections: readonly PrivacySection<unknown>[] = [
  anySection(account),
  anySection(language),
  anySection(subscriptions),
  anySection(roleSync),
  anySection(pendingPosts),
  anySection(pagingRecords),
  anySection(votePanels),
  anySection(playRecords),
  anySection(statusCards),
  anySection(announcements),
  anySection(leaderboardEntries),
  anySection(weeklyDigest),
  anySection(serverSettings),
];
