import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { SubscriptionStatus } from "../store/types.js";
import type { TrackerEndpoint } from "../tracker/errors.js";

/** What the tracker client's `onRequest` hook reports for every request. */
export interface TrackerRequestInfo {
  endpoint: TrackerEndpoint;
  /** A small fixed set ("ok", "auth", "rate_limited", "timeout", ...): it becomes a label. */
  outcome: string;
  /** Accepted so the hook can be passed straight through; not a label (outcome covers it). */
  status?: number | undefined;
  durationMs: number;
  /** Why it was made (src/tracker/reason.ts): a small fixed set, a label of its own counter. */
  reason?: string | undefined;
}

/** What the scheduler reports at every scrape (see setSchedulerSource). */
export interface SchedulerReading {
  budgetPerMinute: number;
  /** Reduced while recovering from a 429. */
  effectiveBudgetPerMinute: number;
  /** Requests the budget let start since the process started. */
  requestsStarted: number;
  /** 429 answers from the tracker. */
  rateLimited: number;
  /** The longest planned interval of a running source. */
  effectiveIntervalMs: number;
  lagMs: number;
  /** 1 while the tracker counts as down as a whole (circuit breaker open or probing). */
  trackerCircuitOpen?: number;
  /** Times the tracker went down as a whole since the start. */
  trackerOutages?: number;
  /** Sources by why they are read when they are (the poller's admission, src/poller/schedule/admission.ts). */
  sourcesByReason?: Readonly<Record<string, number>>;
  /** Sources a fault holds back now (their own backoff, or the tracker down). */
  sourcesHeld?: number;
}

export type SubscriptionCounts = Partial<Record<SubscriptionStatus, number>>;
export type SubscriptionCountSource = () => SubscriptionCounts | Promise<SubscriptionCounts>;

export interface Metrics {
  /** Own registry per instance: tests can create several; /metrics serves this one. */
  readonly registry: Registry;
  trackerRequest(info: TrackerRequestInfo): void;
  pollCycle(durationMs: number): void;
  itemsDelivered(count: number): void;
  /** `reason` becomes a label: keep it to a small fixed set. */
  deliveryFailed(reason: string): void;
  /** Sets the gauge now; statuses left out read as 0. */
  setSubscriptionCounts(counts: SubscriptionCounts): void;
  /** Asks `source` at every scrape instead; a failing source keeps the last values. */
  setSubscriptionSource(source: SubscriptionCountSource): void;
  /** `getter` returns the gateway heartbeat in milliseconds (discord.js `client.ws.ping`, -1 unknown). */
  setGatewayPing(getter: () => number): void;
  /** The budget and the scheduler, read at every scrape. */
  setSchedulerSource(source: () => SchedulerReading): void;
  /** Whether the store can write and its failed writes so far, read at every scrape. */
  setStoreWriteSource(source: () => StoreWriteReading): void;
}

export interface StoreWriteReading {
  writable: boolean;
  /** Failed writes since the process started. */
  writeErrors: number;
}

export interface MetricsOptions {
  /** Prefix of the default process/Node.js metrics; "" for none. */
  defaultMetricsPrefix?: string;
  /** false leaves out process/Node.js metrics (tests that only look at ours). */
  defaultMetrics?: boolean;
  /** Told when a scrape-time source (subscriptions, gateway ping) throws. */
  onCollectError?: (error: unknown, metric: string) => void;
}

// `satisfies` makes the compiler flag a status added to the store but not here.
const knownStatuses = { active: true, paused: true } satisfies Record<SubscriptionStatus, true>;

const trackerBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const pollBuckets = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const onCollectError = options.onCollectError ?? (() => {});

  if (options.defaultMetrics !== false) {
    collectDefaultMetrics({ register: registry, prefix: options.defaultMetricsPrefix ?? "ctbot_" });
  }

  const trackerRequests = new Counter({
    name: "tracker_requests_total",
    help: "Requests to the Chastity Tracker API by endpoint and outcome.",
    labelNames: ["endpoint", "outcome"] as const,
    registers,
  });
  const trackerReasons = new Counter({
    name: "tracker_requests_by_reason_total",
    help: "Requests to the Chastity Tracker API by why they were made (retries included): base, busy and quiet session reads, final and ended reads, probe, stateCheck, lookup, interactive, background.",
    labelNames: ["reason"] as const,
    registers,
  });
  const trackerDuration = new Histogram({
    name: "tracker_request_duration_seconds",
    help: "Duration of Chastity Tracker API requests.",
    labelNames: ["endpoint"] as const,
    buckets: trackerBuckets,
    registers,
  });
  const pollDuration = new Histogram({
    name: "poll_cycle_duration_seconds",
    help: "Duration of one poll cycle over all subscriptions.",
    buckets: pollBuckets,
    registers,
  });
  const pollCycles = new Counter({
    name: "poll_cycles_total",
    help: "Poll cycles completed.",
    registers,
  });
  const delivered = new Counter({
    name: "items_delivered_total",
    help: "History items posted to Discord.",
    registers,
  });
  const deliveriesFailed = new Counter({
    name: "deliveries_failed_total",
    help: "Deliveries to Discord that failed, by reason.",
    labelNames: ["reason"] as const,
    registers,
  });

  let subscriptionSource: SubscriptionCountSource | undefined;
  const subscriptions = new Gauge({
    name: "subscriptions",
    help: "Subscriptions by status.",
    labelNames: ["status"] as const,
    registers,
    async collect() {
      if (!subscriptionSource) return;
      try {
        applyCounts(await subscriptionSource());
      } catch (error) {
        onCollectError(error, "subscriptions");
      }
    },
  });
  const applyCounts = (counts: SubscriptionCounts): void => {
    subscriptions.reset();
    const all: Record<string, number | undefined> = { ...counts };
    for (const status of Object.keys(knownStatuses)) all[status] ??= 0;
    for (const [status, count] of Object.entries(all)) {
      if (count !== undefined && Number.isFinite(count)) subscriptions.set({ status }, count);
    }
  };
  applyCounts({});

  let pingGetter: (() => number) | undefined;
  new Gauge({
    name: "discord_gateway_ping_seconds",
    help: "Discord gateway heartbeat round trip; NaN while unknown.",
    registers,
    collect() {
      // NaN rather than 0: an unknown ping must not look like a perfect one.
      let seconds = Number.NaN;
      try {
        const ms = pingGetter?.();
        if (ms !== undefined && Number.isFinite(ms) && ms >= 0) seconds = ms / 1000;
      } catch (error) {
        onCollectError(error, "discord_gateway_ping_seconds");
      }
      this.set(seconds);
    },
  });

  const setSchedulerSource = schedulerMetrics(registers, onCollectError);
  const setStoreWriteSource = storeWriteMetrics(registers);

  return {
    registry,
    setSchedulerSource,
    setStoreWriteSource,
    trackerRequest(info) {
      trackerRequests.inc({ endpoint: info.endpoint, outcome: info.outcome });
      if (info.reason !== undefined) trackerReasons.inc({ reason: info.reason });
      if (Number.isFinite(info.durationMs) && info.durationMs >= 0) {
        trackerDuration.observe({ endpoint: info.endpoint }, info.durationMs / 1000);
      }
    },
    pollCycle(durationMs) {
      pollCycles.inc();
      if (Number.isFinite(durationMs) && durationMs >= 0) pollDuration.observe(durationMs / 1000);
    },
    itemsDelivered(count) {
      // prom-client throws on negative increments; a counter only goes up.
      if (Number.isFinite(count) && count > 0) delivered.inc(count);
    },
    deliveryFailed(reason) {
      deliveriesFailed.inc({ reason });
    },
    setSubscriptionCounts(counts) {
      subscriptionSource = undefined;
      applyCounts(counts);
    },
    setSubscriptionSource(source) {
      subscriptionSource = source;
    },
    setGatewayPing(getter) {
      pingGetter = getter;
    },
  };
}

