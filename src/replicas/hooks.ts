/**
 * What the composition root asks of the replica layer when several instances
 * share a Postgres database: the bot itself stays unaware of leases.
 */
import type { Deliver } from "../poller/sender/channels.js";
import type { Store } from "../store/types.js";
import type { RequestBudget } from "../tracker/budget.js";
import type { LeadershipStatus } from "./leadership.js";
import type { Preconnected } from "./preconnect.js";

export interface ReplicaHooks {
  /** True for exactly one instance per interaction id, and only while it holds the serve lease. */
  claimInteraction(id: string): Promise<boolean>;
  /** The database confirms this instance still holds the serve lease (checked before each post). */
  fence(): Promise<boolean>;
  /** For /healthz and /metrics. */
  status(): LeadershipStatus;
  /** The request budget counted for all instances together (a shared window in the database). */
  shareBudget?(local: RequestBudget): RequestBudget;
  /** A hand-over: the gateway is already connected; use this client instead of logging in. */
  preconnected?: Preconnected;
}

/** Not an error of Discord's: the poller keeps the outbox entry for the lease's new holder. */
export class LeaseLostError extends Error {
  override readonly name = "LeaseLostError";
}

/** Posts only while the lease is held: an instance that lost it (paused, cut off) posts nothing. */
export function fencedDelivery<T extends { deliver: Deliver }>(
  delivery: T,
  replica: ReplicaHooks | undefined,
): T {
  if (!replica) return delivery;
  return {
    ...delivery,
    deliver: async (channelId, body) => {
      if (!(await replica.fence()))
        throw new LeaseLostError("this instance no longer holds the serve lease: not posting");
      return delivery.deliver(channelId, body);
    },
  };
}

/**
 * The store as the poller sees it: queuing posts and moving subscriptions on only while the
 * lease is held, so an instance resumed after a pause writes no entry the new holder would miss.
 */
export function fencedPollerStore<T extends FencedParts>(
  store: T,
  replica: ReplicaHooks | undefined,
): T {
  if (!replica) return store;
  const fenced = async () => {
    if (!(await replica.fence()))
      throw new LeaseLostError("this instance no longer holds the serve lease: not writing");
  };
  return {
    ...store,
    outbox: {
      ...store.outbox,
      put: async (entry) => {
        await fenced();
        return store.outbox.put(entry);
      },
    },
    subscriptions: {
      ...store.subscriptions,
      update: async (id, change) => {
        await fenced();
        return store.subscriptions.update(id, change);
      },
    },
  };
}

type FencedParts = Pick<Store, "outbox" | "subscriptions">;
