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
