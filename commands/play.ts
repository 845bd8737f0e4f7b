import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotCommand } from "../src/botContext.js";
import { requireAccount } from "../src/discord/accounts.js";
import { UserError } from "../src/discord/errors.js";
import { everywhere } from "../src/discord/installs.js";
import { autocompleteSession } from "../src/discord/sessionAutocomplete.js";
import { playFromCommand } from "../src/play/answer.js";
import { resolveSession } from "../src/subscriptions/start.js";
import { deferByPublicOption, publicOption } from "./options.js";

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
    publicOption({
      description: "Show the result to everyone in the channel (default: only you)",
    }),
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: deferByPublicOption,
  async execute(interaction, ctx) {
    const game = interaction.options.getString("game", true) === "luck" ? "luck" : "dice";
    const account = await requireAccount(ctx, interaction.user.id);
    const session = await resolveSession(
      ctx.tracker,
      account.token,
      interaction.options.getInteger("session"),
    );
    if (session === null) throw new UserError({ key: "play.noActiveSession" });
    // The wearer plays their own game: their bearer, dom=0 (the tracker checks ownership).
    await playFromCommand(interaction, ctx, account.token, {
      kind: "play",
      type: null,
      request: { game, dom: false, session },
    });
  },
  autocomplete: autocompleteSession,
} satisfies BotCommand;
