/**
 * User installs where the bot is not a member: a server without the bot (context 0) or a DM
 * between users / group DM (context 2). Discord sends `authorizing_integration_owners`
 * `{"1": userId}` and no guild or channel state the bot could look up.
 */
import { randomBytes } from "node:crypto";
import type { APIMessage } from "discord.js";
import type { FakeCore } from "./core.js";
import type { InteractionBase } from "./interactions.js";
import { toBits } from "./permissions.js";
import { apiUser } from "./serialize.js";

/** What Discord grants an interaction's webhook where the bot is not a member. */
const USER_INSTALL_APP_PERMISSIONS = (1n << 14n) | (1n << 15n) | (1n << 17n) | (1n << 18n);

/** The INTERACTION_CREATE payload of a user-installed command where the bot is not. */
export function userInstallPayload(
  core: FakeCore,
  type: number,
  input: InteractionBase,
  data: Record<string, unknown>,
  message: APIMessage | null,
): Record<string, unknown> {
  const { state } = core;
  const id = state.snowflake();
  const user = apiUser(state, input.userId);
  const channelId = input.channelId ?? state.snowflake();
  const appPerms = input.appPermissions
    ? toBits(input.appPermissions)
    : USER_INSTALL_APP_PERMISSIONS;
  const payload: Record<string, unknown> = {
    id,
    application_id: core.config.applicationId,
    type,
    data,
    token: `aW50ZXJhY3Rpb246${id}:${randomBytes(48).toString("base64url")}`,
    version: 1,
    app_permissions: appPerms.toString(),
    locale: input.locale ?? "en-US",
    entitlements: [],
    attachment_size_limit: 10_485_760,
    authorizing_integration_owners: { "1": input.userId },
    ...(message ? { message } : {}),
  };
  const guildId = input.foreignGuildId;
  if (guildId && !input.privateChannel) {
    const perms = toBits(input.memberPermissions ?? (1n << 10n) | (1n << 11n));
    Object.assign(payload, {
      guild_id: guildId,
      guild: { id: guildId, locale: "en-US", features: [] },
      guild_locale: "en-US",
      member: {
        user,
        roles: [],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        permissions: perms.toString(),
      },
      channel: { id: channelId, type: 0, guild_id: guildId, name: "general", position: 0 },
      context: 0,
    });
  } else {
    const channel = { id: channelId, type: 1, recipients: [user], last_message_id: null };
    Object.assign(payload, { user, channel, context: 2 });
  }
  return payload;
}
