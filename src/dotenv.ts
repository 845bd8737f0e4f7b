import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "./config.js";

/**
 * Reads `.env` (or the file named by ENV_FILE) into process.env, so
 * `cp .env.example .env && npm start` works without exporting anything.
 * Variables already set in the environment win, as with `node --env-file`.
 * Returns the file read, if any.
 */
export function loadDotEnv(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string | undefined {
  const file = path.resolve(cwd, env.ENV_FILE?.trim() || ".env");
  if (!existsSync(file)) return undefined;
  try {
    process.loadEnvFile(file);
  } catch (err) {
    throw new ConfigError([
      `could not read ${file}: ${err instanceof Error ? err.message : String(err)}`,
    ]);
  }
  return file;
}
