import type { Subscription, SubscriptionStore } from "../store/types.js";

/**
 * What a member may see and remove: their own subscriptions in this server,
 * plus everyone's in it when they have Manage Server. Their own come first.
 * In the DM with the bot (no server): their DM subscriptions, wherever they were made.
 */
export async function visibleSubscriptions(
  subs: SubscriptionStore,
  userId: string,
  guildId: string | null,
  manager: boolean,
): Promise<Subscription[]> {
  const mine = await subs.listByUser(userId);
  if (!guildId) return mine.filter((s) => s.target === "dm");
  const own = mine.filter((s) => s.guildId === guildId);
  if (!manager) return own;
  const all = await subs.listByGuild(guildId);
  return [...own, ...all.filter((s) => s.userId !== userId)];
}
