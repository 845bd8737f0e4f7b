/**
 * A third feed is one file: this one. It defines a feed of "notes" served by a tiny HTTP
 * route on 127.0.0.1 (read with real undici), keeps its state where a new feed does
 * (`Subscription.feeds`, src/feeds/storage.ts) in a real SQLite store, and hands the poller
 * the registered feeds plus this one. Nothing else in the project knows it, yet the poller
 * seeds, reads, detects and posts it, exactly once, beside the session's history.
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AnyFeed, Feed } from "../../src/feeds/feed.js";
import { registeredFeeds } from "../../src/feeds/registry.js";
import { storedInMap } from "../../src/feeds/storage.js";
import { createWindow } from "../../src/feeds/window.js";
import { silentLogger } from "../../src/log.js";
import { createTokenCipher } from "../../src/store/crypto.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { Store, Subscription } from "../../src/store/types.js";
import { startingStateFor } from "../../src/subscriptions/start.js";
import { tempFolder } from "../store/helpers.js";
import { postedLines } from "../poller/discordFake.js";
import { base, createHarness, type Harness, intervalMs, item } from "../poller/harness.js";

interface Note {
  id: string;
  session: number;
  text: string;
  happened: Date;
}

/** The notes service: notes of a session from `from` on (inclusive, whole seconds), newest first. */
function startNotes(): { notes: Note[]; requests: string[]; url: Promise<string>; server: Server } {
  const notes: Note[] = [];
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(url.search);
    const session = Number(url.searchParams.get("session"));
    const from = url.searchParams.get("from");
    const fromMs = from === null ? Number.NEGATIVE_INFINITY : Date.parse(from);
    const page = notes
      .filter((n) => n.session === session && n.happened.getTime() >= fromMs)
      .sort((a, b) => b.happened.getTime() - a.happened.getTime());
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(page.map((n) => ({ ...n, happened: n.happened.toISOString() }))));
  });
  const url = new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }),
  );
  return { notes, requests, url, server };
}

/** The feed itself: everything a feed is, in one object. */
function notesFeed(baseUrl: string): Feed<Note, string> {
  const window = createWindow<Note, string>({ key: (note) => note.id }, 60);
  const storage = storedInMap("notes");
  const read = async (session: number, from: Date | undefined): Promise<Note[]> => {
    const query = new URLSearchParams({ session: String(session) });
    if (from !== undefined) query.set("from", from.toISOString());
    const res = await request(`${baseUrl}/notes?${query}`);
    const body = (await res.body.json()) as Array<Omit<Note, "happened"> & { happened: string }>;
    return body
      .map((n) => ({ ...n, happened: new Date(n.happened) }))
      .sort((a, b) => a.happened.getTime() - b.happened.getTime() || (a.id < b.id ? -1 : 1));
  };
  return {
    name: "notes",
    lateWindowSeconds: window.lateWindowSeconds,
    storage,
    wants: () => true,
    readers: (subs) => [...subs],
    since: (subs) => window.since(subs.map((sub) => storage.read(sub).watermark)),
    read: (_tracker, r) => {
      r.onRequest?.();
      return read(r.session, r.from);
    },
    seed: async (_tracker, _token, session) => window.seed(await read(session, undefined)),
    key: (note) => `note:${note.id}`,
    compare: (a, b) => a.happened.getTime() - b.happened.getTime() || (a.id < b.id ? -1 : 1),
    detect: (sub, items) => {
      const { handled, next } = window.detect(storage.read(sub), items);
      return { deliver: handled, next };
    },
    merge: (current, advance) => window.merge(current, advance),
    line: (note) => `📝 ${note.text}`,
  };
}

let t: Harness;
let service: ReturnType<typeof startNotes>;
let folder: Awaited<ReturnType<typeof tempFolder>>;
let store: Store;
const cipher = createTokenCipher({ current: randomBytes(32), previous: [] });
const openSqlite = () =>
  openStore({ databaseUrl: `sqlite://${folder.dir}/bot.sqlite`, cipher, logger: silentLogger() });

beforeEach(async () => {
  t = await createHarness();
  service = startNotes();
  folder = await tempFolder();
  store = await openSqlite();
});
afterEach(async () => {
  await store.close();
  await t.close();
  await new Promise((resolve) => service.server.close(resolve));
  await folder.cleanup();
});

const note = (id: string, session: number, seconds: number): Note => ({
  id,
  session,
  text: `note ${id}`,
  happened: new Date(base + seconds * 1000),
});
const notesPosted = () => postedLines(t.discord.posted).filter((line) => line.startsWith("📝"));

describe("a third feed, registered by a test", () => {
  it("is seeded, read, detected and posted once beside the history, and not again", async () => {
    const feeds: readonly AnyFeed[] = [...registeredFeeds, notesFeed(await service.url)];
    const token = `tok_notes_${randomBytes(8).toString("hex")}`;
    t.fake.addToken(token, { nick: "Alice" });
    const session = t.fake.addSession(token);
    t.fake.addHistory(session, [item(0)]);
    service.notes.push(note("old", session, 0));
    await store.accounts.set({
      userId: "u1",
      token,
      nick: "Alice",
      linkedAt: t.now().toISOString(),
    });
    // Where /subscribe starts a subscription, in every feed it reads: the old note is handled.
    const start = await startingStateFor(t.tracker, token, session, {}, feeds);
    service.requests.length = 0;
    const sub: Subscription = {
      ...{ id: "s1", guildId: "g1", channelId: "c1", userId: "u1", session, filters: {} },
      ...{ createdAt: t.now().toISOString(), status: "active", pausedReason: null, pausedAt: null },
      ...{ currentSession: session, lastPostAt: null },
      ...start,
    };
    expect(sub.feeds?.notes).toEqual({ watermark: new Date(base).toISOString(), seen: ["old"] });
    await store.subscriptions.put(sub);

    const poller = t.poller({ store, feeds });
    expect(await poller.runCycle()).toMatchObject({ messagesSent: 0 });
    service.notes.push(note("a", session, 10), note("b", session, 12));
    t.fake.addHistory(session, [item(11)]);
    t.advance(intervalMs);
    expect(await poller.runCycle()).toMatchObject({ itemsDelivered: 3, messagesSent: 1 });
    // One message, in the order things happened: note a, the history item, note b.
    const lines = postedLines(t.discord.posted);
    expect(lines).toHaveLength(3);
    expect([lines[0], lines[2]]).toEqual(["📝 note a", "📝 note b"]);
    expect(lines[1]).toMatch(/release <t:/);

    // A note committed late inside the window, then the same reads again: each note once.
    service.notes.push(note("late", session, 11));
    t.advance(intervalMs);
    await poller.runCycle();
    t.advance(intervalMs);
    expect(await poller.runCycle()).toMatchObject({ messagesSent: 0 });
    expect(notesPosted()).toEqual(["📝 note a", "📝 note b", "📝 note late"]);
    expect(service.requests.every((query) => query.includes("from="))).toBe(true);

    // The state is in the store (SQLite): a restart reads it back and posts nothing again.
    await poller.stop();
    await store.close();
    store = await openSqlite();
    const stored = await store.subscriptions.get("s1");
    expect(stored?.feeds?.notes?.watermark).toBe(new Date(base + 12_000).toISOString());
    expect(stored?.watermark).toBe(new Date(base + 11_000).toISOString());
    t.advance(intervalMs);
    expect(await t.poller({ store, feeds }).runCycle()).toMatchObject({ messagesSent: 0 });
    expect(notesPosted()).toHaveLength(3);
  });
});
