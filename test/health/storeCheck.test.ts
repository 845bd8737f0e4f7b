/** The store part of /healthz: always an answer in time, "ok" through a slow ping, never through a stuck one. */
import { describe, expect, it } from "vitest";
import { createStoreCheck } from "../../src/health/storeCheck.js";
import { silentLogger } from "../../src/log.js";

/** A ping the test answers by hand, and a clock it moves by hand. */
function setup(staleMs = 5_000) {
  let clock = 0;
  const calls: ((answer: "ok" | "busy") => void)[] = [];
  const check = createStoreCheck({
    ping: () => new Promise((resolve) => calls.push(resolve)),
    timeoutMs: 20,
    staleMs,
    logger: silentLogger(),
    now: () => clock,
  });
  return {
    check,
    calls,
    advance: (ms: number) => {
      clock += ms;
    },
    answer: async (value: "ok" | "busy") => {
      calls.at(-1)?.(value);
      await new Promise((r) => setImmediate(r));
    },
  };
}

describe("the /healthz store check", () => {
  it("says timeout when the very first ping does not answer in time", async () => {
    const s = setup();
    expect(await s.check()).toBe("timeout");
  });

  it("stays ok through a slow ping after a success, and says timeout once it has hung for staleMs", async () => {
    const s = setup(5_000);
    const first = s.check();
    await s.answer("ok");
    expect(await first).toBe("ok");
    s.advance(1_000);
    expect(await s.check()).toBe("ok");
    expect(s.calls).toHaveLength(2);
    // The same pending ping is shared, not asked again.
    s.advance(3_000);
    expect(await s.check()).toBe("ok");
    expect(s.calls).toHaveLength(2);
    s.advance(2_000);
    expect(await s.check()).toBe("timeout");
    // It answers at last: the store is slow again, not stuck, and the next slow ping reads ok.
    await s.answer("ok");
    expect(await s.check()).toBe("ok");
    expect(s.calls).toHaveLength(3);
  });

  it("says busy as soon as the probe does, even right after a success", async () => {
    const s = setup();
    const first = s.check();
    await s.answer("ok");
    await first;
    const second = s.check();
    await s.answer("busy");
    expect(await second).toBe("busy");
  });

  it("says error when the ping rejects", async () => {
    const check = createStoreCheck({
      ping: async () => Promise.reject(new Error("cannot open postgres://bot:hunter2@db")),
      timeoutMs: 20,
      logger: silentLogger(),
    });
    expect(await check()).toBe("error");
  });
});
