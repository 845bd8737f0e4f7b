/** /privacy sections for live status cards (and, with subscriptions, the release announcements). */
import { translator } from "../i18n/index.js";
import type { Card } from "../store/cards.js";
import { orNone, type PrivacySection, when } from "./sections.js";

export const statusCards: PrivacySection<Card[]> = {
  key: "statusCards",
  // The whole record: the nick, the channel and message, and what the card counts.
  collect: (userId, { store }) => store.cards.list((c) => c.userId === userId),
  describe(list, locale) {
    const tr = translator(locale);
    const lines = list.map((c) =>
      tr("card.privacyLine", {
        session: c.session,
        channel: `<#${c.channelId}>`,
        when: when(c.createdAt),
      }),
    );
    return [tr("card.privacyHeading"), ...orNone(lines, tr)];
  },
};

type Announcement = {
  subscriptionId: string;
  channelId: string;
  lastAnnouncedSession: number | null;
};

/** Subscriptions that announce their session's end, and the last session announced. */
export const announcements: PrivacySection<Announcement[]> = {
  key: "announcements",
  async collect(userId, { store }) {
    const subs = await store.subscriptions.listByUser(userId);
    return subs
      .filter((s) => s.announceEnd === true)
      .map((s) => ({
        subscriptionId: s.id,
        channelId: s.channelId,
        lastAnnouncedSession: s.endAnnounced ?? null,
      }));
  },
  describe(list, locale) {
    const tr = translator(locale);
    const lines = list.map((a) =>
      tr("card.privacyAnnounce", {
        id: `\`${a.subscriptionId}\``,
        last:
          a.lastAnnouncedSession === null
            ? tr("card.announceNone")
            : tr("common.sessionNumber", { session: a.lastAnnouncedSession }),
      }),
    );
    return [tr("card.privacyAnnounceHeading"), ...orNone(lines, tr)];
  },
};

type LeaderboardData = {
  servers: { guildId: string; joinedAt: string }[];
  months: { month: string; lockedSeconds: number; addedByOthersSeconds: number }[];
};

/** The servers whose leaderboard the member joined, and the month figures kept for them. */
export const leaderboardEntries: PrivacySection<LeaderboardData> = {
  key: "leaderboard",
  async collect(userId, { store }) {
    const servers = await store.leaderboard.memberships(userId);
    const months = await store.leaderboard.months(userId);
    return {
      servers: servers.map((m) => ({ guildId: m.guildId, joinedAt: m.joinedAt })),
      months: months.map((m) => ({
        month: m.month,
        lockedSeconds: m.lockedSeconds,
        addedByOthersSeconds: m.addedByOthersSeconds,
      })),
    };
  },
  describe(data, locale, source) {
    const tr = translator(locale);
    const lines = data.servers.map((m) =>
      tr("leaderboard.privacyMember", {
        server: source.guildName(m.guildId) ?? m.guildId,
        when: when(m.joinedAt),
      }),
    );
    if (data.months.length > 0)
      lines.push(tr("leaderboard.privacyMonths", { count: data.months.length }));
    return [tr("leaderboard.privacyHeading"), ...orNone(lines, tr)];
  },
};
