/**
 * Privacy from the outside: what the database holds about members who never linked or who
 * unlinked, and what /privacy tells and exports. The database is read as a black box
 * (storeScan.ts): keys, values, decrypted tokens and the raw file bytes.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import type { InteractionHandle } from "../fakes/discord/handle.js";
import { keyShapeOf } from "../../src/store/keyShapes.js";
import { linkMember, memberBasics } from "./harness.js";
import { closeRolesHarnessAfterEach, rolesSetup } from "./rolesSetup.js";
import { mentionsOf, storedRows } from "./storeScan.js";

closeRolesHarnessAfterEach();

type Setup = Awaited<ReturnType<typeof rolesSetup>>;

/** Runs a command in the server and waits for its answer. */
function run(s: Setup, userId: string, name: string, options: Record<string, unknown> = {}) {
  return s.h.discord.interact
    .chatInput({
      userId,
      guildId: s.h.guildId,
      channelId: s.h.channelId,
      name,
      options: options as Record<string, string | number | boolean>,
    })
    .waitFor("edit");
}

const textOf = (handle: InteractionHandle) =>
  `${handle.original?.content ?? ""}${JSON.stringify(handle.original?.embeds ?? [])}`;

/** Every key the database holds has a shape the README lists (src/store/keyShapes.ts). */
async function expectKnownKeyShapes(s: Setup) {
  const rows = await storedRows(path.join(s.h.dir, "bot.sqlite"));
  expect(rows.length).toBeGreaterThan(0);
  const unknown = rows.filter((r) => !keyShapeOf(r.namespace, r.key));
  expect(unknown.map((r) => `${r.namespace}:${r.key}`)).toEqual([]);
}

describe("data minimisation", () => {
  it("stores nothing about a member who never linked, whatever they run", async () => {
    const s = await rolesSetup();
    await s.configure();
    const stranger = s.h.member("stranger");
    expect(textOf(await run(s, stranger, "histories", { session: 1 }))).toMatch(/\/link/);
    await run(s, stranger, "subscriptions");
    await run(s, stranger, "privacy");
    expect(await mentionsOf(s.h.dir, stranger)).toEqual([]);
    // The check can see a member: the admin who configured roles is named by that setting.
    expect(await mentionsOf(s.h.dir, s.admin)).not.toEqual([]);
  });

  it("after /unlink no key, value or file byte names the member, until they link again", async () => {
    const s = await rolesSetup();
    await s.configure();
    const { userId, session } = await s.wearer("wren", true);
    await run(s, userId, "subscribe", { session });
    await run(s, userId, "histories", { session });
    expect(await s.consent(userId)).toMatch(/./);
    const before = await mentionsOf(s.h.dir, userId);
    for (const ns of ["accounts", "subscriptions", "ui", "locales", "roleMembers"])
      expect(before.join()).toContain(`row ${ns}:`);

    const unlinked = textOf(await run(s, userId, "unlink"));
    expect(unlinked).toMatch(/Removed/);
    // A member who made no server setting: truly nothing is left, and the reply says so.
    expect(unlinked).toMatch(/Nothing of yours is left/);
    expect(unlinked).not.toMatch(/still name you/);
    await run(s, userId, "histories", { session });
    await run(s, userId, "subscriptions");
    await run(s, userId, "privacy", { json: true });
    expect(await mentionsOf(s.h.dir, userId)).toEqual([]);
    await expectKnownKeyShapes(s);
  });
});

/** The token in every encoding a leak could take. */
function encodings(token: string): string[] {
  const bytes = Buffer.from(token);
  return [
    token,
    bytes.toString("base64"),
    bytes.toString("base64url"),
    bytes.toString("hex"),
    encodeURIComponent(token),
    JSON.stringify(token).slice(1, -1),
  ];
}

