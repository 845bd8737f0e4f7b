/**
 * Entry point: read the environment once, start the bot, stop cleanly on
 * SIGTERM/SIGINT. Start-up problems print one plain message and exit 1.
 */
import { type Bot, StartupError, startBot } from "./bot.js";
import { ConfigError, loadConfig } from "./config.js";
import { loadDotEnv } from "./dotenv.js";
import { createLogger } from "./log.js";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    loadDotEnv();
    config = loadConfig(process.env, { requireDiscordToken: true });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(
        `${err.message}\nFix these in .env (see .env.example and README.md), then start again.\n`,
      );
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));

  let bot: Bot;
  try {
    bot = await startBot(config, logger);
  } catch (err) {
    const text = err instanceof StartupError || err instanceof Error ? err.message : String(err);
    logger.fatal({ reason: text }, "start-up failed");
    logger.flush();
    process.stderr.write(`Start-up failed: ${text}\n`);
    process.exit(1);
  }

  const shutdown = (signal: string) => {
    logger.info({ signal }, "signal received");
    const force = setTimeout(() => {
      logger.error("shutdown took too long, exiting");
      process.exit(1);
    }, 15_000);
    force.unref();
    bot.stop().then(
      () => {
        logger.flush();
        process.exit(0);
      },
      (err) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

void main();
