/** Subscriptions into a member's DM with the bot (`/subscribe to:dm`). */
import type { Catalog } from "../../index.js";

export const dm = {
  pausedDmClosed:
    "deine DMs sind für den Bot geschlossen: Erlaube Direktnachrichten von einem gemeinsamen Server und führe dann `/subscribe to:dm` erneut aus (nichts geht verloren)",
  targetSession: "Änderungen von Session {{session}} bekommst du per DM",
  targetActive: "Änderungen deiner jeweils aktiven Session bekommst du per DM",
  channelWithDm:
    "`channel` und `to:dm` passen nicht zusammen: Lass `channel` weg, um die Beiträge per DM zu bekommen, oder nutze `to:channel`.",
  dmNeedsDmTarget:
    "Hier in der DM mit dem Bot gehen Abos in diese DM: Führe `/subscribe to:dm` aus (oder `/subscribe` in einem Serverkanal).",
  dmLabel: "DM",
  withGames: "mit Spielregeländerungen",
  dmEmpty: "Du hast keine DM-Abos. Lege eines mit `/subscribe to:dm` an.",
  dmTitle: "Deine DM-Abos",
  removedDm: "Abo `{{id}}` entfernt: keine DMs mehr davon.",
  subscriptionsLiveInServers:
    "Abos gehören zu Servern: Führe `/subscribe` in einem Serverkanal aus.",
  cannotSeeChannel:
    "Ich kann diesen Kanal nicht sehen. Bitte eine Server-Admin, dem Bot Zugriff darauf zu geben.",
} satisfies Partial<Record<keyof Catalog["dm"], string>>;
