/**
 * The data folder on a real small file system (a tmpfs this test mounts):
 * full, read-only (also at start), locked by another program. Checks the log
 * lines, /healthz, reads answering, writes refused clearly, delivery exactly
 * once after recovery, and an intact database.
 */
import { afterAll, afterEach, describe, expect, it, onTestFinished } from "vitest";
import { PermissionFlagsBits } from "discord.js";
import type { InteractionHandle } from "../fakes/discord/index.js";
import { type Harness, memberBasics } from "./harness.js";
import {
  canMountTmpfs,
  health,
  holdLock,
  mountSmallDisk,
  recordHealth,
  type SmallDisk,
  secondConnection,
} from "./hostFs.js";
import { closeHarnessAfterEach, later, setup } from "./pollerSetup.js";
import { burst, expectedSchedules, postedSchedules } from "./posts.js";

const mountable = await canMountTmpfs();
if (!mountable) console.warn("[skip] hostStore: this machine does not let the test mount a tmpfs");

closeHarnessAfterEach();
const disks: SmallDisk[] = [];
afterEach(async () => {
  for (const disk of disks) await disk.readOnly(false).catch(() => undefined);
});
afterAll(async () => {
  for (const disk of disks) await disk.unmount();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}
const logLines = (h: Harness): LogLine[] =>
  h
    .logs()
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as LogLine);
const errorsAndWarnings = (h: Harness, from: number) =>
  logLines(h)
    .slice(from)
    .filter((l) => l.level >= 40);

async function start() {
  const disk = await mountSmallDisk();
  disks.push(disk);
  const env = {
    DATABASE_URL: `sqlite://${disk.databaseFile}`,
    HEALTH_PORT: "0",
    HEALTH_HOST: "127.0.0.1",
  };
  const started = await setup(env);
  await started.subscribe();
  const port = started.h.bot.healthPort;
  if (port === undefined) throw new Error("no health port");
  const first = await health(port);
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  return { ...started, port, disk };
}

function slash(h: Harness, userId: string, name: string, options: Record<string, unknown> = {}) {
  return h.discord.interact.chatInput({
    userId,
    guildId: h.guildId,
    channelId: h.channelId,
    name,
    options: options as never,
  });
}

/** What the member read last: the edited reply or the last follow-up. */
const replyText = (handle: InteractionHandle): string =>
  [
    handle.original?.content ?? "",
    JSON.stringify(handle.original?.embeds ?? []),
    ...handle.followups.map((m) => m.content),
  ].join("\n");

async function tryLink(h: Harness, userId: string) {
  await slash(h, userId, "link").waitFor("ack");
  return h.discord.interact
    .modalSubmit({
      userId,
      guildId: h.guildId,
      channelId: h.channelId,
      customId: "link:modal",
      fields: { token: "tok_mia_0011223344556677889900aa" },
    })
    .waitFor("edit", 10_000);
}

