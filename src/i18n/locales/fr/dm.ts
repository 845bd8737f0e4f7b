/** Subscriptions into a member's DM with the bot (`/subscribe to:dm`). */
import type { Catalog } from "../../index.js";

export const dm = {
  pausedDmClosed:
    "tes MP sont fermés au bot : autorise les messages privés d’un serveur que vous partagez, puis relance `/subscribe to:dm` (rien n’est perdu)",
  targetSession: "les changements de la session {{session}} te seront envoyés en MP",
  targetActive: "les changements de ta session active te seront envoyés en MP",
  channelWithDm:
    "`channel` et `to:dm` ne vont pas ensemble : retire `channel` pour recevoir les messages en MP, ou utilise `to:channel`.",
  dmNeedsDmTarget:
    "Ici, dans les MP avec le bot, les abonnements publient dans ces MP : lance `/subscribe to:dm` (ou `/subscribe` dans un salon de serveur).",
  dmLabel: "MP",
  withGames: "avec les changements de règles de jeu",
  dmEmpty: "Tu n’as aucun abonnement en MP. Crées-en un avec `/subscribe to:dm`.",
  dmTitle: "Tes abonnements en MP",
  removedDm: "Abonnement `{{id}}` supprimé : plus de MP de sa part.",
  subscriptionsLiveInServers:
    "Les abonnements vivent dans les serveurs : lance `/subscribe` dans un salon d'un serveur.",
  cannotSeeChannel:
    "Je ne vois pas ce salon. Demande à un admin du serveur de donner accès au bot.",
} satisfies Partial<Record<keyof Catalog["dm"], string>>;
