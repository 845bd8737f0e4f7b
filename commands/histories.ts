import {
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import type { BotCommand } from "../src/botContext.js";
import { requireAccount } from "../src/discord/accounts.js";
import { parseCustomId } from "../src/discord/command.js";
import { UserError } from "../src/discord/errors.js";
import { everywhere } from "../src/discord/installs.js";
import { reply } from "../src/discord/router.js";
import { autocompleteSession } from "../src/discord/sessionAutocomplete.js";
import { readTimeWindow } from "../src/discord/timeOptions.js";
import {
  type HistoriesViewState,
  loadView,
  newViewId,
  renderPage,
  saveView,
} from "../src/histories/view.js";
import { resolveLocale, t } from "../src/i18n/index.js";
import { historySources, historyTypes } from "../src/tracker/types.js";
import { deferByPublicOption, filterOptions, optionError, publicOption } from "./options.js";

const data = {
  name: "histories",
  description: "Show the history of one of your Chastity Tracker sessions",
  ...everywhere,
  options: [
    {
      name: "session",
      description: "Session number (start typing to pick from your sessions)",
      type: ApplicationCommandOptionType.Integer,
      required: true,
      autocomplete: true,
      min_value: 1,
    },
    ...filterOptions,
    {
      name: "from",
      description:
        "Oldest change to show: 2026-02-01, 2026-02-01 18:30 (UTC), or an age like 24h, 7d",
      type: ApplicationCommandOptionType.String,
      required: false,
      max_length: 40,
    },
    {
      name: "to",
      description: "Newest change to show, same forms as from",
      type: ApplicationCommandOptionType.String,
      required: false,
      max_length: 40,
    },
    {
      name: "limit",
      description: "Items per page (1-25, default 10)",
      type: ApplicationCommandOptionType.Integer,
      required: false,
      min_value: 1,
      max_value: 25,
    },
    publicOption({
      description: "Show the answer to everyone in the channel (default: only you)",
    }),
    {
      name: "games",
      description: "List the changes of the session's game rules instead (dice, link game, luck)",
      type: ApplicationCommandOptionType.Boolean,
      required: false,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord enforces the declared ranges, but the input is still checked here: clients lie. */
const inputSchema = z.object({
  session: z.number().int().positive(),
  type: z.enum(historyTypes).optional(),
  source: z.enum(historySources).optional(),
  dom: z.boolean().optional(),
  limit: z.number().int().min(1).max(25).default(10),
});

function readInput(interaction: ChatInputCommandInteraction, now: Date) {
  const o = interaction.options;
  const parsed = inputSchema.safeParse({
    session: o.getInteger("session", true),
    type: o.getString("type") ?? undefined,
    source: o.getString("source") ?? undefined,
    dom: o.getBoolean("dom") ?? undefined,
    limit: o.getInteger("limit") ?? undefined,
  });
  if (!parsed.success) throw optionError(parsed.error.issues);
  const { from, to } = readTimeWindow(o, now);
  return { ...parsed.data, from, to };
}

export default {
  data,
  defer: deferByPublicOption,
  async execute(interaction, ctx) {
    const input = readInput(interaction, ctx.wall());
    const games = interaction.options.getBoolean("games") ?? false;
    const locale = resolveLocale(interaction.locale);
    if (games && (input.type || input.source || input.dom !== undefined))
      throw new UserError({ key: "games.filtersNotForGames" });
    const account = await requireAccount(ctx, interaction.user.id);
    const viewId = newViewId();
    const initial: HistoriesViewState = {
      userId: interaction.user.id,
      nick: account.nick,
      session: input.session,
      ...(input.type && { type: input.type }),
      ...(input.source && { source: input.source }),
      ...(input.dom !== undefined && { dom: input.dom }),
      ...(input.from && { from: input.from.toISOString() }),
      ...(input.to && { to: input.to.toISOString() }),
      limit: input.limit,
      ...(games && { games }),
      cursors: [null],
      page: 1,
    };
    const { state, message } = await renderPage(
      ctx.tracker,
      account.token,
      viewId,
      initial,
      1,
      locale,
    );
    await saveView(ctx.store.uiState, viewId, state);
    await interaction.editReply({ ...message, allowedMentions: { parse: [] } });
  },
  autocomplete: autocompleteSession,
  async button(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const { action, rest } = parseCustomId(interaction.customId);
    const viewId = rest[0] ?? "";
    const state = await loadView(ctx.store.uiState, viewId);
    if (!state) {
      await reply(interaction, t(locale, "histories.buttonsExpired"));
      return;
    }
    if (interaction.user.id !== state.userId) {
      await interaction.reply({
        content: t(locale, "histories.notYourPages"),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const target = action === "older" ? state.page + 1 : Math.max(1, state.page - 1);
    await interaction.deferUpdate();
    const account = await requireAccount(ctx, interaction.user.id);
    const rendered = await renderPage(ctx.tracker, account.token, viewId, state, target, locale);
    await saveView(ctx.store.uiState, viewId, rendered.state);
    await interaction.editReply(rendered.message);
  },
} satisfies BotCommand;
