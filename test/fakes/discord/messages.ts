import type { APIAttachment, APIEmbed, APIMessage, APIMessageTopLevelComponent } from "discord.js";
import type { FakeCore } from "./core.js";
import { Intents } from "./core.js";
import { asArray, asObject, asString } from "./http.js";
import { apiUser } from "./serialize.js";
import type { RecordedFile } from "./types.js";

export const MessageFlag = {
  suppressEmbeds: 1 << 2,
  ephemeral: 1 << 6,
  loading: 1 << 7,
  suppressNotifications: 1 << 12,
  componentsV2: 1 << 15,
};
const SETTABLE_FLAGS =
  MessageFlag.suppressEmbeds | MessageFlag.suppressNotifications | MessageFlag.componentsV2;

export interface NewMessage {
  channelId: string;
  body: Record<string, unknown>;
  files: RecordedFile[];
  /** 0 default, 20 chat input command reply. */
  type?: number;
  /** Extra flags the fake sets itself (ephemeral, loading). */
  flags?: number;
  /** Interaction replies: webhook_id, application_id, interaction_metadata. */
  extra?: Partial<APIMessage>;
}

/** A full message object as Discord returns it, authored by the bot. */
export function buildMessage(core: FakeCore, input: NewMessage): APIMessage {
  const { body } = input;
  const content = asString(body.content) ?? "";
  const nonce = body.nonce;
  const message: APIMessage = {
    id: core.state.snowflake(),
    channel_id: input.channelId,
    author: apiUser(core.state, core.config.botUserId),
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachments(core, body, input.files),
    embeds: embeds(body.embeds),
    components: components(body.components),
    pinned: false,
    type: input.type ?? 0,
    flags: (numberOr(body.flags, 0) & SETTABLE_FLAGS) | (input.flags ?? 0),
    ...(typeof nonce === "string" || typeof nonce === "number" ? { nonce } : {}),
    ...input.extra,
  };
  return withMentions(core, message);
}

/** Applies an edit body to a stored message (fields absent from the body stay). */
export function applyEdit(
  core: FakeCore,
  message: APIMessage,
  body: Record<string, unknown>,
  files: RecordedFile[],
): void {
  const wasLoading = ((message.flags ?? 0) & MessageFlag.loading) !== 0;
  if ("content" in body) message.content = asString(body.content) ?? "";
  if ("embeds" in body) message.embeds = embeds(body.embeds);
  if ("components" in body) message.components = components(body.components);
  if ("attachments" in body || files.length > 0) {
    message.attachments = attachments(core, body, files, message.attachments);
  }
  const kept = (message.flags ?? 0) & MessageFlag.ephemeral;
  const flags = "flags" in body ? numberOr(body.flags, 0) & SETTABLE_FLAGS : (message.flags ?? 0);
  message.flags = (flags & ~MessageFlag.loading) | kept;
  if (!wasLoading) message.edited_timestamp = new Date().toISOString();
  withMentions(core, message);
}

/** Tells gateway sessions with the message intents about a visible message. */
export function dispatchMessage(
  core: FakeCore,
  event: "MESSAGE_CREATE" | "MESSAGE_UPDATE",
  message: APIMessage,
): void {
  if ((message.flags ?? 0) & MessageFlag.ephemeral) return;
  const channel = core.state.channels.get(message.channel_id);
  const guildId = channel?.guildId ?? null;
  const intent = guildId ? Intents.guildMessages : Intents.directMessages;
  core.dispatch(event, { ...message, ...(guildId ? { guild_id: guildId } : {}) }, intent);
}

function withMentions(core: FakeCore, message: APIMessage): APIMessage {
  const users = [...message.content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] ?? "");
  message.mentions = [...new Set(users)]
    .filter((id) => core.state.users.has(id))
    .map((id) => apiUser(core.state, id));
  const roles = [...message.content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] ?? "");
  message.mention_roles = [...new Set(roles)];
  message.mention_everyone = /@(everyone|here)/.test(message.content);
  return message;
}

// The wire body is trusted here: validateMessage has already checked it.
function embeds(value: unknown): APIEmbed[] {
  return (asArray(value) ?? []).map(
    (raw) => ({ type: "rich", ...(asObject(raw) ?? {}) }) as APIEmbed,
  );
}

function components(value: unknown): APIMessageTopLevelComponent[] {
  return (asArray(value) ?? []) as APIMessageTopLevelComponent[];
}

function attachments(
  core: FakeCore,
  body: Record<string, unknown>,
  files: RecordedFile[],
  previous: APIAttachment[] = [],
): APIAttachment[] {
  const described = asArray(body.attachments) ?? [];
  const kept = previous.filter((a) => described.some((d) => asObject(d)?.id === a.id));
  const uploaded = files.map((file, index): APIAttachment => {
    const id = core.state.snowflake();
    const meta = asObject(described.find((d) => String(asObject(d)?.id) === String(index)));
    const filename = asString(meta?.filename) ?? file.name;
    const url = `${core.urls.api.replace(/\/api$/, "")}/attachments/${id}/${filename}`;
    return {
      id,
      filename,
      size: file.size,
      url,
      proxy_url: url,
      content_type: file.contentType,
      ...(asString(meta?.description) ? { description: asString(meta?.description)! } : {}),
    };
  });
  return [...kept, ...uploaded];
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}
