/**
 * Entry point: read the environment once, start the bot, stop cleanly on
 * SIGTERM/SIGINT or when the process that started it (npm) goes away.
 * Start-up problems print one plain message and exit 1.
 */
import { type Bot, StartupError, startBot } from "./bot.js";
import { loadConfigOrExit } from "./cli.js";
import type { Config } from "./config.js";
import { createLogger, type Logger } from "./log.js";
import { watchParent } from "./startup/parentWatch.js";
import type { Replica } from "./replicas/run.js";
import { schemeOf } from "./databaseUrl.js";

let logger: Logger | undefined;
let bot: Bot | undefined;
/** Postgres: this instance stands by or serves, by the serve lease (src/replicas). */
let replica: Replica | undefined;
let stopping = false;

/** One way out for signals and a vanished parent, from the first moment on. */
function requestStop(reason: string): void {
  if (stopping) return;
  stopping = true;
  if (replica) {
    stopReplica(replica, reason);
    return;
  }
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

/** Serving: the bot stops, then the lease goes to a standby; standing by: nothing to hand over. */
function stopReplica(running: Replica, reason: string): void {
  logger?.info({ reason }, "stop requested");
  const force = setTimeout(() => {
    logger?.error("shutdown took too long, exiting");
    process.exit(1);
  }, 9_000);
  force.unref();
  running.stop().then(
    () => {
      logger?.info("stopped");
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
    const scheme = schemeOf(config.DATABASE_URL);
    if (scheme === "postgres" || scheme === "postgresql") await startAsReplica(config, log);
    else bot = await startBot(config, log);
  } catch (err) {
    startupFailed(log, err);
  }
}

function startupFailed(log: Logger, err: unknown): never {
  const text = err instanceof StartupError || err instanceof Error ? err.message : String(err);
  log.fatal({ reason: text }, "start-up failed");
  log.flush();
  process.stderr.write(`Start-up failed: ${text}\n`);
  process.exit(1);
}

async function startAsReplica(config: Config, log: Logger): Promise<void> {
  // Every instance must read the tokens every other one sealed: no per-host generated key file.
  if (!config.TOKEN_ENCRYPTION_KEY)
    throw new StartupError(
      "DATABASE_URL is a Postgres database: set TOKEN_ENCRYPTION_KEY (the same on every instance)",
    );
  // Loaded here, not at the top: a SQLite bot never loads the replicas' code nor pg.
  const { startReplica } = await import("./replicas/run.js");
  replica = await startReplica({
    config,
    logger: log,
    startBot: async (hooks) => {
      bot = await startBot(config, log, undefined, undefined, hooks);
      return bot;
    },
    onFatal: (err) => startupFailed(log, err),
  });
}

void main();
