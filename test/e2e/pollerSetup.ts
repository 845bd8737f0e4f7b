/** One linked member with an active session, for the poller end-to-end tests. */
import { afterEach, expect } from "vitest";
import { type Harness, type HarnessOptions, linkMember, startHarness } from "./harness.js";

let h: Harness | undefined;

/** Registers the clean-up of the harness that `setup` starts, once per test file. */
export function closeHarnessAfterEach() {
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
}

export const token = "tok_poll_77aa66bb55cc44dd33ee22ff1100";

/** A harness with one linked member, an active session with two old items, and helpers. */
export async function setup(env: Record<string, string> = {}, options: HarnessOptions = {}) {
  const harness = await startHarness({ ...options, env });
  h = harness;
  const userId = harness.member("lucy");
  harness.tracker.addToken(token, { nick: "lucy" });
  const session = harness.tracker.addSession(token, { active: true });
  harness.tracker.addHistory(session, [
    { type: "START", happened: "2026-02-03 09:30:07.123", schedule: "2026-02-10 00:00:00" },
    { unit: 3600, happened: "2026-02-03 10:00:00.000", schedule: "2026-02-10 01:00:00" },
  ]);
  await linkMember(harness, userId, token);
  const subscribe = async (
    options: Record<string, string | number | boolean> = { session },
    asUser = userId,
  ) => {
    const handle = await harness.discord.interact
      .chatInput({
        userId: asUser,
        guildId: harness.guildId,
        channelId: harness.channelId,
        name: "subscribe",
        options,
      })
      .waitFor("edit");
    expect(handle.original?.content).toMatch(/Subscribed|Resumed/);
    return handle;
  };
  return { h: harness, userId, session, subscribe };
}

export const later = (seconds: number) => Date.parse("2026-02-03T12:00:00Z") + seconds * 1000;
