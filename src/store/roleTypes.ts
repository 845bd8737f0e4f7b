/** Role sync records: one configuration per server, one record per (server, member) who opted in. */

/** Why a server's role sync is paused until an admin runs `/roles set` again. */
export type RoleProblem = "missing_permissions" | "role_above_bot" | "role_deleted";

export interface RoleConfig {
  guildId: string;
  /** Given while the member's session is active. */
  locked: string;
  /** Given while no session is active; null: none. */
  unlocked: string | null;
  /** Given to every member who linked and opted in; null: none. */
  linked: string | null;
  /** The admin who ran `/roles set`: told once when syncing pauses. */
  setBy: string;
  /** That admin's language (one of the i18n locales), for the DM and audit log reasons. */
  locale: string;
  /** ISO 8601. */
  setAt: string;
  /** Null while syncing; why it paused otherwise. */
  problem: RoleProblem | null;
  /** The role the problem is about, when it is about one. */
  problemRoleId: string | null;
  /** ISO 8601. */
  pausedAt: string | null;
}

export type ShownState = "locked" | "unlocked";

export interface RoleMember {
  guildId: string;
  userId: string;
  /** ISO 8601 of `/rolesync enabled:true`. */
  consentedAt: string;
  /** The lock state the member's roles show; null until the first lookup. */
  shown: ShownState | null;
  /** Role ids the bot added and has not removed since: what `/rolesync enabled:false` removes. */
  given: string[];
}

export interface RoleStore {
  getConfig(guildId: string): Promise<RoleConfig | undefined>;
  listConfigs(): Promise<RoleConfig[]>;
  putConfig(config: RoleConfig): Promise<void>;
  /** Atomic read-modify-write, as SubscriptionStore.update. */
  updateConfig(
    guildId: string,
    change: (current: RoleConfig) => RoleConfig | undefined,
  ): Promise<RoleConfig | undefined>;
  deleteConfig(guildId: string): Promise<boolean>;

  getMember(guildId: string, userId: string): Promise<RoleMember | undefined>;
  listMembers(): Promise<RoleMember[]>;
  listMembersByUser(userId: string): Promise<RoleMember[]>;
  listMembersByGuild(guildId: string): Promise<RoleMember[]>;
  putMember(member: RoleMember): Promise<void>;
  updateMember(
    guildId: string,
    userId: string,
    change: (current: RoleMember) => RoleMember | undefined,
  ): Promise<RoleMember | undefined>;
  deleteMember(guildId: string, userId: string): Promise<boolean>;
}

export const roleMemberKey = (guildId: string, userId: string): string => `${guildId}:${userId}`;
