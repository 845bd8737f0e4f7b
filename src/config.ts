import { isIP } from "node:net";
import { z } from "zod";
import { dataDirFor, dataFolderProblem } from "./dataDir.js";
import { databaseUrlExample, databaseUrlProblems } from "./databaseUrl.js";

/**
 * The whole environment in one schema, read once by the composition root.
 * Empty strings count as unset so a `.env` line like `HEALTH_PORT=` keeps the default.
 */
const emptyAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optionalString = z.preprocess(emptyAsUnset, z.string().trim().optional());

function wholeNumber(name: string, min: number, max: number) {
  return z.coerce
    .number({ error: `${name} must be a whole number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be at least ${min}` })
    .max(max, { error: `${name} must be at most ${max}` });
}

function intVar(name: string, options: { min: number; max?: number; default: number }) {
  return z.preprocess(
    emptyAsUnset,
    wholeNumber(name, options.min, options.max ?? Number.MAX_SAFE_INTEGER).default(options.default),
  );
}

function optionalIntVar(name: string, options: { min: number; max: number }) {
  return z.preprocess(emptyAsUnset, wholeNumber(name, options.min, options.max).optional());
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1";
  return false;
}

const httpUrl = (name: string, options: { allowPlainHttpLoopbackOnly: boolean }) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: "custom", message: `${name} is not a URL: "${value}"` });
        return;
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") {
        ctx.addIssue({ code: "custom", message: `${name} must start with https://` });
      } else if (
        url.protocol === "http:" &&
        options.allowPlainHttpLoopbackOnly &&
        !isLoopbackHost(url.hostname)
      ) {
        ctx.addIssue({
          code: "custom",
          message: `${name} uses plain http:// to a non-local host; tokens must not travel in clear, use https://`,
        });
      }
    })
    .transform((value) => value.replace(/\/+$/, ""));

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const boolVar = (name: string) =>
  z.preprocess(
    emptyAsUnset,
    z
      .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], {
        error: `${name} must be true or false`,
      })
      .transform((v) => ["1", "true", "yes", "on"].includes(v))
      .default(false),
  );

export const configSchema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_API_URL: z.preprocess(
    emptyAsUnset,
    httpUrl("DISCORD_API_URL", { allowPlainHttpLoopbackOnly: true }).default(
      "https://discord.com/api",
    ),
  ),
  TRACKER_API_URL: z.preprocess(
    emptyAsUnset,
    httpUrl("TRACKER_API_URL", { allowPlainHttpLoopbackOnly: true }).default(
      "https://www.chastitytracker.org",
    ),
  ),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        for (const message of databaseUrlProblems(value)) ctx.addIssue({ code: "custom", message });
      })
      .default(databaseUrlExample),
  ),
  TOKEN_ENCRYPTION_KEY: optionalString.refine(
    (v) => v === undefined || /^[0-9a-f]{64}$/i.test(v) || base64Bytes(v) === 32,
    { error: "TOKEN_ENCRYPTION_KEY must be 32 bytes as 64 hex characters or base64" },
  ),
  TOKEN_ENCRYPTION_OLD_KEYS: optionalString.refine(
    (v) =>
      v === undefined ||
      v.split(",").every((k) => /^[0-9a-f]{64}$/i.test(k.trim()) || base64Bytes(k.trim()) === 32),
    { error: "TOKEN_ENCRYPTION_OLD_KEYS must be a comma-separated list of 32-byte keys" },
  ),
  POLL_INTERVAL_SECONDS: intVar("POLL_INTERVAL_SECONDS", { min: 1, max: 86_400, default: 60 }),
  POLL_CONCURRENCY: intVar("POLL_CONCURRENCY", { min: 1, max: 64, default: 4 }),
  /** Postgres, several instances: how long the serving instance's lease lasts unrenewed. */
  REPLICA_LEASE_SECONDS: intVar("REPLICA_LEASE_SECONDS", { min: 2, max: 60, default: 8 }),
  TRACKER_MAX_REQUESTS_PER_MINUTE: intVar("TRACKER_MAX_REQUESTS_PER_MINUTE", {
    min: 1,
    max: 6000,
    default: 100,
  }),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof emptyAsUnset(v) === "string" ? String(v).trim().toLowerCase() : undefined),
    z
      .enum(logLevels, { error: `LOG_LEVEL must be one of ${logLevels.join(", ")}` })
      .default("info"),
  ),
  LOG_PRETTY: boolVar("LOG_PRETTY"),
  HEALTH_PORT: optionalIntVar("HEALTH_PORT", { min: 0, max: 65_535 }),
  HEALTH_HOST: z.preprocess(emptyAsUnset, z.string().trim().default("0.0.0.0")),
  COMMAND_GUILD_ID: optionalString.refine((v) => v === undefined || /^\d{17,20}$/.test(v), {
    error: "COMMAND_GUILD_ID must be a server id (a long number; enable Developer Mode to copy it)",
  }),
  MAX_SUBSCRIPTIONS_PER_USER: intVar("MAX_SUBSCRIPTIONS_PER_USER", { min: 1, default: 10 }),
  MAX_SUBSCRIPTIONS_PER_GUILD: intVar("MAX_SUBSCRIPTIONS_PER_GUILD", { min: 1, default: 50 }),
  TRACKER_TIMEOUT_SECONDS: intVar("TRACKER_TIMEOUT_SECONDS", { min: 1, max: 120, default: 10 }),
  /** One vote per member per panel this often (besides the tracker's own limits). */
  VOTE_COOLDOWN_MINUTES: intVar("VOTE_COOLDOWN_MINUTES", { min: 1, max: 10_080, default: 60 }),
  /** How long Discord remembers a message nonce; a post re-sent later is warned about. */
  DISCORD_NONCE_WINDOW_SECONDS: intVar("DISCORD_NONCE_WINDOW_SECONDS", {
    min: 1,
    max: 3600,
    default: 180,
  }),
});

function base64Bytes(value: string): number {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return -1;
  return Buffer.from(value, "base64").length;
}

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export const readmeSetupHint = 'see README.md, section "Create the Discord application"';

export interface LoadConfigOptions {
  /** For running the bot; the deploy script and tests need no more than the rest. */
  requireDiscordToken?: boolean;
  /**
   * Also check that the data folder of DATABASE_URL exists and is writable or can be
   * created (a probe that leaves nothing behind), so a bad path joins the same list.
   */
  checkDataFolder?: boolean;
  cwd?: string;
}

/**
 * Parses an environment object (tests pass a plain object; main passes process.env)
 * and lists every problem at once.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  options: LoadConfigOptions = {},
): Config {
  const result = configSchema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
      });
  const token = emptyAsUnset(env.DISCORD_TOKEN);
  if (options.requireDiscordToken && token === undefined) {
    problems.unshift(`DISCORD_TOKEN is not set: the bot needs its bot token (${readmeSetupHint})`);
  }
  if (options.checkDataFolder) {
    const problem = dataFolderCheck(env, options.cwd);
    if (problem) problems.push(problem);
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  return result.data;
}

/**
 * The folder matters for SQLite, and for the generated key file when no key is configured.
 * Read apart from the rest, so that it joins the list even when other values are wrong.
 */
function dataFolderCheck(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): string | undefined {
  const url = configSchema.shape.DATABASE_URL.safeParse(env.DATABASE_URL);
  if (!url.success) return undefined;
  const sqlite = /^sqlite:/i.test(url.data);
  if (!sqlite && emptyAsUnset(env.TOKEN_ENCRYPTION_KEY) !== undefined) return undefined;
  return dataFolderProblem(dataDirFor(url.data, cwd));
}
