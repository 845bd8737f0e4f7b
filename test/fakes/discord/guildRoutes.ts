import type { FakeCore, Route, RouteContext } from "./core.js";
import { ok, route } from "./core.js";
import { Errors } from "./http.js";
import { apiChannel, apiGuildCreate, apiMember, apiRole, apiUser } from "./serialize.js";

/** Gateway discovery, users and guild reads (bot authenticated unless noted). */
export function guildRoutes(core: FakeCore): Route[] {
  const { state } = core;
  const guildId = (ctx: RouteContext) => {
    const id = ctx.params.guildId ?? "";
    if (!state.guilds.has(id)) throw Errors.unknownGuild();
    return id;
  };
  return [
    route("GET", "/gateway/bot", () =>
      ok({
        url: core.urls.gateway,
        shards: core.config.shards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 86_400_000,
          // As for large bots: every shard may identify at once (no 5 s wait per shard).
          max_concurrency: core.config.shards,
        },
      }),
    ),
    route("GET", "/gateway", () => ok({ url: core.urls.gateway }), { auth: false }),
    route("GET", "/users/@me", () => {
      const user = apiUser(state, core.config.botUserId);
      return ok({ ...user, bot: true, verified: true, mfa_enabled: false, flags: 0 });
    }),
    route("GET", "/users/:userId", (ctx) => {
      if (!state.users.has(ctx.params.userId ?? "")) throw Errors.unknownUser();
      return ok(apiUser(state, ctx.params.userId ?? ""));
    }),
    route("GET", "/guilds/:guildId", (ctx) => {
      const {
        members: _m,
        channels: _c,
        threads: _t,
        presences: _p,
        voice_states: _v,
        ...guild
      } = apiGuildCreate(state, guildId(ctx));
      return ok(guild);
    }),
    route("GET", "/guilds/:guildId/channels", (ctx) =>
      ok(
        state
          .guildChannels(guildId(ctx))
          .filter((c) => c.type !== 11 && c.type !== 12)
          .map((c) => apiChannel(state, c)),
      ),
    ),
    route("GET", "/guilds/:guildId/roles", (ctx) =>
      ok(state.guildRoles(guildId(ctx)).map(apiRole)),
    ),
    route("GET", "/guilds/:guildId/members/:userId", (ctx) => {
      const member = state.member(guildId(ctx), ctx.params.userId ?? "");
      if (!member) throw Errors.unknownMember();
      return ok(apiMember(state, member));
    }),
  ];
}
