/** /privacy sections for what playing from Discord keeps: vote panels and play records. */
import { translator } from "../i18n/index.js";
import { orNone, type PrivacySection, when } from "./sections.js";

type PanelRecord = {
  id: string;
  guildId: string;
  channelId: string;
  session: number;
  status: "open" | "closed";
  createdAt: string;
};

export const votePanels: PrivacySection<PanelRecord[]> = {
  key: "votePanels",
  async collect(userId, { store }) {
    const panels = await store.plays.listPanels((p) => p.ownerId === userId);
    // Field by field: the panel's (encrypted) link token is never part of the export.
    return panels.map((p) => ({
      id: p.id,
      guildId: p.guildId,
      channelId: p.channelId,
      session: p.session,
      status: p.status,
      createdAt: p.createdAt,
    }));
  },
  describe(list, locale) {
    const tr = translator(locale);
    const lines = list.map((p) =>
      tr(p.status === "open" ? "privacy.panelOpen" : "privacy.panelClosed", {
        channel: `<#${p.channelId}>`,
        session: p.session,
        when: when(p.createdAt),
      }),
    );
    return [tr("privacy.panelsHeading"), ...orNone(lines, tr)];
  },
};

type PlayRecord = {
  kind: "play" | "dom" | "vote";
  game: string;
  session: number | null;
  panelId: string | null;
  state: string;
  createdAt: string;
};

export const playRecords: PrivacySection<PlayRecord[]> = {
  key: "plays",
  async collect(userId, { store }) {
    const attempts = await store.plays.attemptsOf(userId);
    return attempts.map((a) => ({
      kind: a.kind,
      game: a.game,
      session: a.session,
      panelId: a.panelId,
      state: a.state,
      createdAt: a.createdAt,
    }));
  },
  describe(list, locale) {
    const tr = translator(locale);
    const line = list.length > 0 ? tr("privacy.plays", { count: list.length }) : tr("privacy.none");
    return [tr("privacy.playsHeading"), line];
  },
};
