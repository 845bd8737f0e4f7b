/**
 * The nonce-age warning on an injected clock whose wall clock steps an hour either way: the age
 * of a post seen in this run is its monotonic age; an earlier run's post goes by its date.
 */
import { describe, expect, it } from "vitest";
import { createNonceWarning } from "../../src/poller/sender/nonceWarning.js";
import type { OutboxEntry } from "../../src/store/types.js";
import { createFakeClock } from "../fakes/clock.js";
import { captureLogger } from "../store/helpers.js";

const minute = 60_000;
const hour = 60 * minute;
const windowMs = 3 * minute;

let n = 0;
function entry(createdAt: number): OutboxEntry {
  n++;
  return {
    id: `entry-${n}`,
    channelId: `channel-${n}`,
    messages: [{ nonce: `nonce-${n}`, body: {} }],
    sent: 0,
    advances: [],
    createdAt: new Date(createdAt).toISOString(),
  };
}

function setup() {
  const clock = createFakeClock();
  const { logger, lines } = captureLogger();
  const warn = createNonceWarning(logger, windowMs, clock);
  const warnings = () => lines.filter((l) => l.msg.includes("older than Discord's nonce memory"));
  return { clock, warn, warnings };
}

describe("the nonce-age warning", () => {
  it("still warns for an old post after the wall clock stepped back an hour", async () => {
    const { clock, warn, warnings } = setup();
    const post = entry(clock.wall());
    warn.seen(post);
    await clock.advance(5 * minute);
    clock.stepWall(-hour);
    warn(post, 0);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({ ageSeconds: 300, nonceWindowSeconds: 180 });
  });

  it("does not warn for a fresh post after the wall clock stepped forward an hour", async () => {
    const { clock, warn, warnings } = setup();
    const post = entry(clock.wall());
    warn.seen(post);
    await clock.advance(minute);
    clock.stepWall(hour);
    warn(post, 0);
    expect(warnings()).toHaveLength(0);
    // Its window ends on the monotonic clock all the same.
    await clock.advance(2 * minute + 1000);
    warn(post, 0);
    expect(warnings()).toHaveLength(1);
  });

  it("judges an earlier run's post by its date, capped, then on this run's clock", async () => {
    const { clock, warn, warnings } = setup();
    const old = entry(clock.wall() - 10 * minute);
    warn(old, 0);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({ ageSeconds: 600 });
    // Dated an hour ahead (that run's wall clock was ahead): its window is a window, no more.
    const ahead = entry(clock.wall() + hour);
    warn.seen(ahead);
    await clock.advance(windowMs - 1000);
    warn(ahead, 0);
    expect(warnings()).toHaveLength(1);
    await clock.advance(2000);
    warn(ahead, 0);
    expect(warnings()).toHaveLength(2);
  });
});
