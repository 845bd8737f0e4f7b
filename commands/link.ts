import {
  ActionRowBuilder,
  MessageFlags,
  ModalBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { z } from "zod";
import { type Command, customId } from "../src/discord/command.js";
import { UserError } from "../src/discord/errors.js";
import { everywhere } from "../src/discord/installs.js";
import { resumeUserSubscriptions } from "../src/poller/resume.js";
import { TrackerAuthError } from "../src/tracker/errors.js";

const data = {
  name: "link",
  description: "Link your Chastity Tracker account with an API token (asked in a private form)",
  ...everywhere,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const linkModalId = customId("link", "modal");
export const tokenFieldId = "token";

export const whereToCreateToken =
  "Create one on chastitytracker.org: open your profile, find the API tokens section, create a token and copy it (it is shown only once).";

/** Tokens are opaque to us; this only refuses what cannot possibly be one. */
const tokenSchema = z
  .string()
  .trim()
  .min(8, { error: "That is too short to be an API token." })
  .max(512, { error: "That is too long to be an API token." })
  .regex(/^\S+$/, { error: "An API token has no spaces in it." });

export default {
  data,
  // A modal must be the first answer, so this command is not deferred.
  defer: "none",
  async execute(interaction) {
    const modal = new ModalBuilder()
      .setCustomId(linkModalId)
      .setTitle("Link Chastity Tracker")
      .addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder()
            .setCustomId(tokenFieldId)
            .setLabel("Your API token")
            .setPlaceholder("Paste the token from your tracker profile")
            .setStyle(TextInputStyle.Short)
            .setMinLength(8)
            .setMaxLength(512)
            .setRequired(true),
        ),
      );
    await interaction.showModal(modal);
  },
  async modal(interaction, ctx) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const parsed = tokenSchema.safeParse(interaction.fields.getTextInputValue(tokenFieldId));
    if (!parsed.success) {
      throw new UserError(
        `${parsed.error.issues[0]?.message ?? "Invalid token."} ${whereToCreateToken}`,
      );
    }
    const token = parsed.data;
    let nick: string;
    try {
      nick = (await ctx.tracker.stats(token)).nick;
    } catch (err) {
      if (err instanceof TrackerAuthError) {
        throw new UserError(
          `Chastity Tracker did not accept that token. ${whereToCreateToken} Then run \`/link\` again.`,
        );
      }
      throw err;
    }
    const userId = interaction.user.id;
    const existed = (await ctx.store.accounts.get(userId)) !== undefined;
    await ctx.store.accounts.set({ userId, token, nick, linkedAt: ctx.now().toISOString() });
    ctx.sessionCache.clear(userId);
    const resumed = await resumeUserSubscriptions(ctx.store, userId);
    ctx.logger.info({ userId, replaced: existed, resumed }, "account linked");
    const lines = [`Linked as **${nick}**.${existed ? " Your earlier token was replaced." : ""}`];
    if (resumed > 0)
      lines.push(`${resumed} paused subscription${resumed === 1 ? "" : "s"} resumed.`);
    lines.push(
      "Try `/histories` to browse a session, or `/subscribe` to have changes posted in a channel.",
    );
    await interaction.editReply({ content: lines.join("\n") });
  },
} satisfies Command;
