/**
 * Whether the Discord gateway is up, for /healthz: a short drop (a resume)
 * is normal and stays healthy; down for longer than the grace is not.
 */
import { performance } from "node:perf_hooks";
import { type Client, Events, Status } from "discord.js";
import type { GatewayCheck } from "../health/server.js";

export function watchGateway(client: Client, graceMs = 30_000): () => GatewayCheck {
  let downSince: number | undefined;
  const allReady = () =>
    client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready);
  const down = () => {
    downSince ??= performance.now();
  };
  const maybeUp = () => {
    if (allReady()) downSince = undefined;
  };
  client.on(Events.ShardDisconnect, down);
  client.on(Events.ShardReconnecting, down);
  client.on(Events.ShardError, down);
  client.on(Events.ShardReady, maybeUp);
  client.on(Events.ShardResume, maybeUp);

  return () => {
    if (!client.isReady()) return { ok: false, reason: "gateway not ready" };
    if (allReady()) {
      downSince = undefined;
      return { ok: true };
    }
    down();
    const seconds = (performance.now() - (downSince ?? performance.now())) / 1000;
    if (seconds * 1000 <= graceMs) return { ok: true };
    // A stable text: /healthz logs each change of its reason.
    return { ok: false, reason: `disconnected for more than ${Math.round(graceMs / 1000)} s` };
  };
}
