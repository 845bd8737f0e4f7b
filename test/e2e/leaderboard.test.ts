/** The opt-in leaderboard end to end: who is shown, in which order, leave, caching, the switch. */
import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, linkMember, memberBasics, startHarness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const day = 86_400_000;

function run(
  harness: Harness,
  userId: string,
  subcommand: string,
  options: Record<string, string | number | boolean> = {},
  admin = false,
) {
  return harness.discord.interact
    .chatInput({
      userId,
      guildId: harness.guildId,
      channelId: harness.channelId,
      name: "leaderboard",
      subcommand,
      options,
      ...(admin && { memberPermissions: memberBasics | PermissionFlagsBits.ManageGuild }),
    })
    .waitFor("edit", 10_000);
}

const boardText = (handle: Awaited<ReturnType<typeof run>>) =>
  handle.original?.embeds?.[0]?.description ?? handle.original?.content ?? "";

describe("/leaderboard", () => {
  it("shows only members who joined, best first; leave removes at once; reads are cached", async () => {
    h = await startHarness();
    const monthStart = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1);
    const now = Date.now();
    const wearers = [
      { name: "ann", start: monthStart - 5 * day, join: true },
      { name: "bea", start: Math.max(monthStart, now - 2 * day) + 60_000, join: true },
      { name: "cid", start: monthStart + 1000, join: false },
    ];
    const ids: Record<string, string> = {};
    for (const w of wearers) {
      const token = `tok_board_${w.name}_0a1b2c3d4e5f60718293a4b5`;
      h.tracker.addToken(token, { nick: w.name });
      const session = h.tracker.addSession(token, { active: true, start: new Date(w.start) });
      h.tracker.addHistory(session, [
        { type: "START", happened: new Date(w.start), schedule: new Date(w.start + 30 * day) },
        {
          unit: 7200,
          source: "DOM",
          dom: 1,
          happened: new Date(now - 1000),
          schedule: new Date(w.start + 31 * day),
        },
      ]);
      ids[w.name] = h.member(w.name);
      await linkMember(h, ids[w.name]!, token);
      if (w.join) expect((await run(h, ids[w.name]!, "join")).original?.content).toMatch(/joined/);
    }

    const board = boardText(await run(h, ids.cid!, "show"));
    const lines = board.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\*\*1\.\*\* ann · locked this month/);
    expect(lines[1]).toMatch(/^\*\*2\.\*\* bea · .*added by others 2 h · locked since <t:\d+:R>/);
    expect(board).not.toContain("cid");

    // Within the refresh window a board costs no tracker request, however often it is shown.
    h.tracker.resetRequests();
    await run(h, ids.ann!, "show");
    expect(h.tracker.requests).toEqual([]);

    expect((await run(h, ids.bea!, "leave")).original?.content).toMatch(/rows here are deleted/);
    const after = boardText(await run(h, ids.ann!, "show"));
    expect(after.split("\n")).toHaveLength(1);
    expect(after).not.toContain("bea");
    expect(await h.bot.store.leaderboard.months(ids.bea!)).toEqual([]);
    expect(await h.bot.store.leaderboard.months(ids.cid!)).toEqual([]);

    // A month's board is kept: a past month shows its stored figures.
    await h.bot.store.leaderboard.putMonth({
      kind: "month",
      userId: ids.ann!,
      month: "2026-01",
      nick: "ann",
      lockedSeconds: 3 * 86_400,
      addedByOthersSeconds: 0,
      currentStart: null,
      updatedAt: new Date(0).toISOString(),
    });
    expect(boardText(await run(h, ids.ann!, "show", { month: "2026-01" }))).toMatch(
      /ann · locked this month \*\*3 days\*\*/,
    );
    expect((await run(h, ids.ann!, "show", { month: "2026-13" })).original?.content).toMatch(
      /not a month/,
    );

    // The admin switch: members cannot, Manage Server can; off, nothing is shown.
    expect((await run(h, ids.ann!, "server", { enabled: false })).original?.content).toMatch(
      /Manage Server/,
    );
    await run(h, ids.ann!, "server", { enabled: false }, true);
    expect((await run(h, ids.ann!, "show")).original?.content).toMatch(/turned off/);
  }, 60_000);
});
