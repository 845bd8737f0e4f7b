/**
 * Entry point: read the environment once, start the bot, stop cleanly on
 * SIGTERM/SIGINT or when the process that started it (npm) goes away.
 * Start-up problems print one plain message and exit 1.
 */
import { type Bot, StartupError, startBot } from "./bot.js";
import { loadConfigOrExit } from "./cli.js";
import { createLogger, type Logger } from "./log.js";
import { watchParent } from "./startup/parentWatch.js";

let logger: Logger | undefined;
let bot: Bot | undefined;
let stopping = false;

/** One way out for signals and a vanished parent, from the first moment on. */
function requestStop(reason: string): void {
  if (stopping) return;
  stopping = true;
  if (!bot) {
    // Nothing is running yet that needs closing: stop the start-up where it stands.
    if (logger) {
      logger.info({ reason }, "stop requested during start-up; exiting");
      logger.flush();
    } else process.stderr.write(`Stopped during start-up (${reason}).\n`);
    process.exit(0);
  }
  logger?.info({ reason }, "stop requested");
  const force = setTimeout(() => {
    logger?.error("shutdown took too long, exiting");
    process.exit(1);
  }, 15_000);
  force.unref();
  bot.stop().then(
    () => {
      logger?.flush();
      process.exit(0);
    },
    (err) => {
      logger?.error({ err }, "shutdown failed");
      process.exit(1);
    },
  );
}

process.on("SIGTERM", () => requestStop("SIGTERM"));
process.on("SIGINT", () => requestStop("SIGINT"));
watchParent(({ from, to }) => requestStop(`parent process ${from} went away (now ${to})`));

async function main(): Promise<void> {
  const config = loadConfigOrExit({ checkDataFolder: true });
  const log = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  logger = log;
  process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));

  try {
    bot = await startBot(config, log);
  } catch (err) {
    const text = err instanceof StartupError || err instanceof Error ? err.message : String(err);
    log.fatal({ reason: text }, "start-up failed");
    log.flush();
    process.stderr.write(`Start-up failed: ${text}\n`);
    process.exit(1);
  }
}

void main();
