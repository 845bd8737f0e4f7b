import { mkdtempSync, rmdirSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { sqlitePathOf } from "./databaseUrl.js";

/**
 * The folder that holds the SQLite file, and so the generated encryption key:
 * the two must be backed up together. Other stores keep the key in ./data.
 */
export function dataDirFor(databaseUrl: string, cwd: string = process.cwd()): string {
  const file = sqlitePathOf(databaseUrl);
  if (!file) return path.resolve(cwd, "data");
  return path.dirname(path.resolve(cwd, file));
}

/** The data folder cannot be used; the message names DATABASE_URL and the folder. */
export class DataFolderError extends Error {
  override readonly name = "DataFolderError";
}

function describeFailure(dir: string, at: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === "ENOTDIR"
      ? `${at} is a file, not a folder`
      : code === "EACCES" || code === "EPERM"
        ? `no permission to write in ${at}`
        : code === "EROFS"
          ? `${at} is on a read-only file system`
          : code === "ENOENT"
            ? `${at} does not accept new folders`
            : `${at}: ${code ?? (err instanceof Error ? err.message : String(err))}`;
  return `DATABASE_URL: the data folder ${dir} cannot be used (${why}); point DATABASE_URL at a folder the bot may write to`;
}

/** Walks up to the nearest path that exists; a file on the way is a problem of its own. */
function nearestExisting(
  dir: string,
): { existing: string; missing: string[] } | { problem: string } {
  const missing: string[] = [];
  let current = dir;
  for (;;) {
    try {
      const stats = statSync(current);
      if (!stats.isDirectory())
        return { problem: describeFailure(dir, current, { code: "ENOTDIR" }) };
      return { existing: current, missing };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR")
        return { problem: describeFailure(dir, current, err) };
      const parent = path.dirname(current);
      if (parent === current) return { problem: describeFailure(dir, current, err) };
      missing.unshift(path.basename(current));
      current = parent;
    }
  }
}

/**
 * Checks, without leaving anything behind, that the data folder exists and is
 * writable or can be created; for the start-up's one list of problems.
 */
export function dataFolderProblem(dir: string): string | undefined {
  const found = nearestExisting(dir);
  if ("problem" in found) return found.problem;
  try {
    // access() says yes to root almost everywhere; only creating something proves /proc & co. refuse.
    rmdirSync(mkdtempSync(path.join(found.existing, ".ct-bot-probe-")));
  } catch (err) {
    return describeFailure(dir, found.existing, err);
  }
  return undefined;
}

/**
 * Creates the data folder one level at a time: Node 20's recursive mkdir spins
 * for minutes on some impossible paths (e.g. below /proc) instead of failing.
 */
export async function ensureDataFolder(dir: string): Promise<void> {
  const found = nearestExisting(path.resolve(dir));
  if ("problem" in found) throw new DataFolderError(found.problem);
  let current = found.existing;
  for (const part of found.missing) {
    current = path.join(current, part);
    try {
      await mkdir(current);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw new DataFolderError(describeFailure(dir, path.dirname(current), err));
    }
  }
}
