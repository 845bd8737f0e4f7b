/** The engine against a hand-written Discord: requests counted, faults injected, no network. */
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { type RoleApi, RoleApiError, type RoleIssue } from "../../src/roles/api.js";
import { createRoleSync } from "../../src/roles/sync.js";
import { createMemoryRoleStore } from "../../src/store/roles.js";
import type { RoleConfig, RoleStore } from "../../src/store/types.js";

const G = "100";
const config: RoleConfig = {
  guildId: G,
  locked: "10",
  unlocked: "11",
  linked: null,
  setBy: "1",
  locale: "en",
  setAt: "2026-02-01T00:00:00.000Z",
  problem: null,
  problemRoleId: null,
  pausedAt: null,
};

function fakeApi() {
  const roles = new Map<string, Set<string>>();
  const calls: string[] = [];
  let failNext: RoleApiError | undefined;
  let issue: RoleIssue | undefined;
  const member = (u: string) => roles.get(u) ?? roles.set(u, new Set()).get(u)!;
  const maybeFail = () => {
    const err = failNext;
    failNext = undefined;
    if (err) throw err;
  };
  const api: RoleApi = {
    async add(_g, u, r) {
      calls.push(`PUT ${u} ${r}`);
      maybeFail();
      member(u).add(r);
    },
    async remove(_g, u, r) {
      calls.push(`DELETE ${u} ${r}`);
      maybeFail();
      member(u).delete(r);
    },
    async memberRoles(_g, u) {
      calls.push(`GET ${u}`);
      return [...member(u)];
    },
    problem: () => issue,
    guildName: () => "Server",
    roleName: () => "Locked",
  };
  return {
    api,
    calls,
    roles: member,
    fail: (code: number) => {
      failNext = new RoleApiError("refused", code, code === 10011 ? 404 : 403);
    },
    setIssue: (next: RoleIssue | undefined) => {
      issue = next;
    },
  };
}

async function setup(store: RoleStore = createMemoryRoleStore(), discord = fakeApi()) {
  const dms: string[] = [];
  const sync = createRoleSync({
    store,
    api: discord.api,
    logger: silentLogger(),
    wall: () => new Date("2026-02-02T00:00:00Z"),
    notifyUser: async (userId, text) => {
      dms.push(`${userId}: ${text}`);
    },
  });
  const step = async (userId: string, active: boolean) => {
    await sync.onActiveSessions(userId, active ? [5] : []);
    await sync.idle();
  };
  return { store, discord, sync, dms, step };
}

describe("role sync engine", () => {
  it("asks Discord nothing while the state stays the same", async () => {
    const t = await setup();
    await t.store.putConfig(config);
    await t.sync.consent(G, "7", []);
    await t.step("7", true);
    expect(t.discord.calls).toEqual(["PUT 7 10"]);
    await t.step("7", true);
    await t.step("7", true);
    expect(t.discord.calls).toHaveLength(1);
    await t.step("7", false);
    expect(t.discord.calls.slice(1)).toEqual(["DELETE 7 10", "PUT 7 11"]);
    expect((await t.store.getMember(G, "7"))?.given).toEqual(["11"]);
  });

  it("after a restart reads each member once and fixes only what is wrong", async () => {
    const first = await setup();
    await first.store.putConfig(config);
    await first.sync.consent(G, "7", []);
    await first.step("7", true);
    first.discord.roles("7").add("11"); // someone added the unlocked role by hand meanwhile
    const again = await setup(first.store, first.discord);
    first.discord.calls.length = 0;
    await again.step("7", true);
    await again.step("7", true);
    expect(first.discord.calls).toEqual(["GET 7", "DELETE 7 11"]);
  });

  it("pauses on 10011 with one DM and leaves the server alone until /roles set", async () => {
    const t = await setup();
    await t.store.putConfig(config);
    await t.sync.consent(G, "7", []);
    t.discord.fail(10011);
    await t.step("7", true);
    expect((await t.store.getConfig(G))?.problem).toBe("role_deleted");
    expect(t.dms).toHaveLength(1);
    expect(t.dms[0]).toMatch(/^1: Role sync in Server is paused: A configured role was deleted/);
    expect(await t.sync.activeLookups()).toEqual([]);
    await t.step("7", false);
    expect(t.discord.calls).toEqual(["PUT 7 10"]);
    await t.sync.configure({ ...config });
    expect(await t.sync.activeLookups()).toEqual(["7"]);
    await t.step("7", false);
    expect(t.discord.calls.slice(1)).toEqual(["GET 7", "PUT 7 11"]);
  });

  it("pauses before any request when the cache shows a role above the bot", async () => {
    const t = await setup();
    await t.store.putConfig(config);
    await t.sync.consent(G, "7", []);
    t.discord.setIssue({ problem: "role_above_bot", roleId: "10" });
    await t.step("7", true);
    expect(t.discord.calls).toEqual([]);
    expect(t.dms[0]).toMatch(/@Locked is not below my highest role/);
  });

  it("retries on the next lookup after a passing error, without pausing", async () => {
    const t = await setup();
    await t.store.putConfig(config);
    await t.sync.consent(G, "7", []);
    t.discord.fail(500);
    await t.step("7", true);
    expect((await t.store.getConfig(G))?.problem).toBeNull();
    await t.step("7", true);
    expect(t.discord.calls).toEqual(["PUT 7 10", "PUT 7 10"]);
    expect(t.discord.roles("7").has("10")).toBe(true);
  });

  it("drops the consent on 10007, and removes only what it gave on withdrawal", async () => {
    const t = await setup();
    await t.store.putConfig(config);
    await t.sync.consent(G, "7", ["10"]); // already had the locked role before consenting
    await t.step("7", false);
    expect((await t.store.getMember(G, "7"))?.given).toEqual(["11"]);
    expect(await t.sync.withdraw(G, "7")).toEqual({ removed: 1, failed: 0 });
    await t.sync.consent(G, "8", []);
    t.discord.fail(10007);
    await t.step("8", true);
    expect(await t.store.getMember(G, "8")).toBeUndefined();
    expect(t.dms).toEqual([]);
  });
});
