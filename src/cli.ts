import { type Config, ConfigError, loadConfig } from "./config.js";
import { loadDotEnv } from "./dotenv.js";

/**
 * For the two entry points (the bot and the deploy script): reads `.env` and
 * the environment, or prints every problem in plain words and exits 1.
 * `checkDataFolder`: the bot needs DATABASE_URL's folder; the deploy script does not.
 */
export function loadConfigOrExit(options: { checkDataFolder?: boolean } = {}): Config {
  try {
    loadDotEnv();
    return loadConfig(process.env, { requireDiscordToken: true, ...options });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(
      `${err.message}\nFix these in .env (see .env.example and README.md), then start again.\n`,
    );
    process.exit(1);
  }
}
