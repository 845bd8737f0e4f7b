/**
 * The role sync engine. The poller tells it, after each successful sessions
 * lookup, whether a member has an active session; it brings that member's
 * roles in every server they opted into in line, with as few requests as
 * possible: nothing when nothing changed, one PUT or DELETE per role that is
 * missing or extra. What the member has is read from Discord once (at consent
 * or after a restart) and then kept up to date from the bot's own changes.
 */
import type { Logger } from "../log.js";
import { errorSummary } from "../poller/errors.js";
import type { RoleConfig, RoleMember, RoleStore, ShownState } from "../store/roleTypes.js";
import { roleMemberKey } from "../store/roleTypes.js";
import { type RoleApi, RoleApiError } from "./api.js";
import { createRoleFaults, type RoleFaults } from "./faults.js";
import { auditReason, configRoles, desiredRoles } from "./plan.js";

export interface RoleSyncDeps {
  store: RoleStore;
  api: RoleApi;
  logger: Logger;
  now: () => Date;
  /** DMs a user; may throw (DMs closed), which is logged. */
  notifyUser: (userId: string, text: string) => Promise<void>;
}

export interface RemovalResult {
  removed: number;
  /** Roles Discord would not let the bot remove (missing permission, role above the bot). */
  failed: number;
}

export interface RoleSync {
  /** The poller's `extraActiveLookups`: members opted in where syncing runs. */
  activeLookups(): Promise<string[]>;
  /** The poller's `onActiveSessions`: queues the member's syncs and returns at once. */
  onActiveSessions(userId: string, activeSessionIds: readonly number[]): Promise<void>;
  /** `/rolesync enabled:true`; `currentRoles` is the member as the interaction showed it. */
  consent(guildId: string, userId: string, currentRoles: readonly string[]): Promise<void>;
  /** `/rolesync enabled:false`: removes what the bot gave and forgets the consent. */
  withdraw(guildId: string, userId: string): Promise<RemovalResult>;
  /** `/unlink`: withdraw in every server. */
  forgetUser(userId: string): Promise<RemovalResult>;
  /** `/roles set`: saves (and so resumes) the configuration. */
  configure(config: RoleConfig): Promise<void>;
  /** `/roles off`: removes what the bot gave in the server and deletes the configuration. */
  disable(guildId: string): Promise<RemovalResult>;
  /** Resolves once every queued sync has finished (shutdown, tests). */
  idle(): Promise<void>;
  readonly faults: RoleFaults;
}

