/**
 * Live status cards end to end: the real bot against the fake Discord (every body checked
 * against Discord's OpenAPI description) and the fake tracker, on a 1 s poll.
 */
import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import type { Harness } from "./harness.js";
import { closeHarnessAfterEach, setup } from "./pollerSetup.js";

closeHarnessAfterEach();

const editWindowMs = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function postCard(h: Harness, userId: string, channelId: string) {
  const handle = await h.discord.interact
    .chatInput({
      userId,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "card",
      subcommand: "post",
      options: { channel: channelId },
    })
    .waitFor("edit", 10_000);
  const text = handle.original?.content ?? "";
  expect(text).toMatch(/Card posted/);
  const messageId = /\/(\d+)\.?\s*It is edited/.exec(text)?.[1] ?? text.match(/(\d+)\. It/)?.[1];
  if (!messageId) throw new Error(`no message link in: ${text}`);
  return messageId;
}

const embedOf = (h: Harness, messageId: string): APIEmbed => {
  const embed = h.discord.message(messageId)?.embeds[0];
  if (!embed) throw new Error("card message has no embed");
  return embed;
};
const field = (embed: APIEmbed, name: RegExp) =>
  embed.fields?.find((f) => name.test(f.name))?.value ?? "";
const editsOf = (h: Harness, messageId: string) =>
  h.discord.requests.filter((r) => r.method === "PATCH" && r.path.endsWith(`/${messageId}`));

describe("live status cards", () => {
  it("follows a burst of 50 changes with at most one edit per window, then shows the release", async () => {
    const { h, userId, session, subscribe } = await setup();
    await subscribe({});
    const status = h.discord.addChannel(h.guildId, { name: "status" });
    const other = h.discord.addChannel(h.guildId, { name: "status-2" });
    const card = await postCard(h, userId, status);
    const gone = await postCard(h, userId, other);
    expect(embedOf(h, card).title).toBe(`lucy · session ${session}`);
    expect(field(embedOf(h, card), /Last change/)).toMatch(/Dice · added \*\*\+1 h\*\*/);

    // Two cards on one session cost nothing: one histories read per poll, as without them.
    await sleep(1500);
    h.tracker.resetRequests();
    const quietFrom = Date.now();
    await sleep(4000);
    const cycles = (Date.now() - quietFrom) / 1000;
    const reads = h.tracker.requests;
    expect(reads.filter((r) => r.endpoint === "histories").length).toBeLessThanOrEqual(
      Math.ceil(cycles) + 1,
    );
    expect(reads.filter((r) => r.endpoint !== "histories" && r.endpoint !== "sessions")).toEqual(
      [],
    );
    expect(editsOf(h, card)).toHaveLength(0);

    // A card whose message was deleted is forgotten at its next edit, never posted again.
    h.discord.deleteMessage(gone);
    const burstFrom = Date.now();
    const schedules: number[] = [];
    for (let i = 0; i < 50; i++) {
      const schedule = Date.UTC(2027, 0, 1) + i * 60_000;
      schedules.push(schedule / 1000);
      h.tracker.addHistory(session, [
        { unit: 60, source: "DICE", happened: new Date(Date.now()), schedule: new Date(schedule) },
      ]);
      await sleep(200);
    }
    const last = schedules.at(-1);
    await h.discord.waitFor(
      () => field(embedOf(h, card), /Release/).includes(`<t:${last}:f>`),
      editWindowMs + 5000,
      "the card to show the last change",
    );
    const edits = editsOf(h, card);
    const burstMs = Date.now() - burstFrom;
    // The mechanism: an edit at most every window, the first one at once.
    expect(edits.length).toBeLessThanOrEqual(Math.ceil(burstMs / editWindowMs) + 1);
    for (let i = 1; i < edits.length; i++)
      expect(edits[i]!.at - edits[i - 1]!.at).toBeGreaterThan(editWindowMs - 1000);
    console.info(
      `[measure] card edits for a burst of 50 changes over ${burstMs} ms: ${edits.length}`,
    );
    expect(field(embedOf(h, card), /Added/)).toMatch(/^\+1 h 50 min \/ -0 s$/);
    expect(field(embedOf(h, card), /Today/)).toBe("+50 min");
    expect(await h.bot.store.cards.list((c) => c.messageId === gone)).toEqual([]);
    expect(h.discord.messages(other)).toEqual([]);

    // The session ends: the card says so, with the final totals, once.
    h.tracker.endSession(session);
    await h.discord.waitFor(
      () => /released/.test(embedOf(h, card).title ?? ""),
      editWindowMs + 8000,
      "the released card",
    );
    const released = embedOf(h, card);
    expect(released.title).toBe(`🔓 lucy · session ${session} · released`);
    expect(released.footer?.text).toBe("The session has ended");
    expect(field(released, /Added/)).toBe("+1 h 50 min / -0 s");
    expect(field(released, /Locked for/)).not.toBe("");
  }, 60_000);
});
