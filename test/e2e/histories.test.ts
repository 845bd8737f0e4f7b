import type { APIEmbed, APIMessage } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, linkMember, startHarness } from "./harness.js";

let h: Harness;
let owner: string;
let session: number;
const token = "tok_hist_5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d";

beforeAll(async () => {
  h = await startHarness({ env: { TRACKER_TIMEOUT_SECONDS: "1" } });
  owner = h.member("owner");
  h.tracker.addToken(token, { nick: "lucy" });
  h.tracker.addSession(token, {
    id: 41,
    active: false,
    start: "2026-01-01 10:00:00",
    end: "2026-01-10 10:00:00",
  });
  session = h.tracker.addSession(token, { id: 77, active: true, start: "2026-02-03 09:30:07" });
  h.tracker.addHistory(session, [
    { type: "START", happened: "2026-02-03 09:30:07.123", schedule: "2026-02-10 00:00:00" },
    {
      type: "ADD",
      unit: 86400,
      source: "DICE",
      happened: "2026-02-03 10:02:11.456",
      schedule: "2026-02-11 00:00:00",
    },
    {
      type: "ADD",
      unit: 7200,
      source: "PENALTY",
      dom: 1,
      happened: "2026-02-03 11:00:00.000",
      schedule: "2026-02-11 02:00:00",
    },
    {
      type: "SUB",
      unit: 1800,
      source: "LUCK",
      happened: "2026-02-03 12:00:00.000",
      schedule: "2026-02-11 01:30:00",
    },
    {
      type: "ADD",
      unit: 90061,
      source: "MANUAL",
      happened: "2026-02-03 13:00:00.000",
      schedule: "2026-02-12 02:31:01",
    },
  ]);
  await linkMember(h, owner, token);
});
afterAll(async () => {
  await h.close();
});

function run(options: Record<string, string | number | boolean>, userId = owner) {
  return h.discord.interact.chatInput({
    userId,
    guildId: h.guildId,
    channelId: h.channelId,
    name: "histories",
    options,
  });
}

function embedOf(message: APIMessage | null): APIEmbed {
  const embed = message?.embeds[0];
  if (!embed) throw new Error(`no embed in ${JSON.stringify(message)}`);
  return embed;
}

interface Button {
  custom_id: string;
  disabled?: boolean;
}

function buttons(message: APIMessage | null): Button[] {
  const rows: unknown[] = message?.components ?? [];
  return rows.flatMap((row) =>
    typeof row === "object" && row !== null && "components" in row && Array.isArray(row.components)
      ? (row.components as Button[])
      : [],
  );
}

