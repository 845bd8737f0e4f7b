/** What /healthz and /metrics of a serving instance say about its lease (src/replicas). */
import type { Client } from "discord.js";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Store } from "../store/types.js";
import type { ReplicaHooks } from "./hooks.js";

/** leases held (0 or 1: the serve lease) and takeovers, read at every scrape. */
export function registerReplicaMetrics(registry: Registry, replica: ReplicaHooks): void {
  new Gauge({
    name: "ct_bot_leases_held",
    help: "Leases this instance holds (serve: every gateway shard, interactions, polling).",
    labelNames: ["lease"],
    registers: [registry],
    collect() {
      this.set({ lease: "serve" }, replica.status().role === "serving" ? 1 : 0);
    },
  });
  new Counter({
    name: "ct_bot_lease_takeovers_total",
    help: "Times this instance took a lease over from another holder.",
    registers: [registry],
    collect() {
      // The leadership counts; the counter shows its count (it only ever rises).
      this.reset();
      const count = replica.status().takeovers;
      if (count > 0) this.inc(count);
    },
  });
}

/** The /healthz part: this instance's role and what it holds (shards, followed sources). */
export function replicaHealth(
  replica: ReplicaHooks,
  client: Client,
  store: Store,
): () => Promise<Record<string, unknown>> {
  return async () => {
    const { role, holder, takeovers } = replica.status();
    const serving = role === "serving";
    const sources = new Set(
      (await store.subscriptions.list())
        .filter((s) => s.status === "active")
        .map((s) => `${s.userId}:${s.currentSession}`),
    );
    return {
      role,
      instance: holder,
      takeovers,
      holds: {
        shards: serving ? [...client.ws.shards.keys()].sort((a, b) => a - b) : [],
        sources: serving ? sources.size : 0,
      },
    };
  };
}
