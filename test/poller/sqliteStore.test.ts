/** The crash-recovery path once more, on the real SQLite store, across a close and re-open. */

import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { createTokenCipher } from "../../src/store/crypto.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { Store } from "../../src/store/types.js";
import { postedSchedules } from "./discordFake.js";
import { createHarness, type Harness, item, scheduleIndex } from "./harness.js";

let t: Harness;
let dir: string;
const cipher = createTokenCipher({ current: randomBytes(32), previous: [] });
const open = (databaseUrl: string) => openStore({ databaseUrl, cipher, logger: silentLogger() });

beforeEach(async () => {
  t = await createHarness();
  dir = await mkdtemp(join(tmpdir(), "ct-poller-"));
});
afterEach(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

it("a half-sent entry survives a restart and is completed without a duplicate", async () => {
  const databaseUrl = `sqlite://${join(dir, "bot.sqlite")}`;
  const token = await t.link("u1");
  const session = t.fake.addSession(token);
  t.fake.addHistory(session, [item(0)]);
  const sub = await t.subscribe({ userId: "u1", channelId: "c1", session });

  let store: Store = await open(databaseUrl);
  await store.accounts.set((await t.store.accounts.get("u1"))!);
  await store.subscriptions.put(sub);
  t.fake.addHistory(
    session,
    Array.from({ length: 250 }, (_, i) => item(i + 1)),
  );
  t.discord.failNext(1, { kind: "crash-after-post" });
  await t.poller({ store }).runCycle();
  const [entry] = await store.outbox.list();
  expect(entry?.messages.length).toBeGreaterThan(1);
  await store.close();

  store = await open(databaseUrl);
  expect(await store.outbox.list()).toEqual([entry]);
  await t.poller({ store }).flushOutbox();
  expect(t.discord.posted).toHaveLength(entry!.messages.length);
  expect(postedSchedules(t.discord.posted).map(scheduleIndex)).toEqual(
    Array.from({ length: 250 }, (_, i) => i + 1),
  );
  expect(await store.outbox.list()).toEqual([]);
  expect((await store.subscriptions.get(sub.id))?.watermark).toBe("2026-02-10T10:04:10.000Z");
  await store.close();
});
