import {
  Client,
  Events,
  GatewayIntentBits,
  PermissionFlagsBits,
  type TextChannel,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { readyClient } from "./harness.js";
import { type FakeDiscord, startFakeDiscord } from "./index.js";

let fake: FakeDiscord;
let client: Client | undefined;
let guildId: string;
let channelId: string;
let memberId: string;
let modRole: string;

beforeEach(async () => {
  fake = await startFakeDiscord();
  guildId = fake.addGuild({ name: "Key holders" });
  modRole = fake.addRole(guildId, { name: "mod", permissions: PermissionFlagsBits.ManageGuild });
  memberId = fake.addMember(guildId, { username: "wearer", roles: [modRole] });
  channelId = fake.addChannel(guildId, { name: "updates" });
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake.close();
});

describe("login", () => {
  it("reaches clientReady with the guild, channels, roles and members cached", async () => {
    const ready = await readyClient(fake);
    client = ready;
    expect(ready.user.id).toBe(fake.botUserId);
    expect(ready.application.id).toBe(fake.applicationId);
    const guild = ready.guilds.cache.get(guildId);
    expect(guild?.name).toBe("Key holders");
    expect(guild?.roles.everyone.id).toBe(guildId);
    expect(guild?.roles.cache.get(modRole)?.name).toBe("mod");
    const channel = guild?.channels.cache.get(channelId) as TextChannel;
    const member = guild?.members.cache.get(memberId);
    expect(member?.user.username).toBe("wearer");
    expect(channel.permissionsFor(member!)?.has(PermissionFlagsBits.ManageGuild)).toBe(true);
    const me = guild?.members.me;
    expect(me).toBeTruthy();
    const botPerms = channel.permissionsFor(me!);
    expect(botPerms?.has([PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks])).toBe(
      true,
    );
    expect(botPerms?.has(PermissionFlagsBits.ManageGuild)).toBe(false);
  });

  it("rejects a wrong token on REST (401) and the login", async () => {
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    await expect(client.login("not-the-token")).rejects.toThrow(/invalid token/i);
    const res = await fetch(`${fake.apiUrl}/v10/users/@me`, {
      headers: { authorization: "Bot nope" },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ message: "401: Unauthorized", code: 0 });
  });

  it("closes the gateway with 4004 on a wrong IDENTIFY token", async () => {
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const hello = await new Promise<{ op: number; d: { heartbeat_interval: number } }>((resolve) =>
      ws.once("message", (raw) => resolve(JSON.parse(raw.toString()))),
    );
    expect(hello.op).toBe(10);
    const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    ws.send(JSON.stringify({ op: 2, d: { token: "wrong", intents: 1, properties: {} } }));
    expect(await closed).toBe(4004);
  });

  it("acks heartbeats on the gateway", async () => {
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const ops: number[] = [];
    const ack = new Promise<void>((resolve) =>
      ws.on("message", (raw) => {
        ops.push(JSON.parse(raw.toString()).op);
        if (ops.includes(11)) resolve();
      }),
    );
    await new Promise((resolve) => ws.once("open", resolve));
    ws.send(JSON.stringify({ op: 1, d: null }));
    await ack;
    expect(ops).toEqual([10, 11]);
    ws.close();
  });

  it("answers unknown routes with Discord's 404 body", async () => {
    const res = await fetch(`${fake.apiUrl}/v10/nothing/here`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ message: "404: Not Found", code: 0 });
  });

  it("serves fetches of users, channels and members", async () => {
    client = await readyClient(fake);
    const user = await client.users.fetch(memberId, { force: true });
    expect(user.username).toBe("wearer");
    const channel = await client.channels.fetch(channelId, { force: true });
    expect(channel?.id).toBe(channelId);
    const guild = client.guilds.cache.get(guildId)!;
    const member = await guild.members.fetch({ user: memberId, force: true });
    expect(member.roles.cache.has(modRole)).toBe(true);
    await expect(client.users.fetch("123", { force: true })).rejects.toMatchObject({ code: 10013 });
  });

  it("answers member requests over the gateway (guild.members.fetch)", async () => {
    const ready = await readyClient(fake, [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMembers,
    ]);
    client = ready;
    const members = await ready.guilds.cache.get(guildId)!.members.fetch();
    expect([...members.keys()].sort()).toContain(memberId);
    expect(members.has(fake.botUserId)).toBe(true);
  });

  it("dispatches guilds, channels and permission changes made after login", async () => {
    client = await readyClient(fake);
    const joined = new Promise((resolve) => client!.once(Events.GuildCreate, resolve));
    const second = fake.addGuild({ name: "Second" });
    await joined;
    expect(client.guilds.cache.get(second)?.name).toBe("Second");
    const created = new Promise((resolve) => client!.once(Events.ChannelCreate, resolve));
    const late = fake.addChannel(guildId, { name: "late" });
    await created;
    const guild = client.guilds.cache.get(guildId)!;
    const updated = new Promise((resolve) => client!.once(Events.GuildRoleUpdate, resolve));
    fake.setBotPermissions(guildId, PermissionFlagsBits.ViewChannel);
    await updated;
    const perms = guild.channels.cache.get(late)?.permissionsFor(guild.members.me!);
    expect(perms?.has(PermissionFlagsBits.SendMessages)).toBe(false);
  });

  it("lets the client resume after a dropped connection", async () => {
    client = await readyClient(fake);
    const resumed = new Promise((resolve) => client!.once(Events.ShardResume, resolve));
    fake.gateway.disconnect(4000);
    await resumed;
    expect(fake.gateway.identifies).toHaveLength(1);
    const seen = new Promise((resolve) => client!.once(Events.InteractionCreate, resolve));
    fake.interact.chatInput({ userId: memberId, guildId, channelId, name: "ping" });
    await seen;
  });
});
