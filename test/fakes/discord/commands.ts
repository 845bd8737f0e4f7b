import type { APIApplicationCommand, APIApplicationCommandOption } from "discord.js";
import type { FakeCore, Route, RouteContext } from "./core.js";
import { ok, route } from "./core.js";
import { ApiError, asArray, asObject, asString, Errors } from "./http.js";
import { apiUser } from "./serialize.js";

/** Registered application commands, global and per guild, as the last PUT left them. */
export class CommandStore {
  global: APIApplicationCommand[] = [];
  readonly guilds = new Map<string, APIApplicationCommand[]>();
  /** Number of successful bulk overwrites (PUTs). */
  puts = 0;
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly applicationId: string,
    private readonly snowflake: () => string,
  ) {}

  /** A command by name: the guild's own first, then the global one. */
  find(name: string, guildId: string | null): APIApplicationCommand | undefined {
    const match = (c: APIApplicationCommand) => c.name === name && c.type === 1;
    const local = guildId ? this.guilds.get(guildId)?.find(match) : undefined;
    return local ?? this.global.find(match);
  }

  /** Bulk overwrite; a command keeps its id when its name and type stay. */
  overwrite(body: unknown, guildId: string | null): APIApplicationCommand[] {
    const list = asArray(body);
    if (!list) throw formError([], "BASE_TYPE_BAD_TYPE", "Must be an array.");
    if (list.length > 100) throw formError([], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer.");
    const names = new Set<string>();
    const commands = list.map((raw, index) => {
      const input = asObject(raw) ?? {};
      validateCommand(input, index);
      const type = typeof input.type === "number" ? input.type : 1;
      const name = asString(input.name) ?? "";
      if (names.has(`${type}:${name}`)) {
        throw formError([index, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Duplicate name");
      }
      names.add(`${type}:${name}`);
      const key = `${guildId ?? "global"}:${type}:${name}`;
      const id = this.ids.get(key) ?? this.snowflake();
      this.ids.set(key, id);
      return {
        default_member_permissions: null,
        contexts: null,
        integration_types: [0],
        nsfw: false,
        ...input,
        id,
        application_id: this.applicationId,
        type,
        name,
        description: asString(input.description) ?? "",
        version: this.snowflake(),
        ...(guildId ? { guild_id: guildId } : {}),
      } as APIApplicationCommand;
    });
    if (guildId) this.guilds.set(guildId, commands);
    else this.global = commands;
    this.puts++;
    return commands;
  }
}

function validateCommand(input: Record<string, unknown>, index: number): void {
  const name = asString(input.name) ?? "";
  const type = typeof input.type === "number" ? input.type : 1;
  if (type === 1 && !/^[-_\p{L}\p{N}]{1,32}$/u.test(name)) {
    throw formError([index, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Invalid name");
  }
  if (type === 1 && name !== name.toLowerCase()) {
    throw formError([index, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Must be lowercase");
  }
  const description = asString(input.description) ?? "";
  if (type === 1 && (description.length < 1 || description.length > 100)) {
    throw formError([index, "description"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100");
  }
  validateOptions(asArray(input.options) ?? [], [index, "options"]);
}

function validateOptions(options: unknown[], path: (string | number)[]): void {
  if (options.length > 25) throw formError(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer");
  let optionalSeen = false;
  options.forEach((raw, i) => {
    const option = (asObject(raw) ?? {}) as Partial<APIApplicationCommandOption>;
    const name = option.name ?? "";
    if (!/^[-_\p{Ll}\p{N}]{1,32}$/u.test(name)) {
      throw formError([...path, i, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Invalid name");
    }
    const description = option.description ?? "";
    if (description.length < 1 || description.length > 100) {
      throw formError([...path, i, "description"], "BASE_TYPE_BAD_LENGTH", "Must be 1-100 long");
    }
    const required = "required" in option && option.required === true;
    if (required && optionalSeen) {
      const message = "Required options must be placed before non-required options";
      throw formError(
        [...path, i, "required"],
        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        message,
      );
    }
    if (!required && option.type !== 1 && option.type !== 2) optionalSeen = true;
    const children = "options" in option ? (option.options ?? []) : [];
    validateOptions(children, [...path, i, "options"]);
  });
}

function formError(path: (string | number)[], code: string, message: string): ApiError {
  const errors: Record<string, unknown> = {};
  let node = errors;
  for (const key of path) {
    const next: Record<string, unknown> = {};
    node[String(key)] = next;
    node = next;
  }
  node._errors = [{ code, message }];
  return new ApiError(400, 50035, "Invalid Form Body", errors);
}

/** `/applications/...` routes: the application itself and command registration. */
export function applicationRoutes(core: FakeCore): Route[] {
  const { state, commands, config } = core;
  const app = (ctx: RouteContext) => {
    if (ctx.params.appId !== config.applicationId) throw Errors.unknownApplication();
  };
  const guild = (ctx: RouteContext) => {
    const guildId = ctx.params.guildId ?? "";
    if (!state.guilds.has(guildId)) throw Errors.missingAccess();
    return guildId;
  };
  return [
    route("GET", "/applications/@me", () =>
      ok({
        id: config.applicationId,
        name: state.user(config.botUserId).username,
        icon: null,
        description: "",
        summary: "",
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: "0".repeat(64),
        flags: 0,
        owner: apiUser(state, [...state.guilds.values()][0]?.ownerId ?? config.botUserId),
        team: null,
        bot: apiUser(state, config.botUserId),
        approximate_guild_count: state.guilds.size,
      }),
    ),
    route("GET", "/applications/:appId/commands", (ctx) => {
      app(ctx);
      return ok(commands.global);
    }),
    route("PUT", "/applications/:appId/commands", (ctx) => {
      app(ctx);
      return ok(commands.overwrite(ctx.body, null));
    }),
    route("GET", "/applications/:appId/guilds/:guildId/commands", (ctx) => {
      app(ctx);
      return ok(commands.guilds.get(guild(ctx)) ?? []);
    }),
    route("PUT", "/applications/:appId/guilds/:guildId/commands", (ctx) => {
      app(ctx);
      return ok(commands.overwrite(ctx.body, guild(ctx)));
    }),
  ];
}
