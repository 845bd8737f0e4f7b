/** `npm run deploy-commands`: register the slash commands by hand (the bot also does it on start). */
import { REST } from "discord.js";
import { z } from "zod";
import { commandDefinitions } from "../commands/index.js";
import { loadConfigOrExit } from "./cli.js";
import { syncCommands } from "./discord/registration.js";
import { createLogger } from "./log.js";

async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN ?? "");
  try {
    const app = z.object({ id: z.string() }).parse(await rest.get("/applications/@me"));
    const memory = new Map<string, string>();
    await syncCommands({
      rest,
      target: { applicationId: app.id, guildId: config.COMMAND_GUILD_ID },
      definitions: commandDefinitions,
      // The bot keeps its own hash; a forced PUT here only makes its next start PUT once more.
      meta: { get: async (k) => memory.get(k), set: async (k, v) => void memory.set(k, v) },
      logger,
      force: true,
    });
  } catch (err) {
    process.stderr.write(
      `Could not register the commands: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  }
}

void main();
