/** The two role sync hooks of the poller: extra active-session lookups and their results. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness.js";

let t: Harness;
beforeEach(async () => {
  t = await createHarness();
});
afterEach(async () => {
  await t.close();
});

describe("extraActiveLookups / onActiveSessions", () => {
  it("looks up a member without subscriptions each cycle and reports the running sessions", async () => {
    const token = await t.link("u1");
    const session = t.fake.addSession(token, { active: true });
    const seen: Array<[string, readonly number[]]> = [];
    const poller = t.poller({
      extraActiveLookups: async () => ["u1", "not-linked"],
      onActiveSessions: (userId, ids) => {
        seen.push([userId, ids]);
      },
    });
    await poller.runCycle();
    t.fake.endSession(session);
    await poller.runCycle();
    expect(seen).toEqual([
      ["u1", [session]],
      ["u1", []],
    ]);
    expect(t.count("sessions", token)).toBe(2);
    expect(t.count("histories")).toBe(0);
  });

  it("shares the one sessions request with a follower subscription", async () => {
    const token = await t.link("u1");
    t.fake.addSession(token, { active: true });
    await t.subscribe({ userId: "u1", channelId: "c1", session: null });
    const seen: string[] = [];
    const poller = t.poller({
      extraActiveLookups: () => ["u1"],
      onActiveSessions: (userId) => {
        seen.push(userId);
      },
    });
    t.fake.resetRequests();
    await poller.runCycle();
    expect(t.count("sessions", token)).toBe(1);
    expect(seen).toEqual(["u1"]);
  });

  it("does not report a failed lookup (a 401 is not a success)", async () => {
    const token = await t.link("u1");
    t.fake.addSession(token, { active: true });
    t.fake.revokeToken(token);
    const seen: string[] = [];
    const poller = t.poller({
      extraActiveLookups: () => ["u1"],
      onActiveSessions: (userId) => {
        seen.push(userId);
      },
    });
    await poller.runCycle();
    t.fake.failNext(1, "500", { endpoint: "sessions" });
    await poller.runCycle();
    expect(t.count("sessions")).toBeGreaterThanOrEqual(1);
    expect(seen).toEqual([]);
  });
});
