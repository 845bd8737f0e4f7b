import path from "node:path";

/**
 * The folder that holds the SQLite file, and so the generated encryption key:
 * the two must be backed up together. Other stores keep the key in ./data.
 */
export function dataDirFor(databaseUrl: string, cwd: string = process.cwd()): string {
  const match = /^sqlite:\/\/(.+)$/i.exec(databaseUrl);
  if (!match?.[1]) return path.resolve(cwd, "data");
  return path.dirname(path.resolve(cwd, match[1]));
}
