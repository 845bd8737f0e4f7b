/** The admin switch `/leaderboard server enabled:`: on unless a server turned it off (meta store). */
import type { Store } from "../store/types.js";

const key = (guildId: string) => `leaderboardOff:${guildId}`;

export async function leaderboardEnabled(store: Store, guildId: string): Promise<boolean> {
  return (await store.meta.get(key(guildId))) !== "1";
}

export async function setLeaderboardEnabled(
  store: Store,
  guildId: string,
  on: boolean,
): Promise<void> {
  await store.meta.set(key(guildId), on ? "0" : "1");
}
