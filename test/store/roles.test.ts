import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { RoleConfig, Store } from "../../src/store/types.js";
import { captureLogger, cipherFor, levels, randomKey, rawDatabase, tempFolder } from "./helpers.js";

const cipher = cipherFor(randomKey());
const config: RoleConfig = {
  guildId: "100",
  locked: "10",
  unlocked: null,
  linked: "12",
  setBy: "2",
  locale: "en",
  setAt: "2026-02-01T00:00:00.000Z",
  problem: null,
  problemRoleId: null,
  pausedAt: null,
};

describe("role store", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const open: Store[] = [];
  const openAt = async (file: string, logger = silentLogger()) => {
    const store = await openStore({ databaseUrl: `sqlite://${file}`, cipher, logger });
    open.push(store);
    return store;
  };
  beforeEach(async () => {
    ({ dir, cleanup } = await tempFolder());
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await cleanup();
  });

  it("keeps configurations and members across a reopen, with atomic updates", async () => {
    const file = `${dir}/bot.sqlite`;
    const store = await openAt(file);
    await store.roles.putConfig(config);
    const member = { guildId: "100", userId: "7", consentedAt: "x", shown: null, given: [] };
    await store.roles.putMember(member);
    await store.roles.putMember({ ...member, guildId: "101" });
    await Promise.all([
      store.roles.updateMember("100", "7", (m) => ({ ...m, given: [...m.given, "10"] })),
      store.roles.updateMember("100", "7", (m) => ({ ...m, given: [...m.given, "12"] })),
    ]);
    expect(await store.roles.updateMember("100", "8", (m) => m)).toBeUndefined();
    await store.close();

    const again = await openAt(file);
    expect(await again.roles.getConfig("100")).toEqual(config);
    expect((await again.roles.getMember("100", "7"))?.given).toEqual(["10", "12"]);
    expect(await again.roles.listMembersByUser("7")).toHaveLength(2);
    expect(await again.roles.listMembersByGuild("101")).toHaveLength(1);
    expect(await again.roles.deleteMember("101", "7")).toBe(true);
    expect(await again.roles.listMembersByUser("7")).toHaveLength(1);
  });

  it("skips and reports a record that does not fit the schema", async () => {
    const file = `${dir}/bot.sqlite`;
    const store = await openAt(file);
    await store.roles.putConfig(config);
    await store.close();
    const raw = rawDatabase(file);
    await raw.keyv("roleConfigs").set("200", { ...config, guildId: "200", locked: "not a role" });
    await raw.keyv("roleMembers").set("200:7", { guildId: "200", userId: "7", shown: "maybe" });
    await raw.adapter.disconnect();
    const { logger, lines } = captureLogger();
    const again = await openAt(file, logger);
    expect(await again.roles.listConfigs()).toEqual([config]);
    expect(await again.roles.listMembers()).toEqual([]);
    const skipped = lines.filter((l) => l.level === levels.warn && /skipping/.test(l.msg));
    expect(skipped.map((l) => `${l.namespace}:${l.key}`).sort()).toEqual([
      "roleConfigs:200",
      "roleMembers:200:7",
    ]);
  });
});
