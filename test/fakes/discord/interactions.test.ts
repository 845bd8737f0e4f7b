import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  DiscordAPIError,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { onInteraction, readyClient } from "./harness.js";
import { type FakeDiscord, startFakeDiscord } from "./index.js";

let fake: FakeDiscord;
let client: Client<true>;
let guildId: string;
let channelId: string;
let userId: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(async () => {
  fake = await startFakeDiscord({ interactionDeadlineMs: 300 });
  guildId = fake.addGuild();
  channelId = fake.addChannel(guildId, { name: "general" });
  userId = fake.addMember(guildId, { username: "keyholder" });
  client = await readyClient(fake);
  await client.application.commands.set([
    {
      name: "history",
      description: "Show history",
      options: [
        { name: "count", description: "How many", type: 4, required: true },
        { name: "session", description: "Which", type: 3, autocomplete: true },
      ],
    },
  ]);
});

afterEach(async () => {
  await client.destroy();
  await fake.close();
});

describe("chat input", () => {
  it("delivers typed options and records deferReply + editReply", async () => {
    const seen: { count: number | null; name: string }[] = [];
    const errors = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push({ count: interaction.options.getInteger("count"), name: interaction.commandName });
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply({ content: "3 items" });
    });
    const handle = fake.interact.chatInput({
      userId,
      guildId,
      channelId,
      name: "history",
      options: { count: 3 },
    });
    await handle.waitFor("edit");
    expect(errors).toEqual([]);
    expect(seen).toEqual([{ count: 3, name: "history" }]);
    expect(handle.responses.map((r) => r.type)).toEqual([5]);
    expect(handle.ackType).toBe(5);
    expect(handle.ackDelayMs).toBeLessThan(300);
    expect(handle.original?.content).toBe("3 items");
    expect(handle.ephemeral).toBe(true);
    expect(fake.messages(channelId)).toEqual([]);
    const edit = fake.requests.find((r) => r.method === "PATCH");
    expect(edit?.path).toBe(`/webhooks/${fake.applicationId}/${handle.token}/messages/@original`);
  });

  it("refuses a first answer after the deadline with 10062", async () => {
    const errors = onInteraction(client, async (interaction) => {
      if (!interaction.isRepliable()) return;
      await sleep(400);
      await interaction.reply("too late");
    });
    const handle = fake.interact.chatInput({
      userId,
      guildId,
      channelId,
      name: "history",
      options: { count: 1 },
    });
    await fake.waitFor(() => errors.length > 0, 3000);
    expect(errors[0]).toBeInstanceOf(DiscordAPIError);
    expect((errors[0] as DiscordAPIError).code).toBe(10062);
    expect(handle.acked).toBe(false);
    expect(handle.responses[0]).toMatchObject({ type: 4, status: 404, errorCode: 10062 });
  });

  it("refuses a second acknowledgement with 40060", async () => {
    const errors = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply("one");
      // discord.js guards its own state; go straight to the API as a confused bot would.
      await client.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
        body: { type: 4, data: { content: "two" } },
        auth: false,
      });
    });
    const handle = fake.interact.chatInput({
      userId,
      guildId,
      channelId,
      name: "history",
      options: { count: 1 },
    });
    await fake.waitFor(() => errors.length > 0);
    expect((errors[0] as DiscordAPIError).code).toBe(40060);
    expect(handle.responses.map((r) => r.status)).toEqual([204, 400]);
    expect(fake.messages(channelId).map((m) => m.content)).toEqual(["one"]);
  });

  it("fills the deferred message with the first follow-up and returns it withResponse", async () => {
    const errors = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.deferReply({ withResponse: true });
      expect(response.resource?.message?.flags.has(MessageFlags.Loading)).toBe(true);
      await interaction.followUp("first");
      await interaction.followUp("second");
    });
    const handle = fake.interact.chatInput({
      userId,
      guildId,
      channelId,
      name: "history",
      options: { count: 2 },
    });
    await handle.waitFor((h) => h.followups.length === 1);
    expect(errors).toEqual([]);
    expect(handle.original?.content).toBe("first");
    expect(handle.followups.map((m) => m.content)).toEqual(["second"]);
    expect(fake.messages(channelId).map((m) => m.content)).toEqual(["first", "second"]);
  });

  it("edits and deletes follow-ups through the interaction webhook", async () => {
    const errors = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply("start");
      const extra = await interaction.followUp({ content: "draft", flags: MessageFlags.Ephemeral });
      await interaction.webhook.editMessage(extra, { content: "final" });
      const gone = await interaction.followUp("temporary");
      await interaction.webhook.deleteMessage(gone);
    });
    const handle = fake.interact.chatInput({
      userId,
      guildId,
      channelId,
      name: "history",
      options: { count: 1 },
    });
    await handle.waitFor((h) => h.events.some((e) => e.kind === "deleteFollowup"));
    expect(errors).toEqual([]);
    expect(handle.followups.map((m) => [m.content, m.flags])).toEqual([["final", 64]]);
    expect(handle.events.map((e) => e.kind)).toEqual([
      "callback",
      "followup",
      "editFollowup",
      "followup",
      "deleteFollowup",
    ]);
    expect(fake.messages(channelId).map((m) => m.content)).toEqual(["start"]);
  });

  it("throws on options the registered command does not have", () => {
    expect(() =>
      fake.interact.chatInput({
        userId,
        guildId,
        channelId,
        name: "history",
        options: { nope: 1 },
      }),
    ).toThrow(/no option "nope"/);
    expect(() => fake.interact.chatInput({ userId, guildId, channelId, name: "history" })).toThrow(
      /required option "count"/,
    );
  });
});

