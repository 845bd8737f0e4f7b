/**
 * Fallback for installs that configure no encryption key: a key generated
 * once into the data folder. It works, but the key now lives next to the
 * database, so losing either loses the tokens; hence the loud warning.
 */
import { randomBytes } from "node:crypto";
import { link, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DataFolderError, dataFolderProblem, ensureDataFolder } from "../dataDir.js";
import type { Logger } from "../log.js";
import { parseEncryptionKey } from "./crypto.js";

export const keyFileName = "token-encryption.key";

export interface LoadOrCreateKeyOptions {
  dataDir: string;
  logger: Logger;
}

export async function loadOrCreateKey({
  dataDir,
  logger,
}: LoadOrCreateKeyOptions): Promise<Buffer> {
  try {
    return await loadOrCreate(dataDir, logger);
  } catch (err) {
    // An operator sets DATABASE_URL, not the key file's name: say which setting to fix.
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof DataFolderError || typeof code !== "string") throw err;
    const folderProblem = dataFolderProblem(dataDir);
    if (folderProblem) throw new DataFolderError(folderProblem, { cause: err });
    throw new DataFolderError(
      `DATABASE_URL: the data folder ${dataDir} cannot hold the generated token encryption key (${code}); point DATABASE_URL at a folder the bot may write to, or set TOKEN_ENCRYPTION_KEY`,
      { cause: err },
    );
  }
}

async function loadOrCreate(dataDir: string, logger: Logger): Promise<Buffer> {
  const keyFile = join(dataDir, keyFileName);
  let key = await readKeyFile(keyFile, logger);
  if (!key) {
    await ensureDataFolder(dataDir);
    const generated = randomBytes(32);
    if (await publishKeyFile(keyFile, generated)) {
      key = generated;
      logger.info({ keyFile }, "generated a new token encryption key");
    } else {
      // Another process got there first: use its key, never overwrite it.
      key = await readKeyFile(keyFile, logger);
      if (!key) throw new Error(`${keyFile} vanished while it was being created`);
    }
  }
  logger.warn(
    { keyFile },
    "no token encryption key configured: using the generated key file, which must be backed up together with the database (without it the stored tokens cannot be decrypted)",
  );
  return key;
}

/**
 * Writes the key beside its final name, then hard-links it into place: the
 * link either appears complete or fails with EEXIST, so a process starting at
 * the same moment can neither read a half-written file nor replace the key.
 * Hex, so an operator can move it into the environment as it is.
 */
async function publishKeyFile(keyFile: string, key: Buffer): Promise<boolean> {
  const pending = `${keyFile}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(pending, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  try {
    await link(pending, keyFile);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    await rm(pending, { force: true });
  }
}

async function readKeyFile(keyFile: string, logger: Logger): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(keyFile, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const { mode } = await stat(keyFile);
  if ((mode & 0o077) !== 0) {
    logger.warn(
      { keyFile, mode: (mode & 0o777).toString(8) },
      "token encryption key file is readable by other users; chmod 600 it",
    );
  }
  try {
    return parseEncryptionKey(text);
  } catch (err) {
    // Never regenerate over a damaged file: that would orphan every stored token.
    throw new Error(`${keyFile} does not hold a valid key: ${(err as Error).message}`);
  }
}
