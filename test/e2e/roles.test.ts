import { PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import { closeRolesHarnessAfterEach, rolesSetup, sleep } from "./rolesSetup.js";

closeRolesHarnessAfterEach();

describe("/roles set", () => {
  it("is registered for Manage Roles, guild install and guild context only", async () => {
    const { h } = await rolesSetup();
    const roles = h.discord.commands.global.find((c) => c.name === "roles");
    expect(roles?.default_member_permissions).toBe(PermissionFlagsBits.ManageRoles.toString());
    expect(roles?.contexts).toEqual([0]);
    expect(roles?.integration_types).toEqual([0]);
    expect(h.discord.commands.global.find((c) => c.name === "rolesync")?.contexts).toEqual([0]);
  });

  it("refuses, with the reason, when the bot lacks Manage Roles", async () => {
    const s = await rolesSetup({ manageRoles: false });
    const handle = await s.command(s.admin, "roles", { locked: s.roles.locked }, "set");
    expect(handle.ephemeral).toBe(true);
    expect(s.replyText(handle)).toMatch(/I do not have the Manage Roles permission/);
    expect(await s.h.bot.store.roles.getConfig(s.h.guildId)).toBeUndefined();
  });

  it("refuses @everyone, a managed role, a role not below the bot's and a role named twice", async () => {
    const s = await rolesSetup();
    const { h, admin, roles, command, replyText } = s;
    const above = h.discord.addRole(h.guildId, { name: "Mods", position: 20 });
    const botRole = h.discord.botRoleId(h.guildId);
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ locked: h.guildId }, /@everyone, which every member has/],
      [{ locked: botRole }, new RegExp(`<@&${botRole}> is managed by an integration`)],
      [{ locked: above }, new RegExp(`<@&${above}> is not below my highest role`)],
      [
        { locked: roles.locked, unlocked: roles.locked },
        new RegExp(`<@&${roles.locked}> is named more than once`),
      ],
    ];
    for (const [options, reason] of cases) {
      const handle = await command(admin, "roles", options, "set");
      expect(replyText(handle)).toMatch(reason);
    }
    expect(await h.bot.store.roles.getConfig(h.guildId)).toBeUndefined();
    await s.configure();
    expect(await h.bot.store.roles.getConfig(h.guildId)).toMatchObject({
      locked: roles.locked,
      unlocked: roles.unlocked,
      linked: roles.linked,
      setBy: admin,
      problem: null,
    });
  });
});

describe("/rolesync and the sync", () => {
  it("is refused before /link and before the server configured roles", async () => {
    const s = await rolesSetup();
    const unlinked = s.h.member("unlinked");
    expect(await s.consent(unlinked)).toMatch(/\/link/);
    const { userId } = await s.wearer("early", false);
    expect(await s.consent(userId)).toMatch(/has not set up role sync/);
    expect(await s.h.bot.store.roles.listMembers()).toEqual([]);
  });

  it("follows a session: unlocked at consent, locked within the interval, back on its end; off removes them", async () => {
    const s = await rolesSetup();
    const { h, roles } = s;
    await s.configure();
    const { userId, session } = await s.wearer("lucy", false);
    expect(await s.consent(userId)).toMatch(/your roles in this server now show your lock state/);
    await s.waitRoles(userId, [roles.linked, roles.unlocked], [roles.locked]);

    h.tracker.setSessionActive(session, true);
    const started = Date.now();
    await s.waitRoles(userId, [roles.linked, roles.locked], [roles.unlocked]);
    const lockDelay = Date.now() - started;

    h.tracker.endSession(session);
    const ended = Date.now();
    await s.waitRoles(userId, [roles.linked, roles.unlocked], [roles.locked]);
    const unlockDelay = Date.now() - ended;
    console.info(
      `[measure] role change delay with POLL_INTERVAL_SECONDS=1: session start ${lockDelay} ms, session end ${unlockDelay} ms`,
    );
    const reasons = s.roleChanges().map((r) => r.auditLogReason);
    expect(reasons.every((r) => r?.startsWith("Chastity Tracker:"))).toBe(true);
    expect(reasons).toContain(
      "Chastity Tracker: session active (the member opted in with /rolesync)",
    );

    expect(await s.consent(userId, false)).toMatch(/I removed 2 roles I had given you here/);
    expect(s.has(userId, roles.linked) || s.has(userId, roles.unlocked)).toBe(false);
    expect(await h.bot.store.roles.getMember(h.guildId, userId)).toBeUndefined();
    const before = s.roleChanges().length;
    h.tracker.setSessionActive(session, true);
    await sleep(2500);
    expect(s.roleChanges().length).toBe(before);
  });

  it("gives no role to a member who did not consent, even when linked and subscribed", async () => {
    const s = await rolesSetup();
    await s.configure();
    const { userId, session } = await s.wearer("shy", true);
    const sub = await s.command(userId, "subscribe", {});
    expect(sub.original?.content).toMatch(/Subscribed/);
    await sleep(2500);
    s.h.tracker.endSession(session);
    await sleep(2500);
    expect(s.roleChanges()).toEqual([]);
    expect(s.h.discord.memberRoles(s.h.guildId, userId)).toEqual([]);
  });

  it("/unlink removes every role the bot gave and forgets the consent", async () => {
    const s = await rolesSetup();
    const { h, roles } = s;
    await s.configure();
    const { userId } = await s.wearer("gone", true);
    await s.consent(userId);
    await s.waitRoles(userId, [roles.linked, roles.locked], []);
    const handle = await s.command(userId, "unlink");
    expect(handle.original?.content).toMatch(/Also removed 2 roles the bot had given you/);
    expect(h.discord.memberRoles(h.guildId, userId)).toEqual([]);
    expect(await h.bot.store.roles.listMembersByUser(userId)).toEqual([]);
  });

  it("/roles show counts members; /roles off removes the roles the bot gave", async () => {
    const s = await rolesSetup();
    const { h, roles } = s;
    await s.configure();
    const { userId } = await s.wearer("anna", true);
    await s.consent(userId);
    await s.waitRoles(userId, [roles.linked, roles.locked], []);
    const show = await s.command(s.admin, "roles", {}, "show");
    expect(s.replyText(show)).toMatch(/1 member opted in/);
    expect(s.replyText(show)).toMatch(/Syncing/);
    const off = await s.command(s.admin, "roles", {}, "off");
    expect(s.replyText(off)).toMatch(/I removed 2 roles I had given/);
    expect(h.discord.memberRoles(h.guildId, userId)).toEqual([]);
    expect(await h.bot.store.roles.getConfig(h.guildId)).toBeUndefined();
  });
});
