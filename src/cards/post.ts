/** `/card post` and `/card remove`: the work behind the command, for the thin handler. */
import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../botContext.js";
import { requireAccount } from "../discord/accounts.js";
import { UserError } from "../discord/errors.js";
import { type Locale, t } from "../i18n/index.js";
import type { Card } from "../store/cards.js";
import type { Subscription } from "../store/types.js";
import { resolveSession } from "../subscriptions/start.js";
import { resolveTarget } from "../subscriptions/target.js";
import type { HistoryItem } from "../tracker/types.js";
import { initialCardState } from "./state.js";

export const messageLink = (card: Pick<Card, "guildId" | "channelId" | "messageId">) =>
  `https://discord.com/channels/${card.guildId ?? "@me"}/${card.channelId}/${card.messageId}`;

/** A subscription of the member that reads `session` now: the card rides on its reads. */
export function readsSession(sub: Subscription, session: number): boolean {
  if (sub.status !== "active") return false;
  return sub.session === session || (sub.session === null && sub.currentSession === session);
}

/** Posts a card; returns the reply text. */
export async function postCard(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  locale: Locale,
): Promise<string> {
  const live = ctx.liveCards;
  const userId = interaction.user.id;
  const account = await requireAccount(ctx, userId);
  const session = await resolveSession(
    ctx.tracker,
    account.token,
    interaction.options.getInteger("session"),
  );
  if (session === null) throw new UserError({ key: "card.noActiveSession" });
  // In the DM with the bot the card goes there; in a server, the /subscribe channel checks apply.
  const target = await resolveTarget(interaction, interaction.guildId === null ? "dm" : "channel");
  const channel = `<#${target.channelId}>`;
  const existing = await ctx.store.cards.list(
    (c) => c.session === session && c.channelId === target.channelId,
  );
  if (existing[0])
    return t(locale, "card.alreadyPosted", { session, channel, link: messageLink(existing[0]) });
  const subs = await ctx.store.subscriptions.listByUser(userId);
  if (!subs.some((s) => readsSession(s, session)))
    throw new UserError({ key: "card.needsSubscription", vars: { session } });
  // The whole session once, now: from here on the subscriptions' reads carry the card.
  const details = await ctx.tracker.session(account.token, session);
  const history: HistoryItem[] = [];
  for await (const item of ctx.tracker.iterateHistories(account.token, { session, limit: 200 }))
    history.push(item);
  const card = await live.post({
    userId,
    nick: account.nick,
    guildId: target.kind === "dm" ? null : target.guildId,
    channelId: target.channelId,
    session,
    state: initialCardState(details, history, ctx.wall().getTime()),
  });
  return t(locale, "card.posted", { link: messageLink(card) });
}

/** Removes the member's cards in the channel (of one session, or all); returns the reply text. */
export async function removeCards(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  locale: Locale,
): Promise<string> {
  const channelId = interaction.options.getChannel("channel")?.id ?? interaction.channelId;
  const session = interaction.options.getInteger("session");
  const mine = await ctx.store.cards.list(
    (c) =>
      c.userId === interaction.user.id &&
      c.channelId === channelId &&
      (session === null || c.session === session),
  );
  const channel = `<#${channelId}>`;
  if (mine.length === 0) return t(locale, "card.noneToRemove", { channel });
  for (const card of mine) await ctx.liveCards.remove(card);
  return mine.map((c) => t(locale, "card.removed", { session: c.session, channel })).join("\n");
}
