/**
 * Who is waiting on a tracker request. A member waiting on `/histories`,
 * `/link` or autocomplete is "interactive" (the default: any request not
 * marked otherwise); the poller marks its own work "background". The mark
 * travels with the async context, so every request made inside
 * `asBackground(fn)` counts as background, however deep the call.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type TrackerPriority = "interactive" | "background";

const storage = new AsyncLocalStorage<TrackerPriority>();

export function asBackground<T>(fn: () => T): T {
  return storage.run("background", fn);
}

export function currentTrackerPriority(): TrackerPriority {
  return storage.getStore() ?? "interactive";
}
