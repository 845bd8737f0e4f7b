import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InteractionHandle, RecordedRequest } from "../fakes/discord/index.js";
import { decodePng } from "../pictures/png.js";
import { type Harness, linkMember, startHarness } from "./harness.js";

let h: Harness;
let owner: string;
const token = "tok_pict_5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d";

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
  h.tracker.addSession(token, {
    id: 77,
    active: true,
    start: "2026-02-03 09:30:07",
    scheduledEnd: "2026-02-11 01:30:00",
  });
  h.tracker.addHistory(77, [
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
  ]);
  await linkMember(h, owner, token);
});
afterAll(async () => {
  await h.close();
});

function run(
  name: "chart" | "stats",
  options: Record<string, string | number | boolean> = {},
  inGuild = true,
) {
  return h.discord.interact.chatInput({
    userId: owner,
    ...(inGuild ? { guildId: h.guildId, channelId: h.channelId } : {}),
    name,
    options,
  });
}

/** The edit of @original that carried the picture, as the fake Discord received it. */
function pictureEdit(handle: InteractionHandle): RecordedRequest {
  const edit = h.discord.requests.find(
    (r) => r.method === "PATCH" && r.path.includes(handle.token) && r.files.length > 0,
  );
  if (!edit) throw new Error("no multipart edit of @original");
  return edit;
}

function embedOf(request: RecordedRequest): APIEmbed {
  const embed = (request.body as { embeds?: APIEmbed[] }).embeds?.[0];
  if (!embed) throw new Error(`no embed in ${JSON.stringify(request.body)}`);
  return embed;
}

describe("/chart", () => {
  it("registers for guild and user installs in every context", () => {
    for (const name of ["chart", "stats"]) {
      const command = h.discord.commands.global.find((c) => c.name === name);
      expect(command?.integration_types).toEqual([0, 1]);
      expect(command?.contexts).toEqual([0, 1, 2]);
    }
  });

  it("defers, then edits in an embed showing a PNG uploaded with alt text (the active session by default)", async () => {
    const handle = await run("chart").waitFor("edit");
    expect(handle.ackType).toBe(5);
    expect(handle.ephemeral).toBe(true);
    const edit = pictureEdit(handle);
    const [file] = edit.files;
    expect(file?.name).toBe("chart.png");
    const image = decodePng(file!.data);
    expect([image.width, image.height]).toEqual([800, 400]);
    expect(embedOf(edit).image?.url).toBe("attachment://chart.png");
    expect(embedOf(edit).title).toBe("lucy · session 77");
    const attachment = handle.original?.attachments[0];
    expect(attachment?.filename).toBe("chart.png");
    expect(attachment?.description).toMatch(
      /^Chart of the release date of lucy's session 77 from 3 Feb 2026 09:30/,
    );
    expect(attachment?.description).toContain("3 changes (Dice 1, Luck 1, Penalty 1; 1 by a dom)");
    expect(attachment?.description).toContain("Net time added: +1 day 1 hr 30 min");
    expect(attachment?.description).toContain("Current release: 11 Feb 2026 01:30 UTC");
  });

  it("walks the window once and serves a repeat from the cache", async () => {
    h.tracker.resetRequests();
    await run("chart", { session: 41, from: "2026-01-01" }).waitFor("edit");
    const walks = () => h.tracker.requests.filter((r) => r.endpoint === "histories").length;
    expect(walks()).toBe(1);
    expect(h.tracker.requests.find((r) => r.endpoint === "histories")?.query).toMatchObject({
      session: "41",
      from: "2026-01-01 00:00:00",
      limit: "200",
    });
    const again = await run("chart", { session: 41, from: "2026-01-01", public: true }).waitFor(
      "edit",
    );
    expect(walks()).toBe(1);
    expect(again.ephemeral).toBe(false);
    expect(again.original?.attachments[0]?.description).toContain("No changes.");
  });

  it("answers in a DM with the bot, in the caller's language", async () => {
    const handle = h.discord.interact.chatInput({
      userId: owner,
      name: "chart",
      locale: "de",
      options: { public: true },
    });
    await handle.waitFor("edit");
    expect(handle.ackType).toBe(5);
    expect(pictureEdit(handle).files[0]?.contentType).toBe("image/png");
    expect(handle.original?.attachments[0]?.description).toMatch(
      /^Diagramm des Freigabedatums von lucys Session 77/,
    );
  });

  it("refuses a date it cannot read with an ephemeral hint", async () => {
    const handle = await run("chart", { from: "next tuesday" }).waitFor("edit");
    expect(handle.original?.content).toMatch(/`from` is not a date I understand/);
    expect(handle.original?.attachments).toEqual([]);
  });

  it("is acknowledged in time when the tracker hangs, then edits in an error", async () => {
    // A session list the cache does not hold yet: a member who never used autocomplete.
    const other = h.member("hung");
    const otherToken = "tok_pict_hung_0011223344556677889900aabb";
    h.tracker.addToken(otherToken, { nick: "hung" });
    await linkMember(h, other, otherToken);
    h.tracker.failNext(20, "hang");
    const handle = h.discord.interact.chatInput({
      userId: other,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "chart",
    });
    await handle.waitFor("ack");
    expect(handle.ackType).toBe(5);
    await handle.waitFor("edit", 20_000);
    expect(handle.original?.content).toMatch(/not answering/);
    h.tracker.clearFaults();
  }, 30_000);
});

describe("/stats", () => {
  it("defers, then edits in the stats embed with the lock-ticker banner", async () => {
    const handle = await run("stats").waitFor("edit");
    expect(handle.ackType).toBe(5);
    expect(handle.ephemeral).toBe(true);
    const edit = pictureEdit(handle);
    const image = decodePng(edit.files[0]!.data);
    expect([image.width, image.height]).toEqual([600, 120]);
    const embed = embedOf(edit);
    expect(embed.image?.url).toBe("attachment://stats.png");
    expect(embed.title).toBe("lucy");
    expect(embed.description).toBe("🔒 Locked");
    expect(embed.fields?.find((f) => f.name === "Lock started")?.value).toBe(
      `<t:${Date.UTC(2026, 1, 3, 9, 30, 7) / 1000}:f>`,
    );
    expect(handle.original?.attachments[0]?.description).toMatch(
      /^Lock ticker for lucy: locked for /,
    );
  });

  it("is acknowledged in time when the tracker hangs", async () => {
    h.tracker.failNext(20, "hang", { endpoint: "stats" });
    const handle = run("stats");
    await handle.waitFor("ack");
    expect(handle.ackType).toBe(5);
    await handle.waitFor("edit", 20_000);
    expect(handle.original?.content).toMatch(/not answering/);
    h.tracker.clearFaults();
  }, 30_000);
});
