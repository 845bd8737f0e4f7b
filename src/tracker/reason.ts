/**
 * Why a tracker request is made, for the request accounting (issue 24: where each request of
 * a minute went). The poller marks its reads (a busy or quiet session, a state check, a member's
 * active-session lookup, an outage probe...); a request not marked counts as "interactive" when
 * a member waits on it (priority.ts) and "background" otherwise. Like the priority, the mark
 * travels with the async context, retries included. A probe is never retried (http.ts).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { currentTrackerPriority } from "./priority.js";

export type RequestReason =
  | "base"
  | "busy"
  | "quiet"
  | "final"
  | "ended"
  | "probe"
  | "stateCheck"
  | "lookup"
  | "interactive"
  | "background";

const storage = new AsyncLocalStorage<RequestReason>();

export function withRequestReason<T>(reason: RequestReason, fn: () => T): T {
  return storage.run(reason, fn);
}

export function currentRequestReason(): RequestReason {
  return storage.getStore() ?? currentTrackerPriority();
}
