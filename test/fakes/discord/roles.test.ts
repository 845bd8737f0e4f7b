import { DiscordAPIError, REST, Routes } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "./index.js";
import { DEFAULT_BOT_PERMISSIONS } from "./permissions.js";

const manageRoles = 1n << 28n;
let fake: FakeDiscord;
let rest: REST;
let guildId: string;
let userId: string;
let below: string;

beforeEach(async () => {
  fake = await startFakeDiscord({ roleRateLimit: { limit: 3, windowMs: 500 } });
  guildId = fake.addGuild({ botPermissions: DEFAULT_BOT_PERMISSIONS | manageRoles });
  fake.setRolePosition(fake.botRoleId(guildId), 5);
  below = fake.addRole(guildId, { name: "Locked", position: 2 });
  userId = fake.addMember(guildId, { username: "wearer" });
  rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.botToken);
});

afterEach(async () => {
  await fake.close();
});

async function code(promise: Promise<unknown>): Promise<number | string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof DiscordAPIError ? error.code : undefined;
}

describe("fake member roles", () => {
  it("adds and removes a role below the bot's, recording the audit log reason", async () => {
    await rest.put(Routes.guildMemberRole(guildId, userId, below), { reason: "Locked: yes ✓" });
    expect(fake.memberRoles(guildId, userId)).toEqual([below]);
    const member = (await rest.get(Routes.guildMember(guildId, userId))) as { roles: string[] };
    expect(member.roles).toEqual([below]);
    await rest.delete(Routes.guildMemberRole(guildId, userId, below));
    expect(fake.memberRoles(guildId, userId)).toEqual([]);
    expect(fake.requests.map((r) => r.auditLogReason)[0]).toBe("Locked: yes ✓");
  });

  it("answers 50013 for a role not below the bot's highest, for a managed role and without Manage Roles", async () => {
    const above = fake.addRole(guildId, { name: "Mods", position: 5 });
    const route = (roleId: string) => Routes.guildMemberRole(guildId, userId, roleId);
    expect(await code(rest.put(route(above)))).toBe(50013);
    expect(await code(rest.put(route(fake.botRoleId(guildId))))).toBe(50013);
    fake.setBotPermissions(guildId, DEFAULT_BOT_PERMISSIONS);
    expect(await code(rest.put(route(below)))).toBe(50013);
    expect(fake.memberRoles(guildId, userId)).toEqual([]);
  });

  it("answers 10011 for a deleted role and 10007 for a member who left", async () => {
    const route = (roleId: string, user = userId) => Routes.guildMemberRole(guildId, user, roleId);
    await rest.put(route(below));
    fake.deleteRole(below);
    expect(fake.memberRoles(guildId, userId)).toEqual([]);
    expect(await code(rest.put(route(below)))).toBe(10011);
    const other = fake.addRole(guildId, { position: 1 });
    fake.removeMember(guildId, userId);
    expect(await code(rest.delete(route(other)))).toBe(10007);
    expect(await code(rest.get(Routes.guildMember(guildId, userId)))).toBe(10007);
  });

  it("rate limits role changes per server with headers discord.js waits on", async () => {
    const raw = [0, 1, 2, 3].map(() =>
      fetch(`${fake.apiUrl}/v10${Routes.guildMemberRole(guildId, userId, below)}`, {
        method: "PUT",
        headers: { authorization: `Bot ${fake.botToken}` },
      }),
    );
    const statuses = (await Promise.all(raw)).map((r) => r.status);
    expect(statuses.sort()).toEqual([204, 204, 204, 429]);
    const limited = fake.requests.find((r) => r.status === 429);
    expect(limited?.path).toBe(Routes.guildMemberRole(guildId, userId, below));
    await new Promise((r) => setTimeout(r, 600));
    const before = fake.requests.length;
    const queued = new REST({ api: fake.apiUrl }).setToken(fake.botToken);
    const roles = [1, 2, 3, 4, 5, 6, 7].map((p) =>
      fake.addRole(guildId, { name: `r${p}`, position: 1 }),
    );
    await Promise.all(roles.map((r) => queued.put(Routes.guildMemberRole(guildId, userId, r))));
    expect(fake.memberRoles(guildId, userId).sort()).toEqual([below, ...roles].sort());
    const answers = fake.requests.slice(before).map((r) => r.status);
    expect(answers.filter((s) => s === 204)).toHaveLength(7);
    expect(fake.roleRateLimitHits).toBeLessThanOrEqual(2);
  });
});
