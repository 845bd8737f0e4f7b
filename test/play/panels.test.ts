/**
 * The panel service without Discord: tally edits coalesced (at most one per `editEveryMs`), and
 * the periodic check closing panels whose session ended, counted as background requests.
 */
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { createVotePanels, type VotePanels } from "../../src/play/panels.js";
import { createTrackerClient } from "../../src/tracker/client.js";
import { startFakeTracker } from "../fakes/tracker.js";
import { createMemoryStore } from "../poller/memoryStore.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TOKEN = "ct2_panel-owner-token-0123456789";

async function setup(options: { editEveryMs?: number; checkEveryMs?: number }) {
  const fake = await startFakeTracker();
  cleanups.push(() => fake.close());
  fake.addToken(TOKEN, { nick: "owner", linkToken: "lg0123456789abc" });
  const session = fake.addSession(TOKEN, {});
  const tracker = createTrackerClient({ baseUrl: fake.url, retries: 0 });
  cleanups.push(() => tracker.close());
  const store = createMemoryStore();
  await store.accounts.set({ userId: "owner", token: TOKEN, nick: "owner", linkedAt: "x" });
  const edits: { route: string; body: unknown }[] = [];
  const rest = {
    post: async () => ({ id: "m1" }),
    patch: async (route: string, init: { body: unknown }) => {
      edits.push({ route, body: init.body });
      return {};
    },
  };
  const panels: VotePanels = createVotePanels({
    store,
    tracker,
    rest: rest as never,
    postLocale: async () => "en",
    logger: silentLogger(),
    wall: () => new Date(),
    cooldownMinutes: 60,
    ...options,
  });
  cleanups.push(() => panels.stop());
  const panel = await panels.open({
    guildId: "g",
    channelId: "c",
    ownerId: "owner",
    nick: "owner",
    session,
    token: "lg0123456789abc",
    types: ["add", "sub", "rand"],
    scheduledEnd: null,
  });
  return { fake, store, panels, panel, edits, session };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("vote panels service", () => {
  it("coalesces tally edits: many votes in a burst make one edit", async () => {
    const { panels, panel, edits } = await setup({ editEveryMs: 300, checkEveryMs: 0 });
    for (let i = 0; i < 5; i++) panels.refreshSoon(panel.id);
    await sleep(600);
    expect(edits).toHaveLength(1);
    panels.refreshSoon(panel.id);
    await sleep(600);
    expect(edits).toHaveLength(2);
  });

  it("closes a panel whose session ended at the periodic check", async () => {
    const { fake, store, panels, panel, edits, session } = await setup({ checkEveryMs: 100 });
    panels.start();
    fake.endSession(session);
    for (let i = 0; i < 40 && (await store.plays.getPanel(panel.id))?.status === "open"; i++)
      await sleep(50);
    expect(await store.plays.getPanel(panel.id)).toMatchObject({
      status: "closed",
      closedReason: "ended",
    });
    expect(JSON.stringify(edits.at(-1)?.body)).toContain("session ended");
    expect(JSON.stringify(edits.at(-1)?.body)).toContain('"components":[]');
  });
});
