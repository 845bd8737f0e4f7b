/** Subscriptions into a member's DM with the bot (`/subscribe to:dm`). */
import type { Catalog } from "../../index.js";

export const dm = {
  pausedDmClosed:
    "tus MD están cerrados para el bot: permite mensajes directos de un servidor que compartáis y vuelve a ejecutar `/subscribe to:dm` (no se pierde nada)",
  targetSession: "los cambios de la sesión {{session}} te llegarán por MD",
  targetActive: "los cambios de tu sesión activa te llegarán por MD",
  channelWithDm:
    "`channel` y `to:dm` no van juntos: quita `channel` para recibir las publicaciones por MD, o usa `to:channel`.",
  dmNeedsDmTarget:
    "Aquí, en el MD con el bot, las suscripciones publican en este MD: ejecuta `/subscribe to:dm` (o `/subscribe` en un canal de un servidor).",
  dmLabel: "MD",
  withGames: "con cambios de reglas de juego",
  dmEmpty: "No tienes suscripciones por MD. Crea una con `/subscribe to:dm`.",
  dmTitle: "Tus suscripciones por MD",
  removedDm: "Suscripción `{{id}}` eliminada: no más MD de ella.",
  subscriptionsLiveInServers:
    "Las suscripciones viven en servidores: ejecuta `/subscribe` en un canal de un servidor.",
  cannotSeeChannel: "No puedo ver ese canal. Pide a un admin del servidor que dé acceso al bot.",
} satisfies Partial<Record<keyof Catalog["dm"], string>>;
