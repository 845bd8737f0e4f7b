import {
  ActionRowBuilder,
  MessageFlags,
  ModalBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { z } from "zod";
import type { BotCommand } from "../src/botContext.js";
import { customId } from "../src/discord/command.js";
import { UserError } from "../src/discord/errors.js";
import { type Locale, resolveLocale, t, translator } from "../src/i18n/index.js";
import { escapeMarkdown } from "../src/format/items.js";
import { everywhere } from "../src/discord/installs.js";
import { resumeUserSubscriptions } from "../src/poller/pause/resume.js";
import { TrackerAuthError } from "../src/tracker/errors.js";

const data = {
  name: "link",
  description: "Link your Chastity Tracker account with an API token (asked in a private form)",
  ...everywhere,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const linkModalId = customId("link", "modal");
export const tokenFieldId = "token";

/** Tokens are opaque to us; this only refuses what cannot possibly be one. */
const tokenSchema = (locale: Locale) =>
  z
    .string()
    .trim()
    .min(8, { error: t(locale, "link.tooShort") })
    .max(512, { error: t(locale, "link.tooLong") })
    .regex(/^\S+$/, { error: t(locale, "link.hasSpaces") });

export default {
  data,
  // A modal must be the first answer, so this command is not deferred.
  defer: "none",
  async execute(interaction) {
    const tr = translator(resolveLocale(interaction.locale));
    const modal = new ModalBuilder()
      .setCustomId(linkModalId)
      .setTitle(tr("link.modalTitle"))
      .addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder()
            .setCustomId(tokenFieldId)
            .setLabel(tr("link.tokenLabel"))
            .setPlaceholder(tr("link.tokenPlaceholder"))
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
    const locale = resolveLocale(interaction.locale);
    const tr = translator(locale);
    const parsed = tokenSchema(locale).safeParse(
      interaction.fields.getTextInputValue(tokenFieldId),
    );
    if (!parsed.success) {
      throw new UserError(
        `${parsed.error.issues[0]?.message ?? tr("link.invalid")} ${tr("link.whereToCreate")}`,
      );
    }
    const token = parsed.data;
    let nick: string;
    try {
      nick = (await ctx.tracker.stats(token)).nick;
    } catch (err) {
      if (err instanceof TrackerAuthError) {
        throw new UserError({
          key: "link.refused",
          vars: { whereToCreate: tr("link.whereToCreate") },
        });
      }
      throw err;
    }
    const userId = interaction.user.id;
    const existed = (await ctx.store.accounts.get(userId)) !== undefined;
    await ctx.store.accounts.set({ userId, token, nick, linkedAt: ctx.wall().toISOString() });
    ctx.sessionCache.clear(userId);
    // Remembered only from now on, while linked: the language of the DMs the bot sends.
    await ctx.store.locales.recordMember(userId, locale);
    const resumed = await resumeUserSubscriptions(ctx.store, userId);
    ctx.logger.info({ userId, replaced: existed, resumed }, "account linked");
    const linked = tr("link.linked", { nick: escapeMarkdown(nick) });
    const lines = [existed ? `${linked} ${tr("link.replaced")}` : linked];
    if (resumed > 0) lines.push(tr("link.resumed", { count: resumed }));
    lines.push(tr("link.next"));
    await interaction.editReply({ content: lines.join("\n") });
  },
} satisfies BotCommand;
