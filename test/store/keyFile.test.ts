import { chmod, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEncryptionKey } from "../../src/store/crypto.js";
import { keyFileName, loadOrCreateKey } from "../../src/store/keyFile.js";
import { captureLogger, levels, tempFolder } from "./helpers.js";

describe("loadOrCreateKey", () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempFolder());
  });
  afterEach(() => cleanup());

  it("generates a 0600 key file once, in a folder it creates, and reuses it", async () => {
    const dataDir = join(dir, "data", "nested");
    const first = captureLogger();
    const key = await loadOrCreateKey({ dataDir, logger: first.logger });
    expect(key).toHaveLength(32);

    const file = join(dataDir, keyFileName);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(parseEncryptionKey(await readFile(file, "utf8")).equals(key)).toBe(true);

    const second = captureLogger();
    const again = await loadOrCreateKey({ dataDir, logger: second.logger });
    expect(again.equals(key)).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    for (const { lines } of [first, second]) {
      const warning = lines.find((line) => line.level === levels.warn);
      expect(warning?.msg).toMatch(/generated key/);
      expect(warning?.msg).toMatch(/backed up together with the database/);
      expect(warning?.keyFile).toBe(file);
      // The key itself never reaches the log.
      expect(JSON.stringify(lines)).not.toContain(key.toString("hex"));
    }
  });

  it("gives concurrent first starts the same key", async () => {
    const { logger } = captureLogger();
    const keys = await Promise.all(
      Array.from({ length: 5 }, () => loadOrCreateKey({ dataDir: dir, logger })),
    );
    for (const key of keys) expect(key.equals(keys[0]!)).toBe(true);
  });

  it("warns when the key file is readable by others", async () => {
    await loadOrCreateKey({ dataDir: dir, logger: captureLogger().logger });
    await chmod(join(dir, keyFileName), 0o644);
    const { logger, lines } = captureLogger();
    await loadOrCreateKey({ dataDir: dir, logger });
    expect(lines.some((line) => /readable by other users/.test(line.msg))).toBe(true);
  });

  it("refuses a damaged key file instead of replacing it", async () => {
    const file = join(dir, keyFileName);
    await writeFile(file, "not a key\n", { mode: 0o600 });
    await expect(loadOrCreateKey({ dataDir: dir, logger: captureLogger().logger })).rejects.toThrow(
      /does not hold a valid key/,
    );
    expect(await readFile(file, "utf8")).toBe("not a key\n");
  });

  it("passes on read errors other than a missing file", async () => {
    // A folder where the file should be: EISDIR, not "generate a new key".
    const dataDir = join(dir, "data");
    await loadOrCreateKey({ dataDir: join(dataDir, keyFileName), logger: captureLogger().logger });
    await expect(loadOrCreateKey({ dataDir, logger: captureLogger().logger })).rejects.toThrow(
      /EISDIR/,
    );
  });
});

describe("loadOrCreateKey in a folder that cannot exist", () => {
  it("names DATABASE_URL and the folder, not the key file", async () => {
    const { dir, cleanup } = await tempFolder();
    try {
      const file = join(dir, "plain-file");
      await writeFile(file, "x");
      const failure = await loadOrCreateKey({
        dataDir: join(file, "data"),
        logger: captureLogger().logger,
      }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(Error);
      const message = (failure as Error).message;
      expect(message).toMatch(/^DATABASE_URL: the data folder .*plain-file\/data cannot be used/);
      expect(message).toContain(`${file} is a file, not a folder`);
      expect(message).not.toContain(keyFileName);
    } finally {
      await cleanup();
    }
  });
});
