import type { APIApplicationCommand, APIApplicationCommandOption } from "discord.js";
import type { FakeCore } from "./core.js";
import { channelPermissions } from "./permissions.js";
import { apiChannel, apiMember, apiRole, apiUser } from "./serialize.js";

export type OptionValue = string | number | boolean;

/** Raw option objects as Discord sends them, for full control. */
export interface RawOption {
  name: string;
  type: number;
  value?: OptionValue;
  options?: RawOption[];
  focused?: boolean;
}

export type OptionsInput = Record<string, OptionValue> | RawOption[];

export interface CommandPath {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: OptionsInput;
  /** Autocomplete: the option being typed (its value is sent as typed, with `focused`). */
  focused?: string;
}

/**
 * Turns `{ count: 3 }` into Discord's option list, typed from the registered command when there
 * is one (else from the JS value), with `resolved` users/members/channels/roles filled in.
 */
export function buildOptions(
  core: FakeCore,
  command: APIApplicationCommand | undefined,
  path: CommandPath,
  guildId: string | null,
  autocomplete: boolean,
): { options: RawOption[]; resolved: Record<string, Record<string, unknown>> } {
  const resolved: Record<string, Record<string, unknown>> = {};
  if (Array.isArray(path.options)) return { options: path.options, resolved };
  let defs: APIApplicationCommandOption[] | undefined = command?.options;
  const wrap: ((leaf: RawOption[]) => RawOption[])[] = [];
  for (const [name, type] of [
    [path.subcommandGroup, 2],
    [path.subcommand, 1],
  ] as const) {
    if (!name) continue;
    const def = defs?.find((o) => o.name === name && o.type === type);
    if (command && !def) throw new Error(`/${path.name} has no subcommand (group) "${name}"`);
    defs = def && "options" in def ? (def.options as APIApplicationCommandOption[]) : undefined;
    wrap.unshift((leaf) => [{ name, type, options: leaf }]);
  }
  const given = path.options ?? {};
  const leaf = Object.entries(given).map(([name, value]): RawOption => {
    const def = defs?.find((o) => o.name === name);
    if (command && !def) throw new Error(`/${path.name} has no option "${name}"`);
    const type = def?.type ?? inferType(value);
    if (autocomplete && name === path.focused) return { name, type, value, focused: true };
    if (type === 4 && !Number.isInteger(value))
      throw new Error(`option "${name}" must be an integer`);
    addResolved(core, resolved, type, String(value), guildId);
    return { name, type, value };
  });
  if (!autocomplete) {
    for (const def of defs ?? []) {
      if ("required" in def && def.required && !(def.name in given)) {
        throw new Error(`/${path.name}: required option "${def.name}" missing`);
      }
    }
  } else if (!path.focused || !(path.focused in given)) {
    throw new Error("autocomplete needs `focused` naming one of the given options");
  }
  return { options: wrap.reduce((inner, w) => w(inner), leaf), resolved };
}

function inferType(value: OptionValue): number {
  if (typeof value === "boolean") return 5;
  if (typeof value === "number") return Number.isInteger(value) ? 4 : 10;
  return 3;
}

function addResolved(
  core: FakeCore,
  resolved: Record<string, Record<string, unknown>>,
  type: number,
  id: string,
  guildId: string | null,
): void {
  const { state } = core;
  const put = (kind: string, value: unknown) => {
    resolved[kind] = { ...resolved[kind], [id]: value };
  };
  if ((type === 6 || type === 9) && state.users.has(id)) {
    put("users", apiUser(state, id));
    const member = guildId ? state.member(guildId, id) : undefined;
    if (member && guildId) {
      const { user: _user, deaf: _deaf, mute: _mute, ...rest } = apiMember(state, member);
      put("members", rest);
    }
  } else if ((type === 8 || type === 9) && state.roles.has(id)) {
    put("roles", apiRole(state.role(id)));
  } else if (type === 7 && state.channels.has(id)) {
    const channel = apiChannel(state, state.channel(id));
    const permissions = channelPermissions(state, id, core.config.botUserId).toString();
    put("channels", { ...channel, permissions });
  } else if (type >= 6 && type <= 9) {
    throw new Error(`option value ${id} is not a known user/role/channel of the fake`);
  }
}
