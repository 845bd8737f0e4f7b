/**
 * A fake Discord on 127.0.0.1 for end-to-end tests with the real discord.js client:
 *
 *   const fake = await startFakeDiscord({ interactionDeadlineMs: 500 });
 *   const guildId = fake.addGuild();
 *   const channelId = fake.addChannel(guildId, { name: "updates" });
 *   const userId = fake.addMember(guildId, { username: "wearer" });
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 *   await client.login(fake.botToken); // then await Events.ClientReady
 *   const handle = fake.interact.chatInput({ userId, guildId, channelId, name: "history", options: { count: 3 } });
 *   await handle.waitFor("reply");
 *   expect(handle.original?.content).toContain("...");
 *   await client.destroy(); await fake.close();
 */
import { randomBytes } from "node:crypto";
import type { FakeDiscord } from "./api.js";
import { CommandStore } from "./commands.js";
import { type FakeConfig, type FakeCore, Intents } from "./core.js";
import { FakeGateway } from "./gateway.js";
import { InteractionRegistry, waitUntil } from "./handle.js";
import { createInteractor } from "./interactions.js";
import { ChannelRateLimiter, Faults, NonceCache } from "./limits.js";
import { Outage } from "./outage.js";
import { isThread } from "./permissions.js";
import { apiChannel, apiGuildCreate, apiMember, apiRole, apiUser } from "./serialize.js";
import { closeServer, listen, restHandler } from "./server.js";
import { FakeState, type StateEvent } from "./state.js";
import type { FakeDiscordOptions, GuildSeed } from "./types.js";

export type { FakeCommands, FakeDiscord } from "./api.js";
export type {
  InteractionEvent,
  InteractionHandle,
  InteractionResponse,
  WaitTarget,
} from "./handle.js";
export type * from "./interactions.js";
export type { OptionsInput, OptionValue, RawOption } from "./options.js";
export type * from "./types.js";

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? "1100000000000000001";
  const botUserId = options.botUserId ?? applicationId;
  const config: FakeConfig = {
    botToken: options.botToken ?? fakeToken(botUserId),
    applicationId,
    botUserId,
    interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    shards: options.shards ?? 1,
    enforcePermissions: options.enforcePermissions ?? true,
    validateSpec: options.validateSpec ?? true,
  };
  const state = new FakeState(botUserId);
  state.addUser({ id: botUserId, username: options.botUsername ?? "Tracker Bot", bot: true });
  const rate = options.rateLimit === false ? null : (options.rateLimit ?? {});
  const urls = { api: "", gateway: "" };
  let gateway: FakeGateway | null = null;
  const core: FakeCore = {
    config,
    state,
    commands: new CommandStore(applicationId, () => state.snowflake()),
    interactions: new InteractionRegistry(),
    limiter: rate ? new ChannelRateLimiter(rate.limit ?? 5, rate.windowMs ?? 5000) : null,
    nonces: new NonceCache(options.nonceWindowMs ?? 5 * 60_000),
    faults: new Faults(),
    outage: new Outage(),
    roleLimiter:
      options.roleRateLimit === false
        ? null
        : new ChannelRateLimiter(
            options.roleRateLimit?.limit ?? 10,
            options.roleRateLimit?.windowMs ?? 1000,
          ),
    requests: [],
    dispatch: (event, data, intent) => gateway?.dispatch(event, data, intent),
    urls,
  };
  const { server, port } = await listen(restHandler(core));
  urls.api = `http://127.0.0.1:${port}/api`;
  urls.gateway = `ws://127.0.0.1:${port}/gateway`;
  const gw = new FakeGateway(config, state, () => urls.gateway);
  gateway = gw;
  server.on("upgrade", (req, socket, head) => {
    if (core.outage.on) socket.destroy();
    else gw.handleUpgrade(req, socket, head);
  });
  state.onEvent = (event) => dispatchStateEvent(core, event);

  const addGuild = (seed: GuildSeed = {}) => {
    const { roles = [], members = [], channels = [], ...input } = seed;
    const id = state.addGuild(input);
    for (const role of roles) state.addRole(id, role);
    for (const member of members) state.addMember(id, member);
    for (const channel of channels) state.addChannel(id, channel);
    return id;
  };
  for (const seed of options.guilds ?? []) addGuild(seed);

  let closed = false;
  const fake: FakeDiscord = {
    apiUrl: urls.api,
    gatewayUrl: urls.gateway,
    botToken: config.botToken,
    applicationId,
    botUserId,
    addUser: (input) => state.addUser(input),
    addGuild,
    addRole: (guildId, input) => state.addRole(guildId, input),
    addMember: (guildId, input) => state.addMember(guildId, input),
    addChannel: (guildId, input) => state.addChannel(guildId, input),
    setBotPermissions: (guildId, perms) =>
      state.setRolePermissions(state.guild(guildId).botRoleId, perms),
    setRolePermissions: (roleId, perms) => state.setRolePermissions(roleId, perms),
    setRolePosition: (roleId, position) => state.setRolePosition(roleId, position),
    deleteRole: (roleId) => state.deleteRole(roleId),
    removeMember: (guildId, userId) => state.removeMember(guildId, userId),
    memberRoles: (guildId, userId) => [...(state.member(guildId, userId)?.roles ?? [])],
    botRoleId: (guildId) => state.guild(guildId).botRoleId,
    get roleRateLimitHits() {
      return core.roleLimiter?.hits ?? 0;
    },
    setPermissionOverwrites: (channelId, overwrites) => state.setOverwrites(channelId, overwrites),
    setDmsClosed: (userId, dmsClosed) => {
      state.user(userId).dmsClosed = dmsClosed;
    },
    requests: core.requests,
    messages: (channelId) => state.channelMessages(channelId),
    message: (messageId) => state.messages.get(messageId)?.message,
    deleteMessage: (messageId) => {
      const record = state.messages.get(messageId);
      if (record) record.deleted = true;
    },
    dmsTo: (userId) => state.channelMessages(state.dmChannel(userId).id),
    commands: {
      get global() {
        return core.commands.global;
      },
      guild: (guildId) => core.commands.guilds.get(guildId) ?? [],
      get puts() {
        return core.commands.puts;
      },
    },
    failChannel: (channelId, error) => core.faults.failChannel(channelId, error),
    failNext: (matcher, error, times) => core.faults.failNext(matcher, error, times),
    get rateLimitHits() {
      return core.limiter?.hits ?? 0;
    },
    outage: {
      get on() {
        return core.outage.on;
      },
      start() {
        core.outage.on = true;
        gw.disconnect(1011);
      },
      end() {
        core.outage.on = false;
      },
      loseNextAnswer: (matcher, then) => core.outage.loseNextAnswer(matcher, then),
    },
    interact: createInteractor(core, () => {
      if (!gw.hasSession)
        throw new Error("fake discord: no gateway session; log a client in first");
    }),
    get interactions() {
      return core.interactions.all();
    },
    gateway: {
      get connected() {
        return gw.connectedSessions;
      },
      disconnect: (code) => gw.disconnect(code),
      dispatch: (event, data) => gw.dispatch(event, data),
      identifies: gw.identifies,
    },
    waitFor: (predicate, timeoutMs = 5000, what = "condition") =>
      waitUntil(
        state,
        predicate,
        timeoutMs,
        () => `fake discord: ${what} not met within ${timeoutMs} ms`,
      ),
    waitForMessages: async (channelId, count, timeoutMs = 5000) => {
      const enough = () => state.channelMessages(channelId).length >= count;
      const what = () =>
        `fake discord: ${count} message(s) in ${channelId} not reached within ${timeoutMs} ms (have ${state.channelMessages(channelId).length})`;
      await waitUntil(state, enough, timeoutMs, what);
      return state.channelMessages(channelId);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await gw.close();
      await closeServer(server);
    },
  };
  return fake;
}

