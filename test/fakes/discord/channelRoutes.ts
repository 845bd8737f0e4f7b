import { PermissionFlagsBits } from "discord.js";
import type { FakeCore, Route, RouteContext } from "./core.js";
import { Intents, ok, route } from "./core.js";
import { ApiError, asObject, asString, Errors } from "./http.js";
import { applyEdit, buildMessage, dispatchMessage } from "./messages.js";
import { channelPermissions, has, isThread } from "./permissions.js";
import { apiChannel } from "./serialize.js";
import type { ChannelRecord } from "./state.js";
import { assertNotEmpty, validateMessage } from "./validate.js";

/** Channel, message and DM routes (bot authenticated). */
export function channelRoutes(core: FakeCore): Route[] {
  const { state } = core;

  const visibleChannel = (id: string): ChannelRecord => {
    const channel = state.channels.get(id);
    if (!channel) throw Errors.unknownChannel();
    if (channel.guildId && core.config.enforcePermissions) {
      const perms = channelPermissions(state, id, core.config.botUserId);
      if (!has(perms, PermissionFlagsBits.ViewChannel)) throw Errors.missingAccess();
    }
    return channel;
  };

  const ownMessage = (ctx: RouteContext) => {
    visibleChannel(ctx.params.channelId ?? "");
    const record = state.messages.get(ctx.params.messageId ?? "");
    if (!record || record.deleted || record.message.channel_id !== ctx.params.channelId) {
      throw Errors.unknownMessage();
    }
    return record;
  };

  const checkCanPost = (channel: ChannelRecord, body: Record<string, unknown>, files: number) => {
    if (channel.guildId === null) {
      const recipient = state.users.get(channel.recipientId ?? "");
      if (!recipient || recipient.bot || recipient.dmsClosed) throw Errors.cannotDm();
      return;
    }
    if (!core.config.enforcePermissions) return;
    const perms = channelPermissions(state, channel.id, core.config.botUserId);
    const send = isThread(channel.type)
      ? PermissionFlagsBits.SendMessagesInThreads
      : PermissionFlagsBits.SendMessages;
    if (!has(perms, send)) throw Errors.missingPermissions();
    if (files > 0 && !has(perms, PermissionFlagsBits.AttachFiles))
      throw Errors.missingPermissions();
    // Discord drops embeds silently without Embed Links.
    if (!has(perms, PermissionFlagsBits.EmbedLinks)) delete body.embeds;
  };

  const postMessage = (ctx: RouteContext) => {
    const channel = visibleChannel(ctx.params.channelId ?? "");
    const body = asObject(ctx.body) ?? {};
    validateMessage(body);
    const nonce = body.nonce;
    const enforced =
      body.enforce_nonce === true && (typeof nonce === "string" || typeof nonce === "number");
    if (enforced) {
      const earlier = state.messages.get(core.nonces.find(channel.id, nonce) ?? "");
      if (earlier) return ok(earlier.message);
    }
    checkCanPost(channel, body, ctx.files.length);
    assertNotEmpty(body, ctx.files.length);
    const message = buildMessage(core, { channelId: channel.id, body, files: ctx.files });
    state.storeMessage(message, false);
    if (enforced) core.nonces.remember(channel.id, nonce, message.id);
    dispatchMessage(core, "MESSAGE_CREATE", message);
    return ok(message);
  };

  const editMessage = (ctx: RouteContext) => {
    const record = ownMessage(ctx);
    if (record.message.author.id !== core.config.botUserId) throw Errors.cannotEditOthers();
    const body = asObject(ctx.body) ?? {};
    validateMessage(body);
    const draft = structuredClone(record.message);
    applyEdit(core, draft, body, ctx.files);
    assertNotEmpty({ ...draft }, draft.attachments.length);
    record.message = draft;
    dispatchMessage(core, "MESSAGE_UPDATE", draft);
    return ok(draft);
  };

  return [
    route("GET", "/channels/:channelId", (ctx) =>
      ok(apiChannel(state, visibleChannel(ctx.params.channelId ?? ""))),
    ),
    route("POST", "/channels/:channelId/messages", postMessage, { channelMessages: true }),
    route("GET", "/channels/:channelId/messages", (ctx) => {
      const channel = visibleChannel(ctx.params.channelId ?? "");
      const limit = Math.min(Number(ctx.query.get("limit") ?? 50), 100);
      return ok(state.channelMessages(channel.id).slice(-limit).reverse());
    }),
    route("GET", "/channels/:channelId/messages/:messageId", (ctx) => ok(ownMessage(ctx).message)),
    route("PATCH", "/channels/:channelId/messages/:messageId", editMessage),
    route("DELETE", "/channels/:channelId/messages/:messageId", (ctx) => {
      const record = ownMessage(ctx);
      record.deleted = true;
      const { id, channel_id } = record.message;
      const guildId = state.channels.get(channel_id)?.guildId;
      const data = { id, channel_id, ...(guildId ? { guild_id: guildId } : {}) };
      core.dispatch(
        "MESSAGE_DELETE",
        data,
        guildId ? Intents.guildMessages : Intents.directMessages,
      );
      return ok();
    }),
    route("POST", "/channels/:channelId/typing", (ctx) => {
      visibleChannel(ctx.params.channelId ?? "");
      return ok();
    }),
    route("POST", "/users/@me/channels", (ctx) => {
      const recipientId = asString(asObject(ctx.body)?.recipient_id) ?? "";
      if (!state.users.has(recipientId)) throw new ApiError(400, 50033, "Invalid Recipient(s)");
      return ok(apiChannel(state, state.dmChannel(recipientId)));
    }),
  ];
}