describe("components, modals, autocomplete", () => {
  it("round-trips a button that updates its message", async () => {
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error("not sendable");
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId("page:2").setLabel("Next").setStyle(ButtonStyle.Primary),
    );
    const sent = await channel.send({ content: "page 1", components: [row] });
    onInteraction(client, async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.update({ content: `page ${interaction.customId.split(":")[1]}` });
    });
    const handle = fake.interact.button({
      userId,
      guildId,
      channelId,
      customId: "page:2",
      message: sent.id,
    });
    await handle.waitFor("reply");
    expect(handle.ackType).toBe(7);
    expect(fake.message(sent.id)?.content).toBe("page 2");
    expect(fake.message(sent.id)?.edited_timestamp).not.toBeNull();
    expect(() =>
      fake.interact.button({ userId, guildId, channelId, customId: "missing", message: sent.id }),
    ).toThrow(/no component/);
  });

  it("round-trips a string select", async () => {
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error("not sendable");
    const select = new StringSelectMenuBuilder()
      .setCustomId("pick")
      .addOptions({ label: "A", value: "a" }, { label: "B", value: "b" });
    const row = new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select);
    const sent = await channel.send({ content: "choose", components: [row] });
    onInteraction(client, async (interaction) => {
      if (!interaction.isStringSelectMenu()) return;
      await interaction.deferUpdate();
      await interaction.editReply({ content: `chose ${interaction.values.join(",")}` });
    });
    const handle = fake.interact.select({
      userId,
      guildId,
      channelId,
      customId: "pick",
      message: sent.id,
      values: ["b"],
    });
    await handle.waitFor("edit");
    expect(handle.ackType).toBe(6);
    expect(fake.message(sent.id)?.content).toBe("chose b");
    expect(() =>
      fake.interact.select({
        userId,
        guildId,
        channelId,
        customId: "pick",
        message: sent.id,
        values: ["z"],
      }),
    ).toThrow(/has no z/);
  });

  it("shows a modal and receives its submission", async () => {
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const input = new TextInputBuilder()
          .setCustomId("token")
          .setLabel("API token")
          .setStyle(TextInputStyle.Short);
        const modal = new ModalBuilder()
          .setCustomId("link")
          .setTitle("Link")
          .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
        await interaction.showModal(modal);
      } else if (interaction.isModalSubmit()) {
        const token = interaction.fields.getTextInputValue("token");
        await interaction.reply({
          content: `got ${token.length} chars`,
          flags: MessageFlags.Ephemeral,
        });
      }
    });
    const opener = fake.interact.chatInput({
      userId,
      guildId,
      channelId,
      name: "history",
      options: { count: 1 },
    });
    await opener.waitFor("ack");
    expect(opener.modal()?.custom_id).toBe("link");
    const submit = fake.interact.modalSubmit({
      userId,
      guildId,
      channelId,
      customId: "link",
      fields: { token: "abc" },
    });
    await submit.waitFor("reply");
    expect(submit.original?.content).toBe("got 3 chars");
    expect(submit.ephemeral).toBe(true);
  });

  it("answers autocomplete with choices", async () => {
    onInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      await interaction.respond([{ name: `match ${typed}`, value: typed }]);
    });
    const handle = fake.interact.autocomplete({
      userId,
      guildId,
      channelId,
      name: "history",
      options: { session: "ab" },
      focused: "session",
    });
    await handle.waitFor("reply");
    expect(handle.choices()).toEqual([{ name: "match ab", value: "ab" }]);
    expect(handle.responses[0]?.type).toBe(8);
  });

  it("delivers DM interactions with a user instead of a member", async () => {
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply(`dm: ${interaction.inGuild() ? "no" : "yes"}`);
    });
    const handle = fake.interact.chatInput({ userId, name: "history", options: { count: 1 } });
    await handle.waitFor("reply");
    expect(fake.dmsTo(userId).map((m) => m.content)).toEqual(["dm: yes"]);
  });
});
