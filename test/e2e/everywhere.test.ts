import type { APIMessage } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, linkMember, startHarness } from "./harness.js";

let h: Harness;
let member: string;
const token = "tok_every_5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d";
const foreignGuildId = "1300000000000000042";

beforeAll(async () => {
  h = await startHarness();
  member = h.member("wanderer");
  h.tracker.addToken(token, { nick: "lucy" });
  const session = h.tracker.addSession(token, {
    id: 77,
    active: true,
    start: "2026-02-03 09:30:07",
  });
  h.tracker.addHistory(session, [
    { type: "START", happened: "2026-02-03 09:30:07.123", schedule: "2026-02-10 00:00:00" },
    { type: "ADD", unit: 3600, source: "DICE", happened: "2026-02-03 10:00:00.000" },
  ]);
  await linkMember(h, member, token);
});
afterAll(async () => {
  await h.close();
});

const text = (message: APIMessage | null) => JSON.stringify(message?.embeds ?? []);

describe("registration", () => {
  it("registers every command with explicit integration types and contexts", () => {
    const put = h.discord.requests.find((r) => r.method === "PUT" && r.path.endsWith("/commands"));
    const body = put?.body as { name: string; integration_types: number[]; contexts: number[] }[];
    const byName = Object.fromEntries(
      body.map((c) => [c.name, { integration_types: c.integration_types, contexts: c.contexts }]),
    );
    const everywhere = { integration_types: [0, 1], contexts: [0, 1, 2] };
    const serverAndBotDm = { integration_types: [0], contexts: [0, 1] };
    expect(byName).toEqual({
      link: everywhere,
      unlink: everywhere,
      histories: everywhere,
      subscribe: serverAndBotDm,
      unsubscribe: serverAndBotDm,
      subscriptions: serverAndBotDm,
    });
  });
});

describe("/histories outside the bot's servers", () => {
  it("answers a user install in a server without the bot, publicly with public:true", async () => {
    const handle = h.discord.interact.chatInput({
      userId: member,
      install: "user",
      foreignGuildId,
      name: "histories",
      options: { session: 77, public: true },
    });
    await handle.waitFor("edit");
    expect(handle.payload).toMatchObject({
      context: 0,
      authorizing_integration_owners: { "1": member },
    });
    expect(handle.ephemeral).toBe(false);
    expect(text(handle.original)).toMatch(/session 77/i);
  });

  it("answers in a private channel (context 2), ephemeral by default", async () => {
    const handle = h.discord.interact.chatInput({
      userId: member,
      install: "user",
      privateChannel: true,
      name: "histories",
      options: { session: 77 },
    });
    await handle.waitFor("edit");
    expect(handle.payload).toMatchObject({ context: 2 });
    expect(handle.ephemeral).toBe(true);
    expect(text(handle.original)).toMatch(/session 77/i);
  });

  it("answers in the DM with the bot, publicly with public:true", async () => {
    const handle = h.discord.interact.chatInput({
      userId: member,
      name: "histories",
      options: { session: 77, public: true },
    });
    await handle.waitFor("edit");
    expect(handle.payload).toMatchObject({ context: 1 });
    expect(handle.ephemeral).toBe(false);
    expect(h.discord.dmsTo(member).map((m) => m.id)).toContain(handle.original?.id);
  });
});