/** Budget and scheduler gauges, all read from one source at scrape time. */
function schedulerMetrics(
  registers: Registry[],
  onCollectError: (error: unknown, metric: string) => void,
): Metrics["setSchedulerSource"] {
  let source: (() => SchedulerReading) | undefined;
  const reading = (): SchedulerReading | undefined => {
    try {
      return source?.();
    } catch (error) {
      onCollectError(error, "scheduler");
      return undefined;
    }
  };
  const schedulerGauge = (name: string, help: string, pick: (r: SchedulerReading) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        const r = reading();
        this.set(r === undefined ? Number.NaN : pick(r));
      },
    });
  const schedulerCounter = (name: string, help: string, pick: (r: SchedulerReading) => number) =>
    new Counter({
      name,
      help,
      registers,
      collect() {
        const r = reading();
        if (r === undefined) return;
        // The budget keeps the running total; mirror it.
        this.reset();
        this.inc(pick(r));
      },
    });
  schedulerGauge(
    "tracker_budget_requests_per_minute",
    "TRACKER_MAX_REQUESTS_PER_MINUTE: the request budget.",
    (r) => r.budgetPerMinute,
  );
  schedulerGauge(
    "tracker_budget_effective_requests_per_minute",
    "What the budget allows now (lower while recovering from a 429, 0 while paused).",
    (r) => r.effectiveBudgetPerMinute,
  );
  schedulerCounter(
    "tracker_budget_requests_started_total",
    "Tracker requests started under the budget.",
    (r) => r.requestsStarted,
  );
  schedulerCounter(
    "tracker_rate_limited_total",
    "429 answers from the tracker.",
    (r) => r.rateLimited,
  );
  schedulerGauge(
    "poll_effective_interval_seconds",
    "How often the slowest running session is checked now (the configured interval unless the budget stretches it).",
    (r) => r.effectiveIntervalMs / 1000,
  );
  schedulerGauge(
    "poll_lag_seconds",
    "How far the most overdue source is behind its due time.",
    (r) => r.lagMs / 1000,
  );
  schedulerGauge(
    "tracker_circuit_open",
    "1 while the tracker is down as a whole: reads paused, one probe at a time.",
    (r) => r.trackerCircuitOpen ?? 0,
  );
  schedulerCounter(
    "tracker_outages_total",
    "Times the tracker went down as a whole (the circuit breaker opened).",
    (r) => r.trackerOutages ?? 0,
  );
  sourceGauges(registers, reading, schedulerGauge);
  return (next) => {
    source = next;
  };
}

/** The poller's sources by the admission's answer (src/poller/schedule/admission.ts). */
function sourceGauges(
  registers: Registry[],
  reading: () => SchedulerReading | undefined,
  schedulerGauge: (name: string, help: string, pick: (r: SchedulerReading) => number) => void,
): void {
  new Gauge({
    name: "poll_sources",
    help: "Sources by why they are read when they are: their plan (base, quiet, overloaded, ended), a hold of this tick (queued, channelBusy), a final read or state check, their own backoff, the tracker down (breakerOpen, probe).",
    labelNames: ["reason"] as const,
    registers,
    collect() {
      const r = reading();
      this.reset();
      for (const [reason, count] of Object.entries(r?.sourcesByReason ?? {}))
        this.set({ reason }, count);
    },
  });
  schedulerGauge(
    "poll_sources_held",
    "Sources a fault holds back now: their own backoff, or the tracker down.",
    (r) => r.sourcesHeld ?? 0,
  );
}

/** store_writable and store_write_errors_total, read from one source at scrape time. */
function storeWriteMetrics(registers: Registry[]): Metrics["setStoreWriteSource"] {
  let source: (() => StoreWriteReading) | undefined;
  new Gauge({
    name: "store_writable",
    help: "1 while the database accepts writes, 0 while it refuses them (full, read-only, locked...); NaN unknown.",
    registers,
    collect() {
      const reading = source?.();
      this.set(reading === undefined ? Number.NaN : reading.writable ? 1 : 0);
    },
  });
  new Counter({
    name: "store_write_errors_total",
    help: "Database writes that failed (and reads blocked by another program's lock).",
    registers,
    collect() {
      const reading = source?.();
      if (reading === undefined) return;
      // The store keeps the running total; mirror it.
      this.reset();
      this.inc(reading.writeErrors);
    },
  });
  return (next) => {
    source = next;
  };
}
