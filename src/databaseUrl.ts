/**
 * What DATABASE_URL may say, shared by the configuration check (one list of
 * problems at start-up) and the store that opens it.
 */

/** Scheme -> the @keyv adapter package that speaks it; sqlite and postgres are built in (store/backend.ts opens them before looking here). */
export const adapterPackages: Readonly<Record<string, string>> = {
  redis: "@keyv/redis",
  rediss: "@keyv/redis",
  postgres: "@keyv/postgres",
  postgresql: "@keyv/postgres",
  mysql: "@keyv/mysql",
  mongodb: "@keyv/mongo",
  "mongodb+srv": "@keyv/mongo",
};

export const databaseUrlExample = "sqlite://data/bot.sqlite";

export function schemeOf(databaseUrl: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):\/\//i.exec(databaseUrl)?.[1]?.toLowerCase();
}

/** The file a sqlite:// URL names (relative to the working folder unless absolute); else undefined. */
export function sqlitePathOf(databaseUrl: string): string | undefined {
  return /^sqlite:\/\//i.test(databaseUrl) ? databaseUrl.slice("sqlite://".length) : undefined;
}

/** Problems with the URL's form alone (no file system access); empty when fine. */
export function databaseUrlProblems(databaseUrl: string): string[] {
  const scheme = schemeOf(databaseUrl);
  if (/^sqlite:/i.test(databaseUrl) && scheme !== "sqlite") {
    return [
      `DATABASE_URL must look like ${databaseUrlExample} (relative to the working folder) or sqlite:///var/lib/ct-bot/bot.sqlite (absolute), got "${databaseUrl}"`,
    ];
  }
  if (scheme === undefined || (scheme !== "sqlite" && adapterPackages[scheme] === undefined)) {
    return [
      `DATABASE_URL must start with sqlite://, redis://, postgres://, mysql:// or mongodb:// (got ${scheme ? `${scheme}://` : "no scheme"}), e.g. ${databaseUrlExample}`,
    ];
  }
  if (scheme !== "sqlite") return [];
  const file = sqlitePathOf(databaseUrl) ?? "";
  if (file.trim() === "")
    return [`DATABASE_URL sqlite:// needs a file path, e.g. ${databaseUrlExample}`];
  if (file.endsWith("/"))
    return [`DATABASE_URL names a folder (${file}); add a file name, e.g. ${file}bot.sqlite`];
  if (file.startsWith("~"))
    return [`DATABASE_URL: "~" is not expanded; write the absolute path (sqlite:///home/...)`];
  return [];
}