function dispatchStateEvent(core: FakeCore, event: StateEvent): void {
  const { state } = core;
  switch (event.type) {
    case "guildCreate":
      core.dispatch("GUILD_CREATE", apiGuildCreate(state, event.guildId));
      return;
    case "channelCreate":
    case "channelUpdate": {
      const channel = state.channel(event.channelId);
      const kind = isThread(channel.type) ? "THREAD" : "CHANNEL";
      const verb = event.type === "channelCreate" ? "CREATE" : "UPDATE";
      core.dispatch(`${kind}_${verb}`, apiChannel(state, channel), Intents.guilds);
      return;
    }
    case "roleCreate":
    case "roleUpdate": {
      const role = state.role(event.roleId);
      const name = event.type === "roleCreate" ? "GUILD_ROLE_CREATE" : "GUILD_ROLE_UPDATE";
      core.dispatch(name, { guild_id: role.guildId, role: apiRole(role) }, Intents.guilds);
      return;
    }
    case "roleDelete":
      core.dispatch(
        "GUILD_ROLE_DELETE",
        { guild_id: event.guildId, role_id: event.roleId },
        Intents.guilds,
      );
      return;
    case "memberRemove":
      core.dispatch(
        "GUILD_MEMBER_REMOVE",
        { guild_id: event.guildId, user: apiUser(state, event.userId) },
        Intents.guildMembers,
      );
      return;
    case "memberAdd": {
      const member = state.member(event.guildId, event.userId);
      if (!member) return;
      const data = { ...apiMember(state, member), guild_id: event.guildId };
      core.dispatch("GUILD_MEMBER_ADD", data, Intents.guildMembers);
      return;
    }
  }
}

function fakeToken(botUserId: string): string {
  const id = Buffer.from(botUserId).toString("base64url");
  return `${id}.${randomBytes(4).toString("base64url")}.${randomBytes(27).toString("base64url")}`;
}
