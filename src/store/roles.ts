/** The role sync store over two cached namespaces: `roleConfigs` and `roleMembers`. */
import type { Logger } from "../log.js";
import type { Backend } from "./backend.js";
import { type CachedCollection, loadCollection } from "./collection.js";
import { roleConfigSchema, roleMemberSchema } from "./roleSchemas.js";
import { type RoleConfig, type RoleMember, type RoleStore, roleMemberKey } from "./roleTypes.js";

export interface RoleCollections {
  configs: CachedCollection<RoleConfig>;
  members: CachedCollection<RoleMember>;
}

export async function loadRoleCollections(
  backend: Backend,
  logger: Logger,
): Promise<RoleCollections> {
  const [configs, members] = await Promise.all([
    loadCollection<RoleConfig>({
      backend,
      name: "roleConfigs",
      schema: roleConfigSchema,
      idOf: (c) => c.guildId,
      logger,
    }),
    loadCollection<RoleMember>({
      backend,
      name: "roleMembers",
      schema: roleMemberSchema,
      idOf: (m) => roleMemberKey(m.guildId, m.userId),
      logger,
    }),
  ]);
  return { configs, members };
}

/** Works on any CachedCollection pair (keyv-backed, or in memory for tests). */
export function createRoleStore({ configs, members }: RoleCollections): RoleStore {
  return {
    getConfig: async (guildId) => configs.get(guildId),
    listConfigs: async () => configs.values(),
    putConfig: (config) => configs.put(config),
    updateConfig: (guildId, change) => configs.update(guildId, change),
    deleteConfig: (guildId) => configs.delete(guildId),
    getMember: async (guildId, userId) => members.get(roleMemberKey(guildId, userId)),
    listMembers: async () => members.values(),
    listMembersByUser: async (userId) => members.values((m) => m.userId === userId),
    listMembersByGuild: async (guildId) => members.values((m) => m.guildId === guildId),
    putMember: (member) => members.put(member),
    updateMember: (guildId, userId, change) =>
      members.update(roleMemberKey(guildId, userId), change),
    deleteMember: (guildId, userId) => members.delete(roleMemberKey(guildId, userId)),
  };
}

/** A CachedCollection held only in memory (tests and tools); copies in and out like the real one. */
export function memoryCollection<T>(idOf: (item: T) => string): CachedCollection<T> {
  const items = new Map<string, T>();
  const copy = <V>(v: V): V => structuredClone(v);
  return {
    get: (id) => (items.has(id) ? copy(items.get(id)) : undefined),
    values: (match) => [...items.values()].filter((i) => !match || match(i)).map(copy),
    shared: () => [...items.values()],
    put: async (item) => {
      items.set(idOf(item), copy(item));
    },
    update: async (id, change) => {
      const current = items.get(id);
      if (current === undefined) return undefined;
      const next = change(copy(current));
      if (next === undefined) return undefined;
      items.set(id, copy(next));
      return copy(next);
    },
    delete: async (id) => items.delete(id),
    deleteWhere: async (match) => {
      const ids = [...items].filter(([, item]) => match(item)).map(([id]) => id);
      for (const id of ids) items.delete(id);
      return ids.length;
    },
    idle: async () => undefined,
  };
}

export function createMemoryRoleStore(): RoleStore {
  return createRoleStore({
    configs: memoryCollection<RoleConfig>((c) => c.guildId),
    members: memoryCollection<RoleMember>((m) => roleMemberKey(m.guildId, m.userId)),
  });
}
