import { describe, expect, it } from "vitest";
import { StartupError } from "../../src/startup/discord.js";
import { within } from "../../src/startup/deadline.js";
import { watchParent } from "../../src/startup/parentWatch.js";

describe("within", () => {
  it("passes on the result of a step that finishes", async () => {
    await expect(within("a quick step", 1000, Promise.resolve(42))).resolves.toBe(42);
  });

  it("gives up on a step that never ends, naming what it waited for", async () => {
    const never = new Promise<never>(() => {});
    const failure = await within("the database (DATABASE_URL) to open", 20, never).catch(
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(StartupError);
    expect((failure as Error).message).toBe(
      "gave up after 0 s waiting for the database (DATABASE_URL) to open",
    );
  });
});

describe("watchParent", () => {
  const tick = () => new Promise((r) => setTimeout(r, 30));

  it("reports once when the parent pid changes (re-parented after npm died)", async () => {
    let parent = 4242;
    const seen: { from: number; to: number }[] = [];
    const stop = watchParent((info) => seen.push(info), { intervalMs: 5, ppid: () => parent });
    await tick();
    expect(seen).toEqual([]);
    parent = 1;
    await tick();
    parent = 77;
    await tick();
    stop();
    expect(seen).toEqual([{ from: 4242, to: 1 }]);
  });

  it.each([
    [1, "under systemd or tini"],
    [0, "as PID 1 in a container"],
  ])("does not watch when the parent pid is %i (%s)", async (first) => {
    let parent = first;
    const seen: unknown[] = [];
    const stop = watchParent((info) => seen.push(info), { intervalMs: 5, ppid: () => parent });
    parent = 99;
    await tick();
    stop();
    expect(seen).toEqual([]);
  });
});