describe("/privacy", () => {
  it("lists account, subscriptions and role consent, and attaches the same as JSON", async () => {
    const s = await rolesSetup();
    await s.configure();
    const { userId, token, session } = await s.wearer("quinn", true);
    const first = await run(s, userId, "subscribe", { session, source: "DICE" });
    const second = await run(s, userId, "subscribe", { to: "dm" });
    expect(textOf(first)).toMatch(/Subscribed/);
    expect(textOf(second)).toMatch(/Subscribed/);
    await s.consent(userId);
    const subs = await s.h.bot.store.subscriptions.listByUser(userId);
    expect(subs).toHaveLength(2);

    const handle = await run(s, userId, "privacy", { json: true });
    expect(handle.ephemeral).toBe(true);
    const text = handle.original?.content ?? "";
    expect(text).toContain("**quinn**");
    expect(text).toMatch(/key id `[0-9a-f]{8}`/);
    for (const sub of subs) expect(text).toContain(`\`${sub.id}\``);
    expect(text).toContain(`<#${s.h.channelId}>`);
    expect(text).toMatch(/your DMs with the bot/);
    expect(text).toMatch(/source DICE|DICE/);
    expect(text).toMatch(/Server Test server: you agreed on <t:\d+:f>/);
    expect(text).toMatch(/English/);
    expect(text.trimEnd()).toMatch(/chastitytracker\.org[^\n]*\n\nThe same is attached/);
    expect(text).toContain("/unlink");
    expect(text.length).toBeLessThanOrEqual(2000);

    const edit = s.h.discord.requests.find(
      (r) => r.method === "PATCH" && r.path.includes(handle.token) && r.files.length > 0,
    );
    const file = edit?.files[0];
    expect(file?.name).toMatch(/^privacy-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(file!.data.toString("utf8"));
    expect(json.userId).toBe(userId);
    expect(json.account).toEqual({
      nick: "quinn",
      linkedAt: expect.any(String),
      encryptionKeyId: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    expect(json.language).toEqual({ dmLanguage: "en" });
    expect(json.subscriptions.map((x: { id: string }) => x.id).sort()).toEqual(
      subs.map((x) => x.id).sort(),
    );
    expect(json.roleSync).toEqual([
      expect.objectContaining({ guildId: s.h.guildId, consentedAt: expect.any(String) }),
    ]);
    expect(json.serverSettings).toEqual([]);

    const answered = JSON.stringify(
      s.h.discord.requests.filter((r) => r.path.includes(handle.token)).map((r) => r.body),
    );
    const everything = [text, file!.data.toString("utf8"), answered, s.h.logs()].join("\n");
    const database = await readFile(path.join(s.h.dir, "bot.sqlite"));
    for (const form of encodings(token)) {
      expect(everything).not.toContain(form);
      expect(database.includes(Buffer.from(form)), form).toBe(false);
    }
  });

  it("shows an admin the server settings that name them, which /unlink keeps", async () => {
    const s = await rolesSetup();
    await s.configure();
    const set = await s.h.discord.interact
      .chatInput({
        userId: s.admin,
        guildId: s.h.guildId,
        name: "language",
        subcommand: "set",
        options: { locale: "de" },
        memberPermissions: memberBasics | PermissionFlagsBits.ManageGuild,
      })
      .waitFor("edit");
    expect(s.replyText(set)).toMatch(/German/);
    const handle = await run(s, s.admin, "privacy");
    const text = handle.original?.content ?? "";
    expect(text).toMatch(/Role sync in server Test server, set <t:\d+:f>/);
    expect(text).toMatch(/Post language in server Test server/);
    expect(text).toMatch(/`\/privacy json:true`/);
    expect(text).toMatch(/No linked account/);

    // The DM with the bot is one of the contexts too.
    const dm = await s.h.discord.interact
      .chatInput({ userId: s.admin, name: "privacy" })
      .waitFor("edit");
    expect(dm.payload).toMatchObject({ context: 1 });
    expect(dm.ephemeral).toBe(true);
    expect(dm.original?.content).toMatch(/Role sync in server Test server/);

    // Linked, then unlinked: the reply names what stays instead of "nothing of yours is left".
    s.h.tracker.addToken("tok_privacy_admin_00112233445566", { nick: "admin" });
    await linkMember(s.h, s.admin, "tok_privacy_admin_00112233445566");
    const unlinked = textOf(await run(s, s.admin, "unlink"));
    expect(unlinked).toMatch(/Removed your encrypted tracker token/);
    expect(unlinked).not.toMatch(/Nothing of yours is left/);
    expect(unlinked).toMatch(/Only the server settings below still name you/);
    expect(unlinked).toMatch(/Role sync in server Test server, set <t:\d+:f>/);
    expect(unlinked).toMatch(/Post language in server Test server/);
    // Not linked any more, nothing else to remove: the settings are still named.
    const again = textOf(await run(s, s.admin, "unlink"));
    expect(again).toMatch(/Nothing to remove/);
    expect(again).toMatch(/Post language in server Test server/);
    const after = await run(s, s.admin, "privacy");
    expect(after.original?.content).toMatch(/Role sync in server Test server/);
    expect(after.original?.content).toMatch(/Post language in server Test server/);
  });
});
