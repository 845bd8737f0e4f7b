/** What the engine keeps in memory per (server, member): known roles and a one-at-a-time queue. */
import { roleMemberKey } from "../store/roleTypes.js";

export interface MemberState {
  /** What each member has, as last read from Discord or changed by us; lost on restart. */
  known: Map<string, Set<string>>;
  /** Runs tasks of one member in one server one at a time: a poller tick and a command never interleave. */
  serial<T>(guildId: string, userId: string, task: () => Promise<T>): Promise<T>;
  /** Resolves once every queued task has finished. */
  idle(): Promise<void>;
}

export function createMemberState(): MemberState {
  const known = new Map<string, Set<string>>();
  const chains = new Map<string, Promise<unknown>>();
  return {
    known,
    serial(guildId, userId, task) {
      const key = roleMemberKey(guildId, userId);
      const run = (chains.get(key) ?? Promise.resolve()).then(task, task);
      const tail = run.catch(() => undefined);
      chains.set(key, tail);
      void tail.then(() => {
        if (chains.get(key) === tail) chains.delete(key);
      });
      return run;
    },
    async idle() {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
  };
}
