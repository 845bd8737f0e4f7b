import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { requireAccount } from "../src/discord/accounts.js";
import type { Command } from "../src/discord/command.js";
import { UserError } from "../src/discord/errors.js";
import { everywhere } from "../src/discord/installs.js";
import { autocompleteSession } from "../src/discord/sessionAutocomplete.js";
import { resolveLocale } from "../src/i18n/index.js";
import { answerPlay } from "../src/play/answer.js";
import { sendPlayOnce } from "../src/play/send.js";
import { resolveSession } from "../src/subscriptions/start.js";
import { deferByPublicOption } from "./options.js";

const data = {
  name: "play",
  description: "Play your own dice or luck game on your session",
  ...everywhere,
  options: [
    {
      name: "game",
      description: "Which game to play",
      type: ApplicationCommandOptionType.String,
      required: true,
      choices: [
        { name: "dice", value: "dice" },
        { name: "luck", value: "luck" },
      ],
    },
    {
      name: "session",
      description: "Session number (default: your active session)",
      type: ApplicationCommandOptionType.Integer,
      required: false,
      autocomplete: true,
      min_value: 1,
    },
    {
      name: "public",
      description: "Show the result to everyone in the channel (default: only you)",
      type: ApplicationCommandOptionType.Boolean,
      required: false,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: deferByPublicOption,
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const game = interaction.options.getString("game", true) === "luck" ? "luck" : "dice";
    const account = await requireAccount(ctx, interaction.user.id);
    const session = await resolveSession(
      ctx.tracker,
      account.token,
      interaction.options.getInteger("session"),
    );
    if (session === null) throw new UserError({ key: "play.noActiveSession" });
    // The wearer plays their own game: their bearer, dom=0 (the tracker checks ownership).
    const outcome = await sendPlayOnce(
      { plays: ctx.store.plays, tracker: ctx.tracker, logger: ctx.logger, now: ctx.now },
      {
        id: interaction.id,
        kind: "play",
        userId: interaction.user.id,
        panelId: null,
        game,
        session,
        type: null,
      },
      account.token,
      { game, dom: false, session },
    );
    await answerPlay(interaction, game, outcome, locale);
  },
  autocomplete: autocompleteSession,
} satisfies Command;
