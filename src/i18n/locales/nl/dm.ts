/** Subscriptions into a member's DM with the bot (`/subscribe to:dm`). */
import type { Catalog } from "../../index.js";

export const dm = {
  pausedDmClosed:
    "je DM's zijn gesloten voor de bot: sta directe berichten toe vanaf een gedeelde server en voer daarna `/subscribe to:dm` opnieuw uit (er gaat niets verloren)",
  targetSession: "wijzigingen van sessie {{session}} krijg je via een DM",
  targetActive: "wijzigingen van je actieve sessie krijg je via een DM",
  channelWithDm:
    "`channel` en `to:dm` gaan niet samen: laat `channel` weg om de berichten via DM te krijgen, of gebruik `to:channel`.",
  dmNeedsDmTarget:
    "Hier in de DM met de bot posten abonnementen in deze DM: voer `/subscribe to:dm` uit (of `/subscribe` in een serverkanaal).",
  dmLabel: "DM",
  withGames: "met wijzigingen van spelregels",
  dmEmpty: "Je hebt geen DM-abonnementen. Maak er een met `/subscribe to:dm`.",
  dmTitle: "Je DM-abonnementen",
  removedDm: "Abonnement `{{id}}` verwijderd: geen DM's meer van dit abonnement.",
  subscriptionsLiveInServers:
    "Abonnementen horen bij servers: voer `/subscribe` uit in een serverkanaal.",
  cannotSeeChannel:
    "Ik kan dat kanaal niet zien. Vraag een serverbeheerder om de bot er toegang toe te geven.",
} satisfies Partial<Record<keyof Catalog["dm"], string>>;
