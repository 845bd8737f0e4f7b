import { createHash } from "node:crypto";
import {
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from "discord.js";
import type { Logger } from "../log.js";
import type { MetaStore } from "../store/types.js";
import { localizeCommand } from "./localizeCommand.js";

export interface RegistrationTarget {
  applicationId: string;
  /** Register in one server only (instant updates while developing). */
  guildId?: string | undefined;
}

/** A stable hash of the definitions and where they go, so an unchanged set is not PUT again. */
export function definitionsHash(
  definitions: readonly object[],
  target: RegistrationTarget,
): string {
  return createHash("sha256").update(JSON.stringify({ target, definitions })).digest("hex");
}

function route(target: RegistrationTarget): `/${string}` {
  return target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
}

/**
 * Puts the command definitions, with their texts in every language
 * (localizeCommand: a changed translation changes the hash too), unless the stored hash says Discord already has
 * them. `force` skips the check (the deploy script).
 */
export async function syncCommands(options: {
  rest: REST;
  target: RegistrationTarget;
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
  meta: MetaStore;
  logger: Logger;
  force?: boolean;
}): Promise<"registered" | "unchanged"> {
  const { rest, target, meta, logger } = options;
  const definitions = options.definitions.map(localizeCommand);
  const hash = definitionsHash(definitions, target);
  const key = "commands-hash";
  if (!options.force && (await meta.get(key)) === hash) {
    logger.info({ guildId: target.guildId }, "slash commands unchanged, not registering");
    return "unchanged";
  }
  await rest.put(route(target), { body: definitions });
  await meta.set(key, hash);
  logger.info(
    { guildId: target.guildId, count: definitions.length },
    target.guildId
      ? "slash commands registered in one server"
      : "slash commands registered globally",
  );
  return "registered";
}
