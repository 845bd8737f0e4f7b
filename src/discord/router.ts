import {
  type BaseInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import type { Clock } from "../util/clock.js";
import { type Locale, resolveLocale, t } from "../i18n/index.js";
import type { Logger } from "../log.js";
import type { LocaleStore } from "../store/locales.js";
import { isStoreWriteError } from "../store/writeErrors.js";
import type { Command, DeferMode } from "./command.js";
import { parseCustomId } from "./command.js";
import { userMessageFor } from "./userMessages.js";

/**
 * The slice of the command context the router itself uses: its log, its clock, and the member
 * language memory. The rest of the context it hands to the commands untouched, so the router
 * knows no feature (test/architecture/imports.test.ts).
 */
export interface RouterContext {
  logger: Logger;
  clock: Pick<Clock, "now">;
  store: {
    locales: Pick<LocaleStore, "member" | "recordMember">;
    /** Undefined for a member who never linked (or unlinked). */
    accounts: { summary(userId: string): Promise<unknown> };
  };
}

/**
 * The one place interactions enter: dispatch by command name or custom id,
 * acknowledge before anything slow, and turn every error into an ephemeral
 * message the member understands, in the language of their Discord client
 * (`interaction.locale`; English for languages we do not have). A linked
 * member's language is also remembered, for the DMs the bot sends later.
 */
export function createInteractionRouter<Ctx extends RouterContext>(
  commands: readonly Command<Ctx>[],
  ctx: Ctx,
) {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const log = ctx.logger;

  async function handle(interaction: BaseInteraction): Promise<void> {
    const started = ctx.clock.now();
    const locale = resolveLocale(interaction.locale);
    // Awaited so that a command forgetting the member, like /unlink, runs after it and is not
    // undone by a late write.
    await rememberLanguage(ctx, interaction.user.id, locale).catch((err) => {
      // A store that cannot write is logged once by its tracker, not once per interaction.
      if (isStoreWriteError(err)) return;
      log.warn({ err, userId: interaction.user.id }, "could not record the member's language");
    });
    try {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (!command) return await unknown(interaction, locale);
        await deferFor(command, interaction);
        await command.execute(interaction, ctx);
      } else if (interaction.isAutocomplete()) {
        const command = byName.get(interaction.commandName);
        if (command?.autocomplete) await command.autocomplete(interaction, ctx);
        else await interaction.respond([]);
      } else if (interaction.isButton()) {
        const command = byName.get(parseCustomId(interaction.customId).command);
        if (!command?.button) return await unknown(interaction, locale);
        await command.button(interaction, ctx);
      } else if (interaction.isModalSubmit()) {
        const command = byName.get(parseCustomId(interaction.customId).command);
        if (!command?.modal) return await unknown(interaction, locale);
        await command.modal(interaction, ctx);
      }
      log.debug(
        {
          interactionId: interaction.id,
          userId: interaction.user.id,
          ms: Math.round(ctx.clock.now() - started),
        },
        "interaction handled",
      );
    } catch (err) {
      await fail(interaction, err, log, locale);
    }
  }

  return { handle };
}

/**
 * The language of DMs the bot sends later, kept only for linked members: nothing is stored
 * about a member who never linked or who unlinked (their interactions carry their locale).
 */
async function rememberLanguage(ctx: RouterContext, userId: string, locale: Locale): Promise<void> {
  // The language store caches what it holds: an unchanged language costs no account read.
  if ((await ctx.store.locales.member(userId)) === locale) return;
  if ((await ctx.store.accounts.summary(userId)) === undefined) return;
  await ctx.store.locales.recordMember(userId, locale);
}

async function deferFor<Ctx>(command: Command<Ctx>, interaction: ChatInputCommandInteraction) {
  const mode: DeferMode =
    typeof command.defer === "function" ? command.defer(interaction) : command.defer;
  if (mode === "none") return;
  await interaction.deferReply(mode === "ephemeral" ? { flags: MessageFlags.Ephemeral } : {});
}

async function unknown(interaction: BaseInteraction, locale: Locale) {
  if (interaction.isRepliable()) {
    await reply(interaction, t(locale, "errors.unknownInteraction"));
  }
}

async function fail(interaction: BaseInteraction, err: unknown, log: Logger, locale: Locale) {
  const { text, errorId, expected } = userMessageFor(err, locale);
  const fields = {
    err,
    errorId,
    interactionId: interaction.id,
    userId: interaction.user.id,
    command: interaction.isCommand() ? interaction.commandName : undefined,
    customId:
      interaction.isMessageComponent() || interaction.isModalSubmit()
        ? interaction.customId
        : undefined,
  };
  if (expected) log.info(fields, "interaction refused");
  else log.error(fields, "interaction failed");
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      await reply(interaction, text);
    }
  } catch (replyErr) {
    log.warn({ err: replyErr, errorId }, "could not tell the member about an error");
  }
}

/**
 * Answers ephemerally whatever state the interaction is in. An ephemeral
 * deferred reply is edited in place; a public one loses its "thinking"
 * placeholder and the text goes out as an ephemeral follow-up, so a channel
 * never sees a member's mistake; a pressed button keeps its message.
 */
export async function reply(interaction: RepliableInteraction, content: string): Promise<void> {
  const options: InteractionReplyOptions = {
    content,
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(options);
    return;
  }
  // `ephemeral` is set by deferReply (true/false) and left null by a button's deferUpdate.
  const pendingReply = interaction.deferred && !interaction.replied;
  if (pendingReply && interaction.ephemeral === true) {
    await interaction.editReply({ content, embeds: [], components: [] });
    return;
  }
  if (pendingReply && interaction.ephemeral === false)
    await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp(options);
}
