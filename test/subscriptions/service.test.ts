/**
 * `/subscribe`'s rules without Discord: the subscriptions service over a real SQLite store and
 * the real tracker client against the loopback fake tracker.
 */
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/discord/errors.js";
import { silentLogger } from "../../src/log.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { Store } from "../../src/store/types.js";
import {
  createSubscriptionService,
  type SubscribeRequest,
} from "../../src/subscriptions/service.js";
import { createTrackerClient } from "../../src/tracker/client.js";
import type { TrackerClient } from "../../src/tracker/types.js";
import { type FakeTracker, startFakeTracker } from "../fakes/tracker.js";
import { cipherFor, makeSubscription, randomKey, tempFolder } from "../store/helpers.js";

const token = "tok_service_00112233445566778899aabb";
const userId = "300000000000000009";
const channelId = "200000000000000009";
const guildId = "100000000000000009";
const created = new Date("2026-03-01T12:00:00.000Z");

let fake: FakeTracker;
let tracker: TrackerClient;
beforeAll(async () => {
  fake = await startFakeTracker();
  tracker = createTrackerClient({ baseUrl: fake.url });
  fake.addToken(token, { nick: "lucy" });
});
afterAll(async () => {
  await tracker.close();
  await fake.close();
});

describe("the subscriptions service", () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const folder = await tempFolder();
    cleanup = folder.cleanup;
    store = await openStore({
      databaseUrl: `sqlite://${join(folder.dir, "bot.sqlite")}`,
      cipher: cipherFor(randomKey()),
      logger: silentLogger(),
    });
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  const service = (perUser = 10, perGuild = 10) =>
    createSubscriptionService({
      subscriptions: store.subscriptions,
      tracker,
      limits: { MAX_SUBSCRIPTIONS_PER_USER: perUser, MAX_SUBSCRIPTIONS_PER_GUILD: perGuild },
      logger: silentLogger(),
      wall: () => created,
    });
  const request = (session: number | null, extra: Partial<SubscribeRequest> = {}) => ({
    userId,
    token,
    target: { kind: "channel" as const, channelId, guildId },
    session,
    filters: {},
    games: false,
    announceEnd: false,
    ...extra,
  });

  it("seeds a new subscription from what the tracker has, and the same again is already there", async () => {
    const session = fake.addSession(token, { active: true });
    fake.addHistory(session, [{ unit: 60, happened: "2026-03-01 11:00:00" }]);
    fake.addGameChanges(session, [{}]);
    const first = await service().subscribe(request(session, { games: true }));
    if (first.kind !== "saved") throw new Error(`expected saved, got ${first.kind}`);
    expect(first.resumed).toBe(false);
    expect(first.subscription).toMatchObject({
      userId,
      channelId,
      session,
      currentSession: session,
      status: "active",
      createdAt: created.toISOString(),
      watermark: "2026-03-01T11:00:00.000Z",
      games: true,
    });
    expect(first.subscription.gamesWatermark).not.toBeNull();
    expect(await store.subscriptions.get(first.subscription.id)).toEqual(first.subscription);

    const again = await service().subscribe(request(session, { games: true }));
    expect(again).toEqual({ kind: "alreadyActive", subscription: first.subscription });
    expect(await store.subscriptions.listByUser(userId)).toHaveLength(1);
  });

  it("resumes the same paused one, with the member's other paused ones in that channel, even at the limit", async () => {
    const session = fake.addSession(token, { active: true });
    const paused = { status: "paused" as const, pausedReason: "missing_access" as const };
    const same = makeSubscription({ userId, channelId, guildId, session, filters: {}, ...paused });
    const other = makeSubscription({ userId, channelId, guildId, session: 7, ...paused });
    const elsewhere = makeSubscription({ userId, channelId: "2009", guildId, ...paused });
    for (const s of [same, other, elsewhere]) await store.subscriptions.put(s);

    const outcome = await service(3).subscribe(request(session));
    expect(outcome).toMatchObject({ kind: "saved", resumed: true, resumedIds: [other.id] });
    expect(outcome.subscription.id).toBe(same.id);
    const status = async (id: string) => (await store.subscriptions.get(id))?.status;
    expect(await status(same.id)).toBe("active");
    expect(await status(other.id)).toBe("active");
    expect(await status(elsewhere.id)).toBe("paused");
  });

  it("refuses a new one over the member's or the server's limit, and stores nothing", async () => {
    const session = fake.addSession(token, { active: true });
    await store.subscriptions.put(makeSubscription({ userId, guildId, session: 1 }));
    await expect(service(1).subscribe(request(session))).rejects.toMatchObject({
      name: "UserError",
      key: "subscriptions.memberLimit",
    });
    await store.subscriptions.put(makeSubscription({ userId: "3001", guildId, session: 2 }));
    const guildFull = service(10, 2).subscribe(request(session));
    await expect(guildFull).rejects.toBeInstanceOf(UserError);
    await expect(guildFull).rejects.toMatchObject({ key: "subscriptions.guildLimit" });
    expect(await store.subscriptions.listByUser(userId)).toHaveLength(1);
  });

  it("resumes nothing when the tracker refuses the token (the seed is read first)", async () => {
    const revoked = "tok_service_revoked_0011223344556677";
    fake.addToken(revoked, { nick: "max" });
    const session = fake.addSession(revoked, { active: true });
    const paused = makeSubscription({
      userId,
      channelId,
      guildId,
      session: 8,
      status: "paused",
      pausedReason: "token_invalid",
    });
    await store.subscriptions.put(paused);
    fake.revokeToken(revoked);
    await expect(
      service().subscribe({ ...request(session), token: revoked }),
    ).rejects.toMatchObject({ name: "TrackerAuthError" });
    expect((await store.subscriptions.get(paused.id))?.status).toBe("paused");
  });

  it("follows the active session: none active is said, and the subscription waits for one", async () => {
    const idle = "tok_service_idle_00112233445566778899";
    fake.addToken(idle, { nick: "ida" });
    const outcome = await service().subscribe({
      ...request(null, { target: { kind: "dm", channelId: "2777", guildId: null } }),
      token: idle,
    });
    expect(outcome).toMatchObject({ kind: "saved", noActiveSession: true });
    expect(outcome.subscription).toMatchObject({
      session: null,
      currentSession: null,
      target: "dm",
    });
  });
});