describe.skipIf(!mountable)("the data folder's file system", () => {
  it("disk full: one error line, 503 with the reason, reads answer, /link refuses, every item once after", async () => {
    const { h, session, userId, port, disk } = await start();
    const mia = h.member("mia");
    h.tracker.addToken("tok_mia_0011223344556677889900aa", { nick: "mia" });
    const timeline = recordHealth(port);
    const logsBefore = logLines(h).length;
    await disk.fill();
    const fullAt = performance.now();
    h.tracker.addHistory(session, burst(6, later(0)));
    await sleep(4000);
    expect(postedSchedules(h.discord, h.channelId)).toEqual([]);

    const sick = await health(port);
    expect(sick.status).toBe(503);
    expect(String(sick.body.reason)).toMatch(
      /store cannot write: the disk holding .*bot\.sqlite is full/,
    );
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^store_writable 0$/m);
    expect(Number(/^store_write_errors_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThan(0);

    const histories = await slash(h, userId, "histories", { session }).waitFor("edit");
    expect(histories.original?.embeds[0]?.description).toMatch(/Session started/);
    const link = await tryLink(h, mia);
    expect(link.original?.content).toMatch(
      /cannot save right now: its disk is full\. Nothing was changed/,
    );

    // One line from the store, one from /healthz turning unavailable; none per item, poll or probe.
    const listed = await slash(h, userId, "subscriptions").waitFor("reply");
    expect(replyText(listed)).toMatch(/Your subscriptions/);
    expect(replyText(listed)).toMatch(/session \d+/);
    expect(replyText(listed)).not.toMatch(/went wrong|cannot save/);
    const german = await h.discord.interact
      .chatInput({
        userId,
        guildId: h.guildId,
        channelId: h.channelId,
        name: "language",
        subcommand: "set",
        options: { locale: "fr" },
        locale: "de",
        memberPermissions: memberBasics | PermissionFlagsBits.ManageGuild,
      })
      .waitFor("reply");
    expect(replyText(german)).toMatch(
      /Der Bot kann gerade nichts speichern: sein Speicher ist voll\. Es wurde nichts geändert/,
    );

    const lines = errorsAndWarnings(h, logsBefore);
    expect(lines.map((l) => l.msg)).toEqual([
      expect.stringMatching(
        /^store cannot write: the disk holding .*bot\.sqlite is full: new posts are held/,
      ),
      "health: unavailable",
    ]);

    await disk.free();
    const freedAt = performance.now();
    await h.discord.waitFor(
      () => postedSchedules(h.discord, h.channelId).length >= 6,
      15_000,
      "6 held items",
    );
    const postedAfterMs = performance.now() - freedAt;
    await sleep(1500);
    expect(postedSchedules(h.discord, h.channelId)).toEqual(expectedSchedules(6));
    expect((await health(port)).status).toBe(200);
    const ended = logLines(h).filter((l) => l.msg.startsWith("store can write again"));
    expect(ended).toHaveLength(1);
    // mia's link was refused, so she is still not linked.
    const stillUnlinked = await slash(h, mia, "histories", { session }).waitFor("edit");
    expect(stillUnlinked.original?.content).toMatch(/not linked/);
    const db = secondConnection(disk.databaseFile);
    expect(await db.integrity()).toBe("ok");
    await db.close();
    console.info(
      `[measure] disk full for ${((freedAt - fullAt) / 1000).toFixed(1)} s: ${lines.length} error/warn line(s); held items posted ${postedAfterMs.toFixed(0)} ms after space returned; /healthz: ${await timeline.stop()}`,
    );
  }, 60_000);

  it("read-only at start: starts, says so, and recovers without a restart once writable", async () => {
    const { h, session, port, disk } = await start();
    // A file system with the database open for writing cannot turn read-only: stop first.
    await h.restart(() => disk.readOnly(true));
    const restartedPort = h.bot.healthPort ?? port;
    const logsBefore = logLines(h).length;
    const timeline = recordHealth(restartedPort);
    h.tracker.addHistory(session, burst(4, later(0)));
    await sleep(4000);
    expect(postedSchedules(h.discord, h.channelId)).toEqual([]);
    const sick = await health(restartedPort);
    expect(sick.status).toBe(503);
    expect(String(sick.body.reason)).toMatch(/store cannot write: .*bot\.sqlite/);
    const faults = errorsAndWarnings(h, logsBefore).filter((l) => l.msg !== "health: unavailable");
    expect(faults).toHaveLength(1);
    expect(faults[0]?.msg).toMatch(/read-only|cannot open or create files/);

    const bot = h.bot;
    await disk.readOnly(false);
    const writableAt = performance.now();
    await h.discord.waitFor(
      () => postedSchedules(h.discord, h.channelId).length >= 4,
      20_000,
      "4 held items",
    );
    const recoveredMs = performance.now() - writableAt;
    await sleep(1500);
    expect(h.bot).toBe(bot);
    expect(postedSchedules(h.discord, h.channelId)).toEqual(expectedSchedules(4));
    expect(logLines(h).filter((l) => l.msg.startsWith("store can write again"))).toHaveLength(1);
    expect((await health(restartedPort)).status).toBe(200);
    const db = secondConnection(disk.databaseFile);
    expect(await db.integrity()).toBe("ok");
    await db.close();
    console.info(
      `[measure] read-only start: held items posted ${recoveredMs.toFixed(0)} ms after the folder became writable, no restart; /healthz: ${await timeline.stop()}`,
    );
  }, 60_000);

  it("locked by another program: 503 while locked, every item once after the lock is released", async () => {
    const { h, session, port, disk } = await start();
    const timeline = recordHealth(port);
    const lock = await holdLock(disk.databaseFile);
    // A failed assertion must not leave the lock to block the bot's shutdown.
    onTestFinished(() => lock.release());
    const lockedAt = performance.now();
    h.tracker.addHistory(session, burst(3, later(0)));
    const lockLines = () => logLines(h).filter((l) => /^store (still )?cannot write/.test(l.msg));
    await h.discord
      // Queries queued behind the lock each wait out the 5 s busy timeout first.
      .waitFor(() => lockLines().length > 0, 45_000, "the lock's log line")
      .catch(() => undefined);
    const lockLogMs = performance.now() - lockedAt;
    expect(lockLines().map((l) => l.msg)).toEqual([
      expect.stringMatching(
        /^store cannot write: another program holds the write lock on .*bot\.sqlite/,
      ),
    ]);
    const sick = await health(port);
    expect(sick.status).toBe(503);
    expect(postedSchedules(h.discord, h.channelId)).toEqual([]);
    await lock.release();
    const releasedAt = performance.now();
    await h.discord.waitFor(
      () => postedSchedules(h.discord, h.channelId).length >= 3,
      20_000,
      "3 held items",
    );
    const postedMs = performance.now() - releasedAt;
    await sleep(1500);
    expect(postedSchedules(h.discord, h.channelId)).toEqual(expectedSchedules(3));
    const db = secondConnection(disk.databaseFile);
    expect(await db.integrity()).toBe("ok");
    await db.close();
    expect((await health(port)).status).toBe(200);
    console.info(
      `[measure] locked: first log line ${lockLogMs.toFixed(0)} ms after the lock; held items posted ${postedMs.toFixed(0)} ms after the release; /healthz: ${await timeline.stop()}`,
    );
  }, 90_000);
});
