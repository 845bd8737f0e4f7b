/** A harness whose server has three roles below the bot's, the bot with Manage Roles, and helpers. */
import { PermissionFlagsBits } from "discord.js";
import { afterEach, expect } from "vitest";
import { DEFAULT_BOT_PERMISSIONS } from "../fakes/discord/permissions.js";
import { type Harness, type HarnessOptions, linkMember, startHarness } from "./harness.js";

let current: Harness | undefined;

export function closeRolesHarnessAfterEach() {
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
}

export const withManageRoles = DEFAULT_BOT_PERMISSIONS | PermissionFlagsBits.ManageRoles;
export const memberRolePath = /^\/guilds\/\d+\/members\/\d+\/roles\/\d+$/;

export async function rolesSetup(options: HarnessOptions & { manageRoles?: boolean } = {}) {
  const h = await startHarness(options);
  current = h;
  const { discord, guildId } = h;
  if (options.manageRoles !== false) discord.setBotPermissions(guildId, withManageRoles);
  discord.setRolePosition(discord.botRoleId(guildId), 10);
  const roles = {
    locked: discord.addRole(guildId, { name: "Locked", position: 3 }),
    unlocked: discord.addRole(guildId, { name: "Unlocked", position: 2 }),
    linked: discord.addRole(guildId, { name: "Linked", position: 1 }),
  };
  const admin = h.member("admin");

  const command = (
    userId: string,
    name: string,
    options: Record<string, string | number | boolean> = {},
    subcommand?: string,
  ) =>
    discord.interact
      .chatInput({
        userId,
        guildId,
        channelId: h.channelId,
        name,
        options,
        ...(subcommand && { subcommand }),
      })
      .waitFor("edit");

  const replyText = (handle: Awaited<ReturnType<typeof command>>) =>
    `${handle.original?.content ?? ""}${JSON.stringify(handle.original?.embeds ?? [])}`;

  /** `/roles set` with all three roles, expecting success. */
  const configure = async () => {
    const handle = await command(admin, "roles", { ...roles }, "set");
    expect(replyText(handle)).toContain("Role sync is on in this server");
    return handle;
  };

  let tokens = 0;
  /** A linked member with a session (active or not); returns its ids. */
  const wearer = async (name: string, active: boolean) => {
    const userId = h.member(name);
    const token = `tok_roles_${name}_${String(tokens++).padStart(4, "0")}_00aa11bb22cc`;
    h.tracker.addToken(token, { nick: name });
    const session = h.tracker.addSession(token, { active });
    await linkMember(h, userId, token);
    return { userId, token, session };
  };

  const consent = async (userId: string, enabled = true) => {
    const handle = await command(userId, "rolesync", { enabled });
    return replyText(handle);
  };

  /** Role requests (PUT/DELETE on member roles) recorded so far. */
  const roleChanges = () =>
    discord.requests.filter(
      (r) => (r.method === "PUT" || r.method === "DELETE") && memberRolePath.test(r.path),
    );

  const has = (userId: string, roleId: string) =>
    discord.memberRoles(guildId, userId).includes(roleId);

  const waitRoles = (userId: string, want: string[], without: string[], ms = 8000) =>
    discord.waitFor(
      () => want.every((r) => has(userId, r)) && without.every((r) => !has(userId, r)),
      ms,
      `roles ${want.join(",")} without ${without.join(",")}`,
    );

  return {
    h,
    roles,
    admin,
    command,
    replyText,
    configure,
    wearer,
    consent,
    roleChanges,
    has,
    waitRoles,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