describe("/histories", () => {
  it("shows the newest items first with durations, dom marker, timestamps, summary and footer", async () => {
    const handle = await run({ session }).waitFor("edit");
    expect(handle.ackType).toBe(5);
    expect(handle.ephemeral).toBe(true);
    const embed = embedOf(handle.original);
    const lines = embed.description?.split("\n") ?? [];
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain("+1 day 1 h 1 min 1 s");
    expect(lines[1]).toMatch(/Luck.*removed.*-30 min/);
    expect(lines[2]).toMatch(/Penalty.*\+2 h.*by dom/);
    expect(lines[3]).toContain("+1 day");
    expect(lines[3]).toContain("<t:1770112931:R>");
    expect(lines[4]).toMatch(/Session started/);
    expect(embed.title).toContain("lucy");
    expect(embed.footer?.text).toContain("Page 1");
    expect(JSON.stringify(embed.fields)).toMatch(/\+2 days 1 h 31 min 1 s|over 4 changes/);
  });

  it("pages older and newer with the buttons through the tracker's cursor", async () => {
    const handle = await run({ session, limit: 2 }).waitFor("edit");
    const first = embedOf(handle.original).description;
    expect(first?.split("\n")).toHaveLength(2);
    const older = buttons(handle.original).find((b) => b.custom_id.startsWith("histories:older:"));
    expect(older?.disabled).toBeFalsy();
    expect(
      buttons(handle.original).find((b) => b.custom_id.startsWith("histories:newer:"))?.disabled,
    ).toBe(true);

    const press = (customId: string) =>
      h.discord.interact
        .button({
          userId: owner,
          guildId: h.guildId,
          channelId: h.channelId,
          customId,
          message: handle.original!,
        })
        .waitFor("edit");
    h.tracker.resetRequests();
    await press(older!.custom_id);
    expect(h.tracker.requests.at(-1)?.query.cursor).toBeTruthy();
    const page2 = embedOf(handle.original);
    expect(page2.footer?.text).toContain("Page 2");
    expect(page2.description).not.toEqual(first);
    expect(page2.description).toMatch(/Penalty/);

    await press(older!.custom_id);
    const page3 = embedOf(handle.original);
    expect(page3.footer?.text).toContain("Page 3");
    expect(page3.description).toMatch(/Session started/);
    expect(
      buttons(handle.original).find((b) => b.custom_id.startsWith("histories:older:"))?.disabled,
    ).toBe(true);

    const newer = buttons(handle.original).find((b) => b.custom_id.startsWith("histories:newer:"))!;
    await press(newer.custom_id);
    expect(embedOf(handle.original).description).toEqual(page2.description);
    await press(newer.custom_id);
    expect(embedOf(handle.original).description).toEqual(first);
  });

  it("refuses the buttons to anyone but the member who ran the command", async () => {
    const handle = await run({ session, limit: 2, public: true }).waitFor("edit");
    expect(handle.ephemeral).toBe(false);
    const before = JSON.stringify(handle.original?.embeds);
    const older = buttons(handle.original).find((b) => b.custom_id.startsWith("histories:older:"))!;
    const intruder = h.member("intruder");
    const press = await h.discord.interact
      .button({
        userId: intruder,
        guildId: h.guildId,
        channelId: h.channelId,
        customId: older.custom_id,
        message: handle.original!,
      })
      .waitFor("reply");
    expect(press.ackType).toBe(4);
    expect(JSON.stringify(press.responses[0]?.data)).toMatch(/Only the member who ran/);
    expect(press.responses[0]?.data).toMatchObject({ flags: 64 });
    expect(JSON.stringify(handle.original?.embeds)).toEqual(before);
  });

  it("answers an expired paging state with a polite note", async () => {
    const handle = await run({ session, limit: 2 }).waitFor("edit");
    const older = buttons(handle.original).find((b) => b.custom_id.startsWith("histories:older:"))!;
    const viewId = older.custom_id.split(":")[2] ?? "";
    expect(await h.bot.store.uiState.delete(`histories:${viewId}`)).toBe(true);
    const press = await h.discord.interact
      .button({
        userId: owner,
        guildId: h.guildId,
        channelId: h.channelId,
        customId: older.custom_id,
        message: handle.original!,
      })
      .waitFor("reply");
    expect(JSON.stringify(press.responses[0]?.data)).toMatch(/expired/);
  });

  it("sends the filters to the tracker as documented", async () => {
    h.tracker.resetRequests();
    const handle = await run({
      session,
      type: "ADD",
      source: "DICE",
      dom: false,
      from: "2026-02-01",
      to: "2026-02-03 10:30",
    }).waitFor("edit");
    const query = h.tracker.requests.find((r) => r.endpoint === "histories")?.query;
    expect(query).toMatchObject({
      session: String(session),
      type: "ADD",
      source: "DICE",
      dom: "0",
      from: "2026-02-01 00:00:00",
      to: "2026-02-03 10:30:00",
      limit: "10",
    });
    const embed = embedOf(handle.original);
    expect(embed.description?.split("\n")).toHaveLength(1);
    expect(embed.footer?.text).toMatch(
      /type: ADD.*source: DICE.*not by dom.*from 2026-02-01 00:00 UTC/,
    );
  });

  it("takes a bare day as `to` to mean the whole day", async () => {
    h.tracker.resetRequests();
    await run({ session, to: "2026-02-03" }).waitFor("edit");
    expect(h.tracker.requests.find((r) => r.endpoint === "histories")?.query.to).toBe(
      "2026-02-03 23:59:59",
    );
  });

  it("autocompletes the caller's sessions, active first, and accepts a typed number", async () => {
    const handle = h.discord.interact.autocomplete({
      userId: owner,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "histories",
      options: { session: "" },
      focused: "session",
    });
    await handle.waitFor("ack");
    expect(handle.choices()?.map((c) => c.value)).toEqual([77, 41]);
    expect(handle.choices()?.[0]?.name).toMatch(/#77.*active/);
    const typed = h.discord.interact.autocomplete({
      userId: owner,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "histories",
      options: { session: "999" },
      focused: "session",
    });
    await typed.waitFor("ack");
    expect(typed.choices()?.map((c) => c.value)).toEqual([999]);
  });

  it.each([
    [{ from: "yesterday" }, /`from` is not a date I understand.*2026-02-01.*ISO 8601.*24h/s],
    [{ to: "2026-13-01" }, /`to` is not a date/],
    [{ from: "2026-02-05", to: "2026-02-01" }, /`from` is after `to`/],
    [{ session: -3 }, /session must be a positive number/],
  ])("explains bad input %o ephemerally", async (options, message) => {
    const handle = await run({ session, ...options }).waitFor("edit");
    expect(handle.ephemeral).toBe(true);
    expect(handle.original?.content).toMatch(message);
  });

  it("tells a member who has not linked to use /link", async () => {
    const handle = await run({ session }, h.member("stranger")).waitFor("edit");
    expect(handle.original?.content).toMatch(/\/link/);
  });

  it("surfaces the tracker's own 400 message", async () => {
    const handle = await run({ session: 12345 }).waitFor("edit");
    expect(handle.original?.content).toMatch(/Chastity Tracker refused the request: .+/);
  });

  it("says the tracker is not answering on 5xx", async () => {
    h.tracker.failNext(5, "500", { endpoint: "histories" });
    const handle = await run({ session }).waitFor("edit", 10_000);
    expect(handle.original?.content).toMatch(/not answering/);
    h.tracker.clearFaults();
  });

  it("acknowledges in time when the tracker hangs, then edits in an error", async () => {
    h.tracker.failNext(5, "hang", { endpoint: "histories" });
    const handle = run({ session });
    await handle.waitFor("ack");
    expect(handle.ackDelayMs).toBeLessThan(3000);
    await handle.waitFor("edit", 15_000);
    expect(handle.original?.content).toMatch(/not answering/);
    h.tracker.clearFaults();
  }, 20_000);

  it("answers an unexpected failure with a short error id that is also in the log line", async () => {
    h.tracker.failNext(1, "bad-shape", { endpoint: "histories" });
    const handle = await run({ session }).waitFor("edit");
    const id = /error id: `([0-9a-f]{8})`/.exec(handle.original?.content ?? "")?.[1];
    expect(id).toBeDefined();
    const line = h
      .logs()
      .split("\n")
      .find((l) => l.includes(`"errorId":"${id}"`));
    expect(line).toContain("interaction failed");
  });

  it("asks to /link again when the token was revoked", async () => {
    const userId = h.member("revoked");
    const revoked = "tok_revoked_00112233445566778899aabbcc";
    h.tracker.addToken(revoked, { nick: "rev" });
    const own = h.tracker.addSession(revoked, { active: true });
    await linkMember(h, userId, revoked);
    h.tracker.revokeToken(revoked);
    const handle = await run({ session: own }, userId).waitFor("edit");
    expect(handle.original?.content).toMatch(/no longer accepts your API token.*\/link/);
  });

  it("keeps tokens out of every Discord request body and log line", () => {
    expect(JSON.stringify(h.discord.requests.map((r) => r.body))).not.toContain(token);
    expect(h.logs()).not.toContain(token);
  });
});
