import { type DestinationStream, type Logger, type LoggerOptions, pino } from "pino";

export type { Logger };

/**
 * Paths pino blanks out. Tokens should never reach a log call in the first
 * place; this is the second line of defence for the places where a whole
 * object (headers, a request, an account record) is logged by mistake.
 */
export const redactPaths = [
  "token",
  "*.token",
  "apiToken",
  "*.apiToken",
  "authorization",
  "Authorization",
  "*.authorization",
  "*.Authorization",
  "headers.authorization",
  "*.headers.authorization",
  "req.headers.authorization",
  "encryptionKey",
  "*.encryptionKey",
];

export interface LoggerSettings {
  level: string;
  pretty?: boolean;
  /**
   * Whether stdout is a terminal (default: it is asked): pretty logs are coloured only there,
   * so `LOG_PRETTY=true` under systemd or in `docker logs` gives no escape codes in the journal.
   */
  terminal?: boolean;
  /** Where JSON lines go; tests pass a stream to capture them. */
  destination?: DestinationStream;
}

export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    redact: { paths: redactPaths, censor: "[redacted]" },
    base: { name: "ct-bot", pid: process.pid },
  };
  if (settings.destination) return pino(options, settings.destination);
  if (settings.pretty) {
    return pino({
      ...options,
      transport: {
        target: "pino-pretty",
        options: {
          colorize: settings.terminal ?? process.stdout.isTTY === true,
          translateTime: "SYS:standard",
        },
      },
    });
  }
  return pino(options);
}

/** A logger that drops everything, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
