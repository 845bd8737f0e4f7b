import { randomBytes } from "node:crypto";
import type { APIMessage } from "discord.js";
import type { FakeCore } from "./core.js";
import { InteractionHandle } from "./handle.js";
import { asArray, asObject, asString } from "./http.js";
import { buildOptions, type CommandPath } from "./options.js";
import { channelPermissions, toBits } from "./permissions.js";
import { apiChannel, apiMember, apiUser } from "./serialize.js";
import type { PermissionsInput } from "./types.js";
import { userInstallPayload } from "./userInstall.js";

export interface InteractionBase {
  userId: string;
  /** Omit for a DM with the bot. */
  guildId?: string;
  /** Default: the guild's first text channel, or the user's DM channel. */
  channelId?: string;
  locale?: string;
  /** Overrides the member's computed channel permissions (`member.permissions`). */
  memberPermissions?: PermissionsInput;
  /** Overrides the bot's computed channel permissions (`app_permissions`). */
  appPermissions?: PermissionsInput;
  /**
   * "user": the app installed to the member's account (`authorizing_integration_owners`
   * `{"1": userId}`), which works where the bot is not: see `foreignGuildId` and
   * `privateChannel`. Default "guild".
   */
  install?: "guild" | "user";
  /** User install in a server the bot is not in (context 0): any snowflake, nothing to seed. */
  foreignGuildId?: string;
  /** User install in a DM between users or a group DM (context 2). */
  privateChannel?: boolean;
}

export type ChatInputInput = InteractionBase & CommandPath;
export type AutocompleteInput = InteractionBase & CommandPath & { focused: string };

export interface ComponentInput extends InteractionBase {
  customId: string;
  /** The message the component is on: an id or a message object the bot posted. */
  message: APIMessage | string;
}

export interface SelectInput extends ComponentInput {
  values: string[];
  /** 3 string (default), 5 user, 6 role, 7 mentionable, 8 channel. */
  componentType?: number;
}

export interface ModalSubmitInput extends InteractionBase {
  customId: string;
  /** Values by custom_id; string[] for selects inside a modal. */
  fields: Record<string, string | string[]>;
  /** The message of the component that opened the modal (default: found from the modal). */
  message?: APIMessage | string;
}