export function createRoleSync(deps: RoleSyncDeps): RoleSync {
  const { store, api, logger } = deps;
  const faults = createRoleFaults(deps);
  /** What each member has of the roles, as last read or changed by us; lost on restart. */
  const known = new Map<string, Set<string>>();
  const chains = new Map<string, Promise<unknown>>();
  /** One task at a time per member and server: a cycle and a command never interleave. */
  const serial = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (chains.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    chains.set(key, tail);
    void tail.then(() => {
      if (chains.get(key) === tail) chains.delete(key);
    });
    return run;
  };

  /**
   * Queues a member's sync without waiting for it: Discord's rate limits must not hold up
   * the poller. A sync not started yet just takes the newer state (no pile-up per cycle).
   */
  const wanted = new Map<string, ShownState>();
  function schedule(guildId: string, userId: string, shown: ShownState): void {
    const key = roleMemberKey(guildId, userId);
    const queued = wanted.has(key);
    wanted.set(key, shown);
    if (queued) return;
    void serial(key, async () => {
      const latest = wanted.get(key) ?? shown;
      wanted.delete(key);
      const [config, member] = await Promise.all([
        store.getConfig(guildId),
        store.getMember(guildId, userId),
      ]);
      if (!config || config.problem !== null || !member) return;
      await sync(config, member, latest);
    }).catch((err: unknown) => {
      logger.error({ guildId, userId, err: errorSummary(err) }, "role sync crashed");
    });
  }

  async function actualRoles(guildId: string, userId: string): Promise<Set<string>> {
    const key = roleMemberKey(guildId, userId);
    let actual = known.get(key);
    if (actual === undefined) {
      actual = new Set(await api.memberRoles(guildId, userId));
      known.set(key, actual);
    }
    return actual;
  }

  /** Applies the desired roles; true when the member's record is up to date afterwards. */
  async function sync(config: RoleConfig, member: RoleMember, shown: ShownState | null) {
    const { guildId, userId } = member;
    const key = roleMemberKey(guildId, userId);
    try {
      const actual = await actualRoles(guildId, userId);
      const { add, remove } = desiredRoles(config, shown, actual);
      if (add.length === 0 && remove.length === 0) {
        if (member.shown !== shown)
          await store.updateMember(guildId, userId, (m) => ({ ...m, shown }));
        return;
      }
      const issue = api.problem(guildId, configRoles(config));
      if (issue) {
        await faults.pause(config, issue);
        return;
      }
      const reason = auditReason(config, shown);
      const added: string[] = [];
      const removed: string[] = [];
      try {
        for (const roleId of remove) {
          await api.remove(guildId, userId, roleId, reason);
          actual.delete(roleId);
          removed.push(roleId);
        }
        for (const roleId of add) {
          await api.add(guildId, userId, roleId, reason);
          actual.add(roleId);
          added.push(roleId);
        }
      } finally {
        // Whatever got through is recorded, so a later withdrawal removes exactly what we gave.
        if (added.length > 0 || removed.length > 0) {
          await store.updateMember(guildId, userId, (m) => ({
            ...m,
            given: [...new Set([...m.given, ...added])].filter((r) => !removed.includes(r)),
          }));
        }
      }
      await store.updateMember(guildId, userId, (m) => ({ ...m, shown }));
      logger.info({ guildId, userId, shown, added, removed }, "member roles synced");
    } catch (err) {
      if (err instanceof RoleApiError && (await faults.handle(config, member, err))) {
        known.delete(key);
        return;
      }
      logger.warn(
        { guildId, userId, err: errorSummary(err) },
        "role sync failed; retried next cycle",
      );
    }
  }

  async function removeGiven(member: RoleMember, reason: string): Promise<RemovalResult> {
    const result: RemovalResult = { removed: 0, failed: 0 };
    const key = roleMemberKey(member.guildId, member.userId);
    for (const roleId of member.given) {
      try {
        await api.remove(member.guildId, member.userId, roleId, reason);
        known.get(key)?.delete(roleId);
        result.removed++;
      } catch (err) {
        // Member gone or role deleted: nothing left to remove.
        if (err instanceof RoleApiError && (err.code === 10007 || err.code === 10011)) continue;
        result.failed++;
        logger.warn(
          { guildId: member.guildId, userId: member.userId, roleId, err: errorSummary(err) },
          "could not remove a role the bot gave",
        );
      }
    }
    return result;
  }

  const total = (results: RemovalResult[]): RemovalResult => ({
    removed: results.reduce((n, r) => n + r.removed, 0),
    failed: results.reduce((n, r) => n + r.failed, 0),
  });

  async function withdraw(guildId: string, userId: string): Promise<RemovalResult> {
    return serial(roleMemberKey(guildId, userId), async () => {
      const member = await store.getMember(guildId, userId);
      if (!member) return { removed: 0, failed: 0 };
      const config = await store.getConfig(guildId);
      const result = await removeGiven(member, auditReason(config, "withdrawn"));
      await store.deleteMember(guildId, userId);
      known.delete(roleMemberKey(guildId, userId));
      logger.info({ guildId, userId, ...result }, "role sync consent withdrawn");
      return result;
    });
  }

  return {
    faults,
    async activeLookups() {
      const running = new Set(
        (await store.listConfigs()).filter((c) => c.problem === null).map((c) => c.guildId),
      );
      const users = (await store.listMembers())
        .filter((m) => running.has(m.guildId))
        .map((m) => m.userId);
      return [...new Set(users)];
    },
    async onActiveSessions(userId, activeSessionIds) {
      const shown: ShownState = activeSessionIds.length > 0 ? "locked" : "unlocked";
      for (const m of await store.listMembersByUser(userId)) schedule(m.guildId, userId, shown);
    },
    idle: async () => {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
    consent: (guildId, userId, currentRoles) =>
      serial(roleMemberKey(guildId, userId), async () => {
        const key = roleMemberKey(guildId, userId);
        const existing = await store.getMember(guildId, userId);
        const member: RoleMember = existing ?? {
          guildId,
          userId,
          consentedAt: deps.now().toISOString(),
          shown: null,
          given: [],
        };
        if (!existing) await store.putMember(member);
        known.set(key, new Set(currentRoles));
        const config = await store.getConfig(guildId);
        // The linked role needs no lookup: given at once. The lock state follows within a cycle.
        if (config && config.problem === null) await sync(config, member, member.shown);
      }),
    withdraw,
    async forgetUser(userId) {
      const members = await store.listMembersByUser(userId);
      return total(await Promise.all(members.map((m) => withdraw(m.guildId, userId))));
    },
    async configure(config) {
      const previous = await store.getConfig(config.guildId);
      await store.putConfig(config);
      const members = await store.listMembersByGuild(config.guildId);
      const kept = new Set(configRoles(config));
      const dropped = previous ? configRoles(previous).filter((r) => !kept.has(r)) : [];
      for (const m of members) {
        // Re-read each member on the next sync: a pause may have let things drift.
        known.delete(roleMemberKey(m.guildId, m.userId));
        const stale = m.given.filter((r) => dropped.includes(r));
        if (stale.length === 0) continue;
        await serial(roleMemberKey(m.guildId, m.userId), async () => {
          const result = await removeGiven(
            { ...m, given: stale },
            auditReason(config, "withdrawn"),
          );
          if (result.failed === 0) {
            await store.updateMember(m.guildId, m.userId, (fresh) => ({
              ...fresh,
              given: fresh.given.filter((r) => !stale.includes(r)),
            }));
          }
        });
      }
    },
    async disable(guildId) {
      const config = await store.getConfig(guildId);
      const members = await store.listMembersByGuild(guildId);
      const results = await Promise.all(
        members.map((m) =>
          serial(roleMemberKey(guildId, m.userId), async () => {
            const fresh = await store.getMember(guildId, m.userId);
            if (!fresh) return { removed: 0, failed: 0 };
            const result = await removeGiven(fresh, auditReason(config, "withdrawn"));
            known.delete(roleMemberKey(guildId, m.userId));
            // Consents stay: `/roles set` again picks the members up where they were.
            await store.updateMember(guildId, m.userId, (f) => ({ ...f, shown: null, given: [] }));
            return result;
          }),
        ),
      );
      await store.deleteConfig(guildId);
      const result = total(results);
      logger.info({ guildId, members: members.length, ...result }, "role sync turned off");
      return result;
    },
  };
}
