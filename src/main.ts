/**
 * Entry point: read the environment once, start the bot, stop cleanly on
 * SIGTERM/SIGINT. Start-up problems print one plain message and exit 1.
 */
import { type Bot, StartupError, startBot } from "./bot.js";
import { loadConfigOrExit } from "./cli.js";
import { createLogger } from "./log.js";

async function main(): Promise<void> {
  const config = loadConfigOrExit();
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
