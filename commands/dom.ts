import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotCommand } from "../src/botContext.js";
import { requireAccount } from "../src/discord/accounts.js";
import { UserError } from "../src/discord/errors.js";
import { everywhere } from "../src/discord/installs.js";
import { playFromCommand } from "../src/play/answer.js";
import { playGames, voteTypes } from "../src/tracker/play.js";
import { checkSession, deferByPublicOption, publicOption } from "./options.js";

const data = {
  name: "dom",
  description: "As a keyholder, play a game on your wearer's session",
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
        { name: "link game", value: "link" },
      ],
    },
    {
      name: "session",
      description: "Your wearer's session number",
      type: ApplicationCommandOptionType.Integer,
      required: true,
      min_value: 1,
    },
    {
      name: "type",
      description: "Link game only: add time, remove time, or random",
      type: ApplicationCommandOptionType.String,
      required: false,
      choices: [
        { name: "add", value: "add" },
        { name: "sub", value: "sub" },
        { name: "rand", value: "rand" },
      ],
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
    const o = interaction.options;
    const game = playGames.find((g) => g === o.getString("game", true));
    const rawType = o.getString("type");
    const type = voteTypes.find((v) => v === rawType);
    const session = o.getInteger("session", true);
    if (game === undefined)
      throw new UserError({ key: "common.invalidOption", vars: { option: "game" } });
    if (game === "link" && type === undefined) throw new UserError({ key: "play.typeRequired" });
    if (game !== "link" && rawType !== null) throw new UserError({ key: "play.typeOnlyForLink" });
    checkSession(session);
    const account = await requireAccount(ctx, interaction.user.id);
    // The keyholder's own bearer, dom=1: the tracker decides whether they are this session's dom.
    await playFromCommand(interaction, ctx, account.token, {
      kind: "dom",
      type: type ?? null,
      request: { game, dom: true, session, ...(game === "link" && { type }) },
    });
  },
} satisfies BotCommand;
