import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { keyIdOf, TokenDecryptError } from "../../src/store/crypto.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { LinkedAccount, Store } from "../../src/store/types.js";
import {
  captureLogger,
  cipherFor,
  databaseBytes,
  levels,
  randomKey,
  rawDatabase,
  tempFolder,
} from "./helpers.js";

const account: LinkedAccount = {
  userId: "300000000000000001",
  nick: "lockedlucy",
  linkedAt: "2025-01-02T03:04:05.000Z",
  token: "ct_4f9d2a7be81c0e3f5a6b9d2c7e1f0a3b",
};

describe("accounts", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let file: string;
  const open: Store[] = [];

  async function openWith(current: Buffer, previous: Buffer[] = [], logger = silentLogger()) {
    const store = await openStore({
      databaseUrl: `sqlite://${file}`,
      cipher: cipherFor(current, previous),
      logger,
    });
    open.push(store);
    return store;
  }

  async function storedToken(userId: string): Promise<string> {
    const raw = rawDatabase(file);
    try {
      const row = (await raw.keyv("accounts").get(userId)) as { token: string };
      return row.token;
    } finally {
      await raw.adapter.disconnect();
    }
  }

  beforeEach(async () => {
    ({ dir, cleanup } = await tempFolder());
    file = join(dir, "bot.sqlite");
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    await cleanup();
  });

  it("round-trips an account and replaces an earlier link", async () => {
    const store = await openWith(randomKey());
    expect(await store.accounts.get(account.userId)).toBeUndefined();
    await store.accounts.set(account);
    expect(await store.accounts.get(account.userId)).toEqual(account);

    const relinked = { ...account, token: "ct_other", nick: "lucy2" };
    await store.accounts.set(relinked);
    expect(await store.accounts.get(account.userId)).toEqual(relinked);

    expect(await store.accounts.delete(account.userId)).toBe(true);
    expect(await store.accounts.delete(account.userId)).toBe(false);
    expect(await store.accounts.get(account.userId)).toBeUndefined();
  });

  it("reads many accounts in one go: the linked ones, decrypted, none of the others", async () => {
    const key = randomKey();
    const store = await openWith(key);
    const other = { ...account, userId: "300000000000000002", nick: "kim", token: "ct_kim_0123" };
    await store.accounts.set(account);
    await store.accounts.set(other);
    const raw = rawDatabase(file);
    try {
      await raw.keyv("accounts").set("300000000000000003", { userId: "someone else" });
    } finally {
      await raw.adapter.disconnect();
    }
    const found = await store.accounts.getMany([
      account.userId,
      "300000000000000009",
      other.userId,
      "300000000000000003",
    ]);
    expect([...found.keys()]).toEqual([account.userId, other.userId]);
    expect(found.get(account.userId)).toEqual(account);
    expect(found.get(other.userId)).toEqual(other);
    expect((await store.accounts.getMany([])).size).toBe(0);
  });

  it("never writes the plain token to the database files", async () => {
    const key = randomKey();
    const store = await openWith(key);
    await store.accounts.set(account);
    await store.accounts.set({ ...account, userId: "300000000000000002" });

    const whileOpen = await databaseBytes(file);
    // The file read is the real one: the other fields are there in the clear.
    expect(whileOpen.includes(account.nick)).toBe(true);
    expect(whileOpen.includes(account.token)).toBe(false);
    expect(whileOpen.includes(Buffer.from(account.token).toString("base64"))).toBe(false);
    expect(whileOpen.includes(key.toString("hex"))).toBe(false);

    await store.close();
    const afterClose = await databaseBytes(file);
    expect(afterClose.includes(account.nick)).toBe(true);
    expect(afterClose.includes(account.token)).toBe(false);

    const token = await storedToken(account.userId);
    expect(token.startsWith(`v1.${keyIdOf(key)}.`)).toBe(true);
  });

  it("keeps accounts across close and reopen", async () => {
    const key = randomKey();
    const first = await openWith(key);
    await first.accounts.set(account);
    await first.close();
    const second = await openWith(key);
    expect(await second.accounts.get(account.userId)).toEqual(account);
  });

  it("fails loudly with a key that did not seal the token", async () => {
    const first = await openWith(randomKey());
    await first.accounts.set(account);
    await first.close();

    const second = await openWith(randomKey());
    const failure = await second.accounts.get(account.userId).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(TokenDecryptError);
    expect((failure as TokenDecryptError).reason).toBe("unknown_key");
    expect(String(failure)).not.toContain(account.token);
  });

  it("fails loudly when the stored ciphertext was altered", async () => {
    const store = await openWith(randomKey());
    await store.accounts.set(account);
    const token = await storedToken(account.userId);
    const parts = token.split(".");
    parts[4] = (parts[4]![0] === "A" ? "B" : "A") + parts[4]!.slice(1);
    const raw = rawDatabase(file);
    await raw.keyv("accounts").set(account.userId, { ...account, token: parts.join(".") });
    await raw.adapter.disconnect();

    const failure = await store.accounts.get(account.userId).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(TokenDecryptError);
    expect((failure as TokenDecryptError).reason).toBe("authentication_failed");
  });

  it("reads with a previous key and re-encrypts with the current one", async () => {
    const keyA = randomKey();
    const keyB = randomKey();
    const first = await openWith(keyA);
    await first.accounts.set(account);
    await first.close();
    expect((await storedToken(account.userId)).split(".")[1]).toBe(keyIdOf(keyA));

    const { logger, lines } = captureLogger();
    const rotated = await openWith(keyB, [keyA], logger);
    expect(await rotated.accounts.get(account.userId)).toEqual(account);
    expect((await storedToken(account.userId)).split(".")[1]).toBe(keyIdOf(keyB));
    expect(lines.some((line) => /re-encrypted/.test(line.msg))).toBe(true);
    await rotated.close();

    // Key A can now be retired.
    const onlyB = await openWith(keyB);
    expect(await onlyB.accounts.get(account.userId)).toEqual(account);
  });

  it("does not put an old token back over a re-link made meanwhile", async () => {
    const keyA = randomKey();
    const keyB = randomKey();
    const first = await openWith(keyA);
    await first.accounts.set(account);
    await first.close();

    const rotated = await openWith(keyB, [keyA]);
    const relinked = { ...account, token: "ct_brand_new" };
    // The read starts first, the re-link is queued before its re-encryption.
    const [read] = await Promise.all([
      rotated.accounts.get(account.userId),
      rotated.accounts.set(relinked),
    ]);
    expect(read?.token).toBe(account.token);
    expect(await rotated.accounts.get(account.userId)).toEqual(relinked);
  });

  it("treats a record of the wrong shape as not linked, with a warning", async () => {
    const { logger, lines } = captureLogger();
    const store = await openWith(randomKey(), [], logger);
    const raw = rawDatabase(file);
    await raw.keyv("accounts").set("42", { userId: "42", nick: "x" });
    await raw.keyv("accounts").set("43", { ...account, userId: "44", token: "v1.x.y.z.w" });
    await raw.adapter.disconnect();

    expect(await store.accounts.get("42")).toBeUndefined();
    expect(await store.accounts.get("43")).toBeUndefined();
    const warnings = lines.filter((line) => line.level === levels.warn);
    expect(warnings.map((line) => line.key)).toEqual(["42", "43"]);
  });
});
