import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";

/**
 * How the router acknowledges a slash command before the handler runs:
 * "ephemeral"/"public" defer at once (Discord's 3 s deadline); "none" leaves it
 * to the handler (a modal must be the first answer).
 */
export type DeferMode = "ephemeral" | "public" | "none";

/**
 * A slash command over the context `Ctx` its handlers get (the bot's is `BotCommand`, beside
 * src/bot.ts): the router passes the context through without knowing what is in it.
 */
export interface Command<Ctx> {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  defer: DeferMode | ((interaction: ChatInputCommandInteraction) => DeferMode);
  execute(interaction: ChatInputCommandInteraction, ctx: Ctx): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: Ctx): Promise<void>;
  /** Buttons whose custom id starts with `<command name>:`. */
  button?(interaction: ButtonInteraction, ctx: Ctx): Promise<void>;
  /** Modals whose custom id starts with `<command name>:`. */
  modal?(interaction: ModalSubmitInteraction, ctx: Ctx): Promise<void>;
}

/** Custom ids are `<command>:<action>[:<state>]`, at most 100 characters. */
export function customId(command: string, ...parts: string[]): string {
  const id = [command, ...parts].join(":");
  if (id.length > 100) throw new Error(`custom id too long (${id.length})`);
  return id;
}

export function parseCustomId(id: string): { command: string; action: string; rest: string[] } {
  const [command = "", action = "", ...rest] = id.split(":");
  return { command, action, rest };
}
