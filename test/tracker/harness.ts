import { afterEach } from "vitest";
import {
  createTrackerClient,
  type TrackerClientOptions,
  type TrackerRequestInfo,
} from "../../src/tracker/client.js";
import type { TrackerClient } from "../../src/tracker/types.js";
import { type FakeTracker, type FakeTrackerOptions, startFakeTracker } from "../fakes/tracker.js";

export const TOKEN = "ct2_SECRET-token-0123456789abcdef";
export const OTHER_TOKEN = "ct2_other-token-fedcba9876543210";

export interface Harness {
  fake: FakeTracker;
  client: TrackerClient;
  /** Every onRequest call, in order. */
  calls: TrackerRequestInfo[];
  sessionId: number;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fake tracker with one account (TOKEN, nick "alice") and one session, plus a fast-retrying client. */
export async function setup(
  clientOptions: Partial<TrackerClientOptions> = {},
  fakeOptions: FakeTrackerOptions = {},
): Promise<Harness> {
  const fake = await startFakeTracker(fakeOptions);
  cleanups.push(() => fake.close());
  fake.addToken(TOKEN, { nick: "alice" });
  const sessionId = fake.addSession(TOKEN);
  const calls: TrackerRequestInfo[] = [];
  const client = createTrackerClient({
    baseUrl: fake.url,
    retryBaseMs: 1,
    timeoutMs: 2000,
    onRequest: (info) => calls.push(info),
    ...clientOptions,
  });
  cleanups.push(() => client.close());
  return { fake, client, calls, sessionId };
}

/** Awaits a promise that must reject and returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}
