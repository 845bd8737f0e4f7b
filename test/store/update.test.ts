import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { Store } from "../../src/store/types.js";
import { cipherFor, makeSubscription, randomKey, tempFolder } from "./helpers.js";

let store: Store;
let file: string;
let cleanup: () => Promise<void>;
const key = randomKey();

beforeEach(async () => {
  const folder = await tempFolder();
  cleanup = folder.cleanup;
  file = join(folder.dir, "bot.sqlite");
  store = await openStore({
    databaseUrl: `sqlite://${file}`,
    cipher: cipherFor(key),
    logger: silentLogger(),
  });
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

it("never brings back a subscription deleted while the update was queued", async () => {
  await store.subscriptions.put(makeSubscription({ id: "s1" }));
  // A delivery finishing (update) races /unsubscribe (delete) queued just before it.
  const deleted = store.subscriptions.delete("s1");
  const updated = store.subscriptions.update("s1", (s) => ({
    ...s,
    watermark: "2026-02-03T10:00:00.000Z",
  }));
  expect(await deleted).toBe(true);
  expect(await updated).toBeUndefined();
  await store.close();
  store = await openStore({
    databaseUrl: `sqlite://${file}`,
    cipher: cipherFor(key),
    logger: silentLogger(),
  });
  expect(await store.subscriptions.get("s1")).toBeUndefined();
});

it("sees every write queued before it, so concurrent changes compose", async () => {
  await store.subscriptions.put(makeSubscription({ id: "s2", status: "active" }));
  const [paused, advanced] = await Promise.all([
    store.subscriptions.update("s2", (s) => ({
      ...s,
      status: "paused",
      pausedReason: "missing_access",
    })),
    store.subscriptions.update("s2", (s) => ({ ...s, watermark: "2026-02-03T10:00:00.000Z" })),
  ]);
  expect(paused?.status).toBe("paused");
  expect(advanced).toMatchObject({ status: "paused", watermark: "2026-02-03T10:00:00.000Z" });
  expect(await store.subscriptions.get("s2")).toMatchObject({
    status: "paused",
    pausedReason: "missing_access",
    watermark: "2026-02-03T10:00:00.000Z",
  });
});

it("leaves the record alone when the change returns undefined", async () => {
  await store.subscriptions.put(makeSubscription({ id: "s3", watermark: null }));
  expect(await store.subscriptions.update("s3", () => undefined)).toBeUndefined();
  expect((await store.subscriptions.get("s3"))?.watermark).toBeNull();
});
