import path from "node:path";
import { expect, it } from "vitest";
import { useChildFakes } from "./child.js";
import { botEnv, memberBasics } from "./harness.js";
import { burst, expectedSchedules, postedLines, postedSchedules } from "./posts.js";

const fakes = useChildFakes();

it("loses nothing and posts nothing twice when the process is SIGKILLed in the middle of a burst", async () => {
  const { discord, tracker, dir } = fakes;
  const guildId = discord.addGuild({ name: "Crash server", everyonePermissions: memberBasics });
  const channelId = discord.addChannel(guildId, { name: "log" });
  const userId = discord.addMember(guildId, { username: "lucy" });
  const token = "tok_crash_0a1b2c3d4e5f60718293a4b5c6d7";
  tracker.addToken(token, { nick: "lucy" });
  const session = tracker.addSession(token, { active: true });
  const env = botEnv(discord, tracker, path.join(dir, "bot.sqlite"), { LOG_LEVEL: "info" });
  const start = async () => {
    const child = fakes.spawn(env);
    const connected = discord.gateway.identifies.length;
    await discord.waitFor(
      () => discord.gateway.identifies.length > connected,
      30_000,
      "the child to log in",
    );
    return child;
  };

  let child = await start();
  // /link and /subscribe go through the child process like a member's would.
  discord.interact.chatInput({ userId, guildId, channelId, name: "link" });
  await discord.interact
    .modalSubmit({ userId, guildId, channelId, customId: "link:modal", fields: { token } })
    .waitFor("edit", 10_000);
  const sub = await discord.interact
    .chatInput({ userId, guildId, channelId, name: "subscribe", options: { session } })
    .waitFor("edit", 10_000);
  expect(sub.original?.content).toMatch(/Subscribed/);

  // About a dozen messages: the channel rate limit (5 per 5 s) spreads them over ~10 s.
  const total = 600;
  tracker.addHistory(session, burst(total, Date.parse("2026-03-01T00:00:00Z")));
  await discord.waitFor(
    () => postedLines(discord, channelId).length >= 150,
    30_000,
    "the burst to start",
  );
  child.process.kill("SIGKILL");
  await child.exited;
  const beforeRestart = postedLines(discord, channelId).length;
  expect(beforeRestart).toBeLessThan(total);

  child = await start();
  await discord.waitFor(
    () => postedLines(discord, channelId).length >= total,
    60_000,
    "every item",
  );
  await new Promise((r) => setTimeout(r, 2500));
  expect(postedSchedules(discord, channelId)).toEqual(expectedSchedules(total));
  // The rest came from the saved outbox entry, re-sent unchanged (same nonces).
  expect(child.output()).toContain("re-sending pending posts");
  child.process.kill("SIGTERM");
  expect((await child.exited).code).toBe(0);
}, 120_000);
