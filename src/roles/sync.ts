/**
 * The role sync engine. The poller tells it, after each successful sessions
 * lookup, whether a member has an active session; it brings that member's
 * roles in every server they opted into in line, with as few requests as
 * possible: nothing when nothing changed, one PUT or DELETE per role that is
 * missing or extra. What the member has is read from Discord once (at consent
 * or after a restart) and then kept up to date from the bot's own changes.
 */
import type { Logger } from "../log.js";
import { errorSummary } from "../util/errorSummary.js";
import type { RoleConfig, RoleMember, RoleStore, ShownState } from "../store/roleTypes.js";
import { roleMemberKey } from "../store/roleTypes.js";
import { type RoleApi, RoleApiError } from "./api.js";
import { createRoleFaults, type RoleFaults } from "./faults.js";
import { createMemberState } from "./members.js";
import { auditReason, configRoles, desiredRoles } from "./plan.js";
import { createRoleRemoval, type RemovalResult } from "./removal.js";
import { isStoreWriteError } from "../store/writeErrors.js";

export type { RemovalResult };

export interface RoleSyncDeps {
  store: RoleStore;
  api: RoleApi;
  logger: Logger;
  /** The wall clock's date: for what is stored or shown. */
  wall: () => Date;
  /** DMs a user; may throw (DMs closed), which is logged. */
  notifyUser: (userId: string, text: string) => Promise<void>;
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
  const members = createMemberState();
  const { known } = members;
  const removal = createRoleRemoval({ store, api, logger, members });
  /**
   * Queues a member's sync without waiting for it: Discord's rate limits must not hold up
   * the poller. A sync not started yet just takes the newer state (no pile-up per tick).
   */
  const wanted = new Map<string, ShownState>();
  function schedule(guildId: string, userId: string, shown: ShownState): void {
    const key = roleMemberKey(guildId, userId);
    const queued = wanted.has(key);
    wanted.set(key, shown);
    if (queued) return;
    void members
      .serial(guildId, userId, async () => {
        const latest = wanted.get(key) ?? shown;
        wanted.delete(key);
        const [config, member] = await Promise.all([
          store.getConfig(guildId),
          store.getMember(guildId, userId),
        ]);
        if (!config || config.problem !== null || !member) return;
        await sync(config, member, latest);
      })
      .catch((err: unknown) => {
        // A store that cannot write is logged once per outage by its tracker.
        if (isStoreWriteError(err)) return;
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

  /** Brings one member in line with `shown`; faults pause the server or drop the consent. */
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
      // A store that cannot write is logged once per outage by its tracker, not per member and tick.
      if (isStoreWriteError(err)) return;
      logger.warn(
        { guildId, userId, err: errorSummary(err) },
        "role sync failed; retried next tick",
      );
    }
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
    idle: () => members.idle(),
    consent: (guildId, userId, currentRoles) =>
      members.serial(guildId, userId, async () => {
        const key = roleMemberKey(guildId, userId);
        const existing = await store.getMember(guildId, userId);
        const member: RoleMember = existing ?? {
          guildId,
          userId,
          consentedAt: deps.wall().toISOString(),
          shown: null,
          given: [],
        };
        if (!existing) await store.putMember(member);
        known.set(key, new Set(currentRoles));
        const config = await store.getConfig(guildId);
        // The linked role needs no lookup: given at once. The lock state follows within a tick.
        if (config && config.problem === null) await sync(config, member, member.shown);
      }),
    withdraw: removal.withdraw,
    forgetUser: removal.forgetUser,
    configure: removal.configure,
    disable: removal.disable,
  };
}
