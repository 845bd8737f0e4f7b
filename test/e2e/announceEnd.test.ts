/**
 * The release announced exactly once, across SIGKILLs: once while its post was saved but not yet
 * sent (Discord refusing), once after it was sent (the follower reads the ended session again).
 */
import path from "node:path";
import { expect, it } from "vitest";
import { useChildFakes } from "./child.js";
import { botEnv, memberBasics } from "./harness.js";
import { storedRows } from "./storeScan.js";

const fakes = useChildFakes();
const day = 86_400_000;

it("announces a session's end once, also across SIGKILLs before and after the post", async () => {
  const { discord, tracker, dir } = fakes;
  const guildId = discord.addGuild({ name: "Release server", everyonePermissions: memberBasics });
  const channelId = discord.addChannel(guildId, { name: "log" });
  const userId = discord.addMember(guildId, { username: "lucy" });
  const token = "tok_release_0a1b2c3d4e5f60718293a4b5c6d7";
  tracker.addToken(token, { nick: "lucy" });
  const start = Date.now() - (12 * day + 4 * 3_600_000);
  const session = tracker.addSession(token, { active: true, start: new Date(start) });
  tracker.addHistory(session, [
    { type: "START", happened: new Date(start), schedule: new Date(start + 10 * day) },
    { unit: 2 * 86_400, source: "DICE", happened: new Date(start + 60_000), schedule: null },
    { type: "SUB", unit: 3600, source: "LINK", happened: new Date(start + 120_000) },
  ]);
  const database = path.join(dir, "bot.sqlite");
  const env = botEnv(discord, tracker, database, { LOG_LEVEL: "info" });
  const start_ = async () => {
    const child = fakes.spawn(env);
    const connected = discord.gateway.identifies.length;
    await discord.waitFor(
      () => discord.gateway.identifies.length > connected,
      30_000,
      "the child to log in",
    );
    return child;
  };
  const announcementPosts = () =>
    discord.requests.filter(
      (r) =>
        r.method === "POST" &&
        r.path === `/channels/${channelId}/messages` &&
        r.status === 200 &&
        JSON.stringify(r.body).includes("was released from session"),
    );

  let child = await start_();
  discord.interact.chatInput({ userId, guildId, channelId, name: "link" });
  await discord.interact
    .modalSubmit({ userId, guildId, channelId, customId: "link:modal", fields: { token } })
    .waitFor("edit", 10_000);
  const sub = await discord.interact
    .chatInput({ userId, guildId, channelId, name: "subscribe", options: { announce_end: true } })
    .waitFor("edit", 10_000);
  expect(sub.original?.content).toMatch(/Its end will be announced once/);

  // Discord refuses posts for now: the announcement is saved, not sent, when the process dies.
  discord.failChannel(channelId, { status: 500, code: 0, message: "Internal Server Error" });
  tracker.endSession(session, new Date());
  // Saved, and the subscription marked (a kill between the two writes re-saves the same entry,
  // which Discord's nonce check answers with the first message: not what this test is about).
  const saved = async () => {
    const rows = await storedRows(database);
    return (
      rows.some((r) => r.namespace === "outbox" && r.text.includes("was released from session")) &&
      rows.some(
        (r) => r.namespace === "subscriptions" && r.text.includes(`"endAnnounced":${session}`),
      )
    );
  };
  const deadline = Date.now() + 20_000;
  while (!(await saved())) {
    if (Date.now() > deadline) throw new Error("the announcement was never saved");
    await new Promise((r) => setTimeout(r, 200));
  }
  child.process.kill("SIGKILL");
  await child.exited;
  expect(announcementPosts()).toHaveLength(0);

  discord.failChannel(channelId, null);
  child = await start_();
  await discord.waitFor(() => announcementPosts().length > 0, 20_000, "the announcement");
  const [post] = announcementPosts();
  const text = JSON.stringify(post?.body);
  expect(text).toContain(`**lucy** was released from session ${session} after **12 days 4 h`);
  expect(text).toContain("Time added in all: **2 days** · removed: **1 h**");

  // Killed after the post: the follower reads the ended session again, and says nothing more.
  await new Promise((r) => setTimeout(r, 1500));
  child.process.kill("SIGKILL");
  await child.exited;
  tracker.resetRequests();
  child = await start_();
  await discord.waitFor(
    () => tracker.requests.some((r) => r.endpoint === "histories"),
    15_000,
    "the ended session's read after the restart",
  );
  await new Promise((r) => setTimeout(r, 3000));
  expect(announcementPosts()).toHaveLength(1);
  expect(
    discord.messages(channelId).filter((m) => /released/.test(JSON.stringify(m.embeds))),
  ).toHaveLength(1);
  child.process.kill("SIGTERM");
  expect((await child.exited).code).toBe(0);
}, 120_000);
