import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import type { DeferMode } from "../src/discord/command.js";
import { UserError } from "../src/discord/errors.js";
import { historySources, historyTypes } from "../src/tracker/types.js";

/** The filter options `/histories` and `/subscribe` share, so both read alike. */
export const filterOptions = [
  {
    name: "type",
    description: "Only this kind of change",
    type: ApplicationCommandOptionType.String,
    required: false,
    choices: historyTypes.map((t) => ({
      name: { START: "start of session", ADD: "time added", SUB: "time removed" }[t],
      value: t,
    })),
  },
  {
    name: "source",
    description: "Only changes from this source",
    type: ApplicationCommandOptionType.String,
    required: false,
    choices: historySources.map((s) => ({
      name: {
        DICE: "dice",
        LINK: "link game",
        LUCK: "luck",
        MANUAL: "manual",
        PENALTY: "penalty",
        DOM: "dom",
      }[s],
      value: s,
    })),
  },
  {
    name: "dom",
    description: "True: only changes made by a dom; false: only the others",
    type: ApplicationCommandOptionType.Boolean,
    required: false,
  },
] as const;

/**
 * The member-facing error for options that failed their schema (Discord checks
 * the declared ranges, but clients lie): the first bad option, in the member's language.
 */
export function optionError(issues: readonly { path: readonly PropertyKey[] }[]): UserError {
  const option = String(issues[0]?.path[0] ?? "");
  if (option === "session") return new UserError({ key: "common.sessionPositive" });
  if (option === "limit") return new UserError({ key: "histories.limitRange" });
  return new UserError({ key: "common.invalidOption", vars: { option } });
}

/** A `session` option's value: a positive whole number (Discord checks min_value, but clients lie). */
export function checkSession<T extends number | null>(session: T): T {
  if (session !== null && !(Number.isSafeInteger(session) && session > 0))
    throw new UserError({ key: "common.sessionPositive" });
  return session;
}

/** The `public` option, its description given in full (the catalogue checks it word for word). */
export const publicOption = ({ description }: { description: string }) =>
  ({
    name: "public",
    description,
    type: ApplicationCommandOptionType.Boolean,
    required: false,
  }) as const;

/** For commands with a `public` option: the answer is public only when `public:true` was given. */
export const deferByPublicOption = (interaction: ChatInputCommandInteraction): DeferMode =>
  interaction.options.getBoolean("public") ? "public" : "ephemeral";
