import { expect, it } from "vitest";
import { closeRolesHarnessAfterEach, rolesSetup, sleep } from "./rolesSetup.js";

closeRolesHarnessAfterEach();

const members = 200;

it("converges 200 opted-in members whose sessions all start at once, within Discord's rate limit, and costs no Discord request while nothing changes", async () => {
  const s = await rolesSetup({ roleRateLimit: { limit: 50, windowMs: 1000 } });
  const { h, roles, admin } = s;
  const set = await s.command(
    admin,
    "roles",
    { locked: roles.locked, unlocked: roles.unlocked },
    "set",
  );
  expect(s.replyText(set)).toContain("Role sync is on");
  const crowd: Array<{ userId: string; session: number }> = [];
  for (let i = 0; i < members; i++) {
    const userId = h.member(`crowd${i}`);
    const token = `tok_rolecrowd_${String(i).padStart(3, "0")}_aabbccddeeff0011`;
    h.tracker.addToken(token, { nick: `crowd${i}` });
    const session = h.tracker.addSession(token, { active: false });
    await h.bot.store.accounts.set({
      userId,
      token,
      nick: `crowd${i}`,
      linkedAt: new Date().toISOString(),
    });
    expect(await s.consent(userId)).toMatch(/now show your lock state/);
    crowd.push({ userId, session });
  }
  const allHave = (want: string, not: string) =>
    crowd.every(({ userId }) => s.has(userId, want) && !s.has(userId, not));
  await h.discord.waitFor(() => allHave(roles.unlocked, roles.locked), 30_000, "200 unlocked");

  const hitsBefore = h.discord.roleRateLimitHits;
  const changesBefore = s.roleChanges().length;
  const started = Date.now();
  for (const { session } of crowd) h.tracker.setSessionActive(session, true);
  await h.discord.waitFor(() => allHave(roles.locked, roles.unlocked), 40_000, "200 locked");
  const elapsed = Date.now() - started;
  const changes = s.roleChanges().slice(changesBefore);
  const hits = h.discord.roleRateLimitHits - hitsBefore;
  console.info(
    `[measure] 200 opted-in members' sessions start at once: all roles right after ${elapsed} ms, ${changes.length} role requests, ${hits} 429s (fake limit 50 role changes/s per server)`,
  );
  expect(changes).toHaveLength(2 * members);
  expect(changes.every((r) => r.status === 204 || r.status === 429)).toBe(true);
  expect(h.logs()).not.toContain("role sync failed");
  expect(hits).toBeLessThanOrEqual(2);

  // Idle: every member is looked up each cycle, nothing changes, nothing is asked of Discord.
  await sleep(1500);
  const requestsBefore = h.discord.requests.length;
  h.tracker.resetRequests();
  const sessionLookups = () => h.tracker.requests.filter((r) => r.endpoint === "sessions").length;
  // Three whole cycles of lookups (one per member each), however long a cycle takes here.
  await h.discord.waitFor(() => sessionLookups() >= 3 * members, 30_000, "three cycles");
  const lookups = sessionLookups();
  const cycles = lookups / members;
  const discordRequests = h.discord.requests.length - requestsBefore;
  console.info(
    `[measure] idle, 200 opted-in members: ${discordRequests} Discord requests over ${cycles.toFixed(1)} cycles (${lookups} tracker sessions lookups, one per member per cycle)`,
  );
  expect(cycles).toBeGreaterThanOrEqual(3);
  expect(discordRequests).toBe(0);
}, 120_000);
