import type { APIMessage } from "discord.js";
import type { FakeCore, Route, RouteContext, RouteResult } from "./core.js";
import { ok, route } from "./core.js";
import type { InteractionEventKind, InteractionHandle } from "./handle.js";
import { ApiError, asObject, Errors } from "./http.js";
import { applyEdit, buildMessage, dispatchMessage, MessageFlag } from "./messages.js";
import type { MessageRecord } from "./state.js";
import type { RecordedFile } from "./types.js";
import { assertNotEmpty, validateChoices, validateMessage, validateModal } from "./validate.js";

/** Interaction callbacks and the interaction webhook (no bot auth, like Discord). */
export function interactionRoutes(core: FakeCore): Route[] {
  const { state, config } = core;

  const track = (
    handle: InteractionHandle,
    kind: InteractionEventKind,
    callbackType: number | null,
    ctx: RouteContext,
    run: () => RouteResult,
  ): RouteResult => {
    // Arrival time: the fake's own work (compiling a spec schema) must not count as the bot's.
    const event = { kind, callbackType, body: ctx.body, at: ctx.record.at };
    try {
      const result = run();
      handle.events.push({ ...event, status: result.status, errorCode: null });
      return result;
    } catch (error) {
      const apiError = error instanceof ApiError ? error : undefined;
      handle.events.push({
        ...event,
        status: apiError?.status ?? 500,
        errorCode: apiError?.code ?? null,
      });
      throw error;
    }
  };

  const reply = (
    handle: InteractionHandle,
    body: Record<string, unknown>,
    files: RecordedFile[],
    loading: boolean,
  ) => {
    const requested = typeof body.flags === "number" ? body.flags : 0;
    const flags = (requested & MessageFlag.ephemeral) | (loading ? MessageFlag.loading : 0);
    const message = buildMessage(core, {
      channelId: String(asObject(handle.payload.channel)?.id),
      body,
      files,
      type: handle.type === 2 ? 20 : 0,
      flags,
      extra: interactionExtra(handle),
    });
    state.storeMessage(message, (flags & MessageFlag.ephemeral) !== 0);
    dispatchMessage(core, "MESSAGE_CREATE", message);
    return message;
  };

  const sourceMessage = (handle: InteractionHandle): MessageRecord => {
    const record = state.messages.get(handle.sourceMessageId ?? "");
    if (!record) throw invalidCallbackType();
    return record;
  };

  const callback = (ctx: RouteContext): RouteResult => {
    const handle = core.interactions.get(ctx.params.interactionId ?? "");
    if (!handle || handle.token !== ctx.params.token) throw Errors.unknownInteraction();
    const body = asObject(ctx.body) ?? {};
    const type = typeof body.type === "number" ? body.type : 0;
    return track(handle, "callback", type, ctx, () => {
      if (handle.acked) throw Errors.alreadyAcknowledged();
      if (ctx.record.at - handle.dispatchedAt > config.interactionDeadlineMs) {
        throw Errors.unknownInteraction();
      }
      if ((handle.type === 4) !== (type === 8)) throw invalidCallbackType();
      const data = asObject(body.data) ?? {};
      let message: APIMessage | null = null;
      if (type === 4 || type === 7) {
        validateMessage(data);
      }
      if (type === 4) {
        assertNotEmpty(data, ctx.files.length);
        message = reply(handle, data, ctx.files, false);
      } else if (type === 5) {
        message = reply(handle, { flags: data.flags }, [], true);
      } else if (type === 6 || type === 7) {
        const source = sourceMessage(handle);
        if (type === 7) {
          const draft = structuredClone(source.message);
          applyEdit(core, draft, data, ctx.files);
          assertNotEmpty({ ...draft }, draft.attachments.length);
          source.message = draft;
          message = draft;
          dispatchMessage(core, "MESSAGE_UPDATE", draft);
        }
        handle.originalMessageId = source.message.id;
      } else if (type === 8) {
        validateChoices(data);
      } else if (type === 9) {
        if (handle.type === 5) throw invalidCallbackType();
        validateModal(data);
      } else if (type !== 1 || handle.type !== 1) {
        throw invalidCallbackType();
      }
      if (message && type !== 7) handle.originalMessageId = message.id;
      handle.acked = true;
      if (ctx.query.get("with_response") !== "true") return ok();
      const flags = message?.flags ?? 0;
      return ok({
        interaction: {
          id: handle.id,
          type: handle.type,
          response_message_id: message?.id ?? null,
          response_message_loading: (flags & MessageFlag.loading) !== 0,
          response_message_ephemeral: (flags & MessageFlag.ephemeral) !== 0,
        },
        resource: { type, ...(message ? { message } : {}) },
      });
    });
  };

  const webhookHandle = (ctx: RouteContext): InteractionHandle => {
    const handle = core.interactions.byToken(ctx.params.token ?? "");
    if (!handle || ctx.params.appId !== config.applicationId) throw Errors.unknownWebhook();
    return handle;
  };

  const webhookMessage = (method: "GET" | "PATCH" | "DELETE") => (ctx: RouteContext) => {
    const handle = webhookHandle(ctx);
    const messageId = ctx.params.messageId ?? "";
    const original = messageId === "@original";
    const verb = method === "GET" ? "get" : method === "PATCH" ? "edit" : "delete";
    const kind = `${verb}${original ? "Original" : "Followup"}` as InteractionEventKind;
    return track(handle, kind, null, ctx, () => {
      if (!handle.acked) throw Errors.unknownWebhook();
      const id = original ? handle.originalMessageId : messageId;
      const known = original || handle.followupIds.includes(messageId);
      const record = known ? state.messages.get(id ?? "") : undefined;
      if (!record || record.deleted) throw Errors.unknownMessage();
      if (method === "GET") return ok(record.message);
      if (method === "DELETE") {
        record.deleted = true;
        return ok();
      }
      const body = asObject(ctx.body) ?? {};
      validateMessage(body);
      const draft = structuredClone(record.message);
      applyEdit(core, draft, body, ctx.files);
      assertNotEmpty({ ...draft }, draft.attachments.length);
      record.message = draft;
      dispatchMessage(core, "MESSAGE_UPDATE", draft);
      return ok(draft);
    });
  };

  const followup = (ctx: RouteContext): RouteResult => {
    const handle = webhookHandle(ctx);
    return track(handle, "followup", null, ctx, () => {
      if (!handle.acked) throw Errors.unknownWebhook();
      const body = asObject(ctx.body) ?? {};
      validateMessage(body);
      assertNotEmpty(body, ctx.files.length);
      const original = state.messages.get(handle.originalMessageId ?? "");
      let message: APIMessage;
      if (original && ((original.message.flags ?? 0) & MessageFlag.loading) !== 0) {
        // Discord: the first follow-up after a deferred reply fills the "thinking" message.
        const draft = structuredClone(original.message);
        applyEdit(core, draft, body, ctx.files);
        original.message = draft;
        message = draft;
        dispatchMessage(core, "MESSAGE_UPDATE", draft);
      } else {
        message = reply(handle, body, ctx.files, false);
        handle.followupIds.push(message.id);
      }
      return ctx.query.get("wait") === "true" ? ok(message) : ok();
    });
  };

  const noAuth = { auth: false };
  return [
    route("POST", "/interactions/:interactionId/:token/callback", callback, noAuth),
    route("POST", "/webhooks/:appId/:token", followup, noAuth),
    route("GET", "/webhooks/:appId/:token/messages/:messageId", webhookMessage("GET"), noAuth),
    route("PATCH", "/webhooks/:appId/:token/messages/:messageId", webhookMessage("PATCH"), noAuth),
    route(
      "DELETE",
      "/webhooks/:appId/:token/messages/:messageId",
      webhookMessage("DELETE"),
      noAuth,
    ),
  ];
}

function invalidCallbackType(): ApiError {
  const errors = {
    type: { _errors: [{ code: "INTERACTION_RESPONSE_TYPE_INVALID", message: "Invalid type" }] },
  };
  return new ApiError(400, 50035, "Invalid Form Body", errors);
}

function interactionExtra(handle: InteractionHandle): Partial<APIMessage> {
  const payload = handle.payload;
  const user = asObject(payload.user) ?? asObject(asObject(payload.member)?.user) ?? {};
  const data = asObject(payload.data) ?? {};
  const metadata: Record<string, unknown> = {
    id: handle.id,
    type: handle.type,
    user,
    authorizing_integration_owners: payload.authorizing_integration_owners,
    ...(handle.type === 2 ? { name: data.name, command_type: data.type } : {}),
    ...(handle.sourceMessageId ? { interacted_message_id: handle.sourceMessageId } : {}),
  };
  const applicationId = String(payload.application_id);
  return {
    webhook_id: applicationId,
    application_id: applicationId,
    interaction_metadata: metadata as unknown as APIMessage["interaction_metadata"],
  } as Partial<APIMessage>;
}