/** Builds INTERACTION_CREATE payloads, dispatches them and returns a handle to watch answers. */
export function createInteractor(core: FakeCore, ensureSession: () => void) {
  const { state } = core;

  const dispatch = (
    type: number,
    input: InteractionBase,
    data: Record<string, unknown>,
    message: APIMessage | null,
  ): InteractionHandle => {
    ensureSession();
    if (input.install === "user" && (input.foreignGuildId || input.privateChannel)) {
      return send(userInstallPayload(core, type, input, data, message), type, message);
    }
    const guildId = input.guildId ?? null;
    const channelId = input.channelId ?? defaultChannel(guildId, input.userId);
    const channel = state.channel(channelId);
    if (channel.guildId !== guildId)
      throw new Error(`channel ${channelId} is not in ${guildId ?? "DMs"}`);
    const id = state.snowflake();
    const token = `aW50ZXJhY3Rpb246${id}:${randomBytes(48).toString("base64url")}`;
    const appPerms = toBits(
      input.appPermissions ?? channelPermissions(state, channelId, core.config.botUserId),
    );
    const payload: Record<string, unknown> = {
      id,
      application_id: core.config.applicationId,
      type,
      data,
      token,
      version: 1,
      app_permissions: appPerms.toString(),
      locale: input.locale ?? "en-US",
      entitlements: [],
      attachment_size_limit: 10_485_760,
      ...(message ? { message } : {}),
    };
    if (guildId) {
      const member = state.member(guildId, input.userId);
      if (!member) throw new Error(`user ${input.userId} is not a member of guild ${guildId}`);
      const perms = toBits(
        input.memberPermissions ?? channelPermissions(state, channelId, input.userId),
      );
      const guild = state.guild(guildId);
      Object.assign(payload, {
        guild_id: guildId,
        guild: { id: guildId, locale: guild.preferredLocale, features: [] },
        guild_locale: guild.preferredLocale,
        member: { ...apiMember(state, member), permissions: perms.toString() },
        channel: { ...apiChannel(state, channel), permissions: perms.toString() },
        context: 0,
        authorizing_integration_owners: { "0": guildId },
      });
    } else {
      Object.assign(payload, {
        user: apiUser(state, input.userId),
        channel: apiChannel(state, channel),
        context: 1,
        authorizing_integration_owners: { "0": "0" },
      });
    }
    if (input.install === "user") payload.authorizing_integration_owners = { "1": input.userId };
    return send(payload, type, message);
  };

  const send = (payload: Record<string, unknown>, type: number, message: APIMessage | null) => {
    const id = String(payload.id);
    const handle = new InteractionHandle(
      state,
      id,
      String(payload.token),
      type,
      payload,
      message?.id ?? null,
    );
    core.interactions.add(handle);
    core.dispatch("INTERACTION_CREATE", payload);
    return handle;
  };

  const defaultChannel = (guildId: string | null, userId: string): string => {
    if (!guildId) return state.dmChannel(userId).id;
    const text = state.guildChannels(guildId).find((c) => c.type === 0);
    if (!text) throw new Error(`guild ${guildId} has no text channel; pass channelId`);
    return text.id;
  };

  const command = (input: ChatInputInput, autocomplete: boolean) => {
    const registered = core.commands.find(input.name, input.guildId ?? null);
    const { options, resolved } = buildOptions(
      core,
      registered,
      input,
      input.guildId ?? null,
      autocomplete,
    );
    return {
      id: registered?.id ?? state.snowflake(),
      name: input.name,
      type: 1,
      options,
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
      ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
    };
  };

  const sourceMessage = (ref: APIMessage | string): APIMessage => {
    const id = typeof ref === "string" ? ref : ref.id;
    const record = state.messages.get(id);
    if (record) return structuredClone(record.message);
    if (typeof ref === "string") throw new Error(`unknown message ${ref}`);
    state.storeMessage(structuredClone(ref), false);
    return structuredClone(ref);
  };

  const findComponent = (message: APIMessage, customId: string): Record<string, unknown> => {
    const found = findByCustomId(message.components ?? [], customId);
    if (!found) throw new Error(`message ${message.id} has no component "${customId}"`);
    if (found.disabled === true) throw new Error(`component "${customId}" is disabled`);
    return found;
  };

  return {
    chatInput: (input: ChatInputInput) => dispatch(2, input, command(input, false), null),
    autocomplete: (input: AutocompleteInput) => dispatch(4, input, command(input, true), null),
    button: (input: ComponentInput) => {
      const message = sourceMessage(input.message);
      findComponent(message, input.customId);
      return dispatch(3, input, { custom_id: input.customId, component_type: 2 }, message);
    },
    select: (input: SelectInput) => {
      const message = sourceMessage(input.message);
      const component = findComponent(message, input.customId);
      const type = input.componentType ?? 3;
      const allowed = (asArray(component.options) ?? []).map((o) => asString(asObject(o)?.value));
      const unknown = type === 3 ? input.values.filter((v) => !allowed.includes(v)) : [];
      if (unknown.length > 0)
        throw new Error(`select "${input.customId}" has no ${unknown.join(", ")}`);
      const data = { custom_id: input.customId, component_type: type, values: input.values };
      return dispatch(3, input, data, message);
    },
    /** Discord delivering the same interaction again (same id and token), as a gateway replay can. */
    redeliver: (handle: InteractionHandle): InteractionHandle => {
      core.dispatch("INTERACTION_CREATE", handle.payload);
      return handle;
    },
    modalSubmit: (input: ModalSubmitInput) => {
      const shown = core.interactions
        .all()
        .reverse()
        .find((h) => h.modal()?.custom_id === input.customId);
      const ref = input.message ?? shown?.sourceMessageId ?? null;
      const message = ref ? sourceMessage(ref) : null;
      const components = modalComponents(shown?.modal() ?? null, input.fields);
      return dispatch(5, input, { custom_id: input.customId, components }, message);
    },
  };
}

export type Interactor = ReturnType<typeof createInteractor>;

function findByCustomId(
  components: unknown[],
  customId: string,
): Record<string, unknown> | undefined {
  for (const raw of components) {
    const component = asObject(raw);
    if (!component) continue;
    if (component.custom_id === customId) return component;
    const nested = [...(asArray(component.components) ?? []), component.accessory ?? null];
    const found = findByCustomId(nested, customId);
    if (found) return found;
  }
  return undefined;
}

/** Mirrors the modal the bot showed (action rows or labels); plain rows if none was shown. */
function modalComponents(
  modal: Record<string, unknown> | null,
  fields: Record<string, string | string[]>,
): unknown[] {
  let nextId = 1;
  const used = new Set<string>();
  const field = (raw: unknown) => {
    const component = asObject(raw) ?? {};
    const customId = asString(component.custom_id) ?? "";
    used.add(customId);
    const value = fields[customId];
    const base = { type: component.type, id: nextId++, custom_id: customId };
    if (component.type === 4) return { ...base, value: typeof value === "string" ? value : "" };
    return { ...base, values: Array.isArray(value) ? value : value === undefined ? [] : [value] };
  };
  const layout = asArray(modal?.components);
  const result = layout
    ? layout.map((raw) => {
        const top = asObject(raw) ?? {};
        if (top.type === 1)
          return { type: 1, id: nextId++, components: (asArray(top.components) ?? []).map(field) };
        if (top.type === 18) return { type: 18, id: nextId++, component: field(top.component) };
        return { type: top.type, id: nextId++ };
      })
    : Object.entries(fields).map(([customId, value]) => {
        used.add(customId);
        const input = { type: 4, id: nextId + 1, custom_id: customId, value: String(value) };
        nextId += 2;
        return { type: 1, id: nextId - 2, components: [input] };
      });
  const extra = Object.keys(fields).filter((k) => !used.has(k));
  if (extra.length > 0) throw new Error(`the modal shown has no field(s) ${extra.join(", ")}`);
  return result;
}
