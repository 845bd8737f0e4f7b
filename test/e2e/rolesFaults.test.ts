import { describe, expect, it } from "vitest";
import { closeRolesHarnessAfterEach, memberRolePath, rolesSetup, sleep } from "./rolesSetup.js";

closeRolesHarnessAfterEach();

/** Configured, one consenting member without an active session whose roles have settled. */
async function settled(name = "lucy") {
  const s = await rolesSetup();
  await s.configure();
  const wearer = await s.wearer(name, false);
  await s.consent(wearer.userId);
  await s.waitRoles(wearer.userId, [s.roles.linked, s.roles.unlocked], [s.roles.locked]);
  return { ...s, ...wearer };
}

describe("role sync faults", () => {
  it("pauses on 50013 with one DM to the admin; /roles show says so; /roles set resumes", async () => {
    const s = await settled();
    const { h, roles, admin, userId, session } = s;
    h.discord.failNext(
      { method: "PUT", path: memberRolePath },
      { status: 403, code: 50013, message: "Missing Permissions" },
    );
    h.tracker.setSessionActive(session, true);
    await h.discord.waitFor(() => h.discord.dmsTo(admin).length >= 1, 8000, "a DM to the admin");
    expect(h.discord.dmsTo(admin)[0]?.content).toMatch(/Role sync in Test server is paused/);
    expect((await h.bot.store.roles.getConfig(h.guildId))?.problem).toBe("missing_permissions");
    const changes = s.roleChanges().length;
    await sleep(2500);
    expect(h.discord.dmsTo(admin)).toHaveLength(1);
    expect(s.roleChanges()).toHaveLength(changes);
    expect(s.has(userId, roles.locked)).toBe(false);

    const show = await s.command(admin, "roles", {}, "show");
    expect(s.replyText(show)).toMatch(/Paused since <t:\d+:R>: I do not have the Manage Roles/);

    const again = await s.command(admin, "roles", { ...roles }, "set");
    expect(s.replyText(again)).toMatch(/Role sync resumes/);
    await s.waitRoles(userId, [roles.linked, roles.locked], [roles.unlocked]);
    expect(h.discord.dmsTo(admin)).toHaveLength(1);
  });

  it("pauses without a request when a role is moved above the bot's, and names it", async () => {
    const s = await settled();
    const { h, roles, admin, session } = s;
    h.discord.setRolePosition(roles.locked, 20);
    await sleep(300);
    const changes = s.roleChanges().length;
    h.tracker.setSessionActive(session, true);
    await h.discord.waitFor(() => h.discord.dmsTo(admin).length >= 1, 8000, "a DM to the admin");
    expect(h.discord.dmsTo(admin)[0]?.content).toMatch(/@Locked is not below my highest role/);
    expect(s.roleChanges()).toHaveLength(changes);
    const show = await s.command(admin, "roles", {}, "show");
    expect(s.replyText(show)).toContain(`<@&${roles.locked}> is not below my highest role`);
    const refused = await s.command(admin, "roles", { ...roles }, "set");
    expect(s.replyText(refused)).toMatch(/is not below my highest role/);
  });

  it("marks the configuration broken when a role is deleted", async () => {
    const s = await settled();
    const { h, roles, admin, session } = s;
    h.discord.deleteRole(roles.locked);
    await sleep(300);
    h.tracker.setSessionActive(session, true);
    await h.discord.waitFor(() => h.discord.dmsTo(admin).length >= 1, 8000, "a DM to the admin");
    expect((await h.bot.store.roles.getConfig(h.guildId))?.problem).toBe("role_deleted");
    const show = await s.command(admin, "roles", {}, "show");
    expect(s.replyText(show)).toMatch(/A configured role was deleted/);
  });

  it("drops the consent of a member who left the server (10007)", async () => {
    const s = await settled();
    const { h, userId, session } = s;
    h.discord.removeMember(h.guildId, userId);
    h.tracker.setSessionActive(session, true);
    await h.discord.waitFor(
      () => s.roleChanges().some((r) => r.status === 404),
      8000,
      "a 10007 answer",
    );
    await h.discord.waitFor(() => h.logs().includes("role sync consent dropped"), 3000);
    expect(await h.bot.store.roles.getMember(h.guildId, userId)).toBeUndefined();
    expect(await h.bot.store.roles.getConfig(h.guildId)).toMatchObject({ problem: null });
  });

  it("keeps the configuration over a restart and does not re-add or re-remove roles that are right", async () => {
    const s = await settled();
    const { h, roles, userId, session } = s;
    const before = s.roleChanges().length;
    await h.restart();
    const reads = () =>
      h.discord.requests.filter(
        (r) => r.method === "GET" && r.path === `/guilds/${h.guildId}/members/${userId}`,
      );
    await h.discord.waitFor(() => reads().length >= 1, 8000, "the member read after restart");
    await sleep(3000);
    expect(s.roleChanges()).toHaveLength(before);
    expect(reads()).toHaveLength(1);
    expect(await h.bot.store.roles.getConfig(h.guildId)).toMatchObject({ locked: roles.locked });

    h.tracker.setSessionActive(session, true);
    await s.waitRoles(userId, [roles.linked, roles.locked], [roles.unlocked]);
    await sleep(1500);
    const after = s
      .roleChanges()
      .slice(before)
      .map((r) => r.method);
    expect(after.sort()).toEqual(["DELETE", "PUT"]);
  });

  it("leaves the roles as they are on a refused token and says so in the member's DM", async () => {
    const s = await settled();
    const { h, roles, userId, token } = s;
    const sub = await s.command(userId, "subscribe", {});
    expect(sub.original?.content).toMatch(/Subscribed/);
    const changes = s.roleChanges().length;
    h.tracker.revokeToken(token);
    await h.discord.waitFor(() => h.discord.dmsTo(userId).length >= 1, 8000, "a DM");
    expect(h.discord.dmsTo(userId)[0]?.content).toMatch(
      /roles that show your lock state in servers stay as they are until you run `\/link` again/,
    );
    await sleep(2000);
    expect(s.roleChanges()).toHaveLength(changes);
    expect(s.has(userId, roles.unlocked) && s.has(userId, roles.linked)).toBe(true);
  });
});
