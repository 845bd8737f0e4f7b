import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { ConfigError } from "./config.js";

/**
 * Reads `.env` (or the file named by ENV_FILE) into process.env, so
 * `cp .env.example .env && npm start` works without exporting anything.
 * Variables set in the environment win, as with `node --env-file`; but an
 * empty one counts as unset here as everywhere else (config.ts), so the
 * file's value fills it. That is how the Docker image keeps its defaults
 * (its /app/.env) when `docker run --env-file` or compose pass `HEALTH_PORT=`.
 * Returns the file read, if any.
 */
export function loadDotEnv(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string | undefined {
  const file = path.resolve(cwd, env.ENV_FILE?.trim() || ".env");
  if (!existsSync(file)) return undefined;
  let values: Record<string, string>;
  try {
    values = parseEnv(readFileSync(file, "utf8")) as Record<string, string>;
  } catch (err) {
    throw new ConfigError([
      `could not read ${file}: ${err instanceof Error ? err.message : String(err)}`,
    ]);
  }
  for (const [name, value] of Object.entries(values)) {
    if ((env[name] ?? "").trim() === "") env[name] = value;
  }
  return file;
}
