import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Locale } from "../../src/i18n/index.js";
import { createHarness, type Harness, item, range, subscribedMember } from "./harness.js";

let t: Harness;
beforeEach(async () => {
  t = await createHarness();
});
afterEach(async () => {
  await t.close();
});

/** A postLocale that answers `locale` and records what it was asked. */
function recordingLocale(locale: Locale) {
  const asked: Array<[string | null, string]> = [];
  const postLocale = async (guildId: string | null, userId: string) => {
    asked.push([guildId, userId]);
    return locale;
  };
  return { asked, postLocale };
}

const bodiesOf = (channelId: string) =>
  JSON.stringify(t.discord.inChannel(channelId).map((m) => m.body));

describe("the language of the poller's posts", () => {
  it("asks once per channel entry: the guild's for a channel, the owner's for a DM subscription", async () => {
    const channel = await subscribedMember(t, "u1", "c1");
    const dm = await subscribedMember(t, "u2", "dm2");
    await t.store.subscriptions.put({ ...dm.sub, target: "dm", guildId: null });
    const { asked, postLocale } = recordingLocale("de");
    t.fake.addHistory(channel.session, [item(1), item(2)]);
    t.fake.addHistory(dm.session, [item(3)]);
    await t.poller({ postLocale }).runCycle();
    expect(asked.sort()).toEqual([
      [null, "u2"],
      ["guild1", "u1"],
    ]);
    expect(bodiesOf("c1")).toContain("Würfel · hinzugefügt **+1 Std.**");
    expect(bodiesOf("dm2")).toContain("Würfel · hinzugefügt **+1 Std.**");
    expect(bodiesOf("c1")).not.toContain("Dice");
  });

  it("posts in English without a postLocale, and when it fails", async () => {
    const { session } = await subscribedMember(t);
    t.fake.addHistory(session, [item(1)]);
    const failing = async (): Promise<Locale> => {
      throw new Error("store closed");
    };
    await t.poller({ postLocale: failing }).runCycle();
    expect(bodiesOf("c1")).toContain("Dice · added **+1 h**");
    expect(t.logText()).toContain("could not read the post language; using English");
  });

  it("keeps the language the entry was saved in when a restart re-sends it", async () => {
    const { session } = await subscribedMember(t);
    t.fake.addHistory(
      session,
      range(1, 251).map((i) => item(i)),
    );
    t.discord.failNext(1, { kind: "crash-after-post" });
    await t.poller({ postLocale: recordingLocale("fr").postLocale }).runCycle();
    const [entry] = [...t.store.data.outbox.values()];
    expect(entry?.messages.length).toBeGreaterThan(1);

    // Meanwhile an admin switched the server to Dutch: the saved posts still go out in French.
    await t.poller({ postLocale: recordingLocale("nl").postLocale }).flushOutbox();
    expect(t.discord.posted).toHaveLength(entry!.messages.length);
    t.discord.posted.forEach((message, index) => {
      expect(message.body).toEqual(entry!.messages[index]!.body);
    });
    expect(bodiesOf("c1")).toContain("Dés · ajouté **+1 h**");
    expect(bodiesOf("c1")).not.toContain("Dobbelstenen");
  });
});
