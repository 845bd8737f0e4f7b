import { describe, expect, it } from "vitest";
import { createMetrics, type Metrics } from "../../src/health/metrics.js";

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * Just enough of the Prometheus text format (0.0.4) to check what we emit:
 * every sample line must parse and belong to a family announced by HELP and TYPE.
 */
function parseExposition(text: string): Sample[] {
  const typed = new Map<string, string>();
  const helped = new Set<string>();
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      if (meta[1] === "TYPE") typed.set(meta[2]!, meta[3]!);
      else helped.add(meta[2]!);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`not a Prometheus sample line: ${line}`);
    const name = sample[1]!;
    const labels: Record<string, string> = {};
    const labelText = sample[2] ?? "";
    const labelRe = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;
    let consumed = 0;
    for (let m = labelRe.exec(labelText); m; m = labelRe.exec(labelText)) {
      labels[m[1]!] = m[2]!;
      consumed = labelRe.lastIndex;
    }
    if (consumed !== labelText.length) throw new Error(`bad labels in: ${line}`);
    // Prometheus reads values with Go's ParseFloat, which ignores case in NaN/Inf
    // (prom-client writes "Nan").
    const raw = sample[3]!.toLowerCase();
    const value =
      raw === "nan"
        ? Number.NaN
        : /^[+-]?inf$/.test(raw)
          ? Number(raw.replace("inf", "Infinity"))
          : Number(raw);
    if (raw !== "nan" && (raw === "" || Number.isNaN(value)))
      throw new Error(`bad value in: ${line}`);
    const family = [...typed.keys()].find(
      (f) => name === f || /^_(bucket|sum|count)$/.test(name.slice(f.length)),
    );
    if (!family || !helped.has(family)) throw new Error(`sample without HELP/TYPE: ${line}`);
    samples.push({ name, labels, value });
  }
  return samples;
}

async function scrape(metrics: Metrics): Promise<Sample[]> {
  return parseExposition(await metrics.registry.metrics());
}

function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length !== 1)
    throw new Error(`${found.length} samples for ${name} ${JSON.stringify(labels)}`);
  return found[0]!.value;
}

describe("parseExposition", () => {
  it("rejects what is not exposition text", () => {
    expect(() => parseExposition("# HELP a x\n# TYPE a counter\na{b=c} 1\n")).toThrow();
    expect(() => parseExposition("orphan_total 1\n")).toThrow(/HELP/);
  });
});

describe("createMetrics", () => {
  it("reads whether the store can write and its failed writes at scrape time", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    expect(Number.isNaN(sampleValue(await scrape(metrics), "store_writable"))).toBe(true);
    let reading = { writable: false, writeErrors: 7 };
    metrics.setStoreWriteSource(() => reading);
    let samples = await scrape(metrics);
    expect(sampleValue(samples, "store_writable")).toBe(0);
    expect(sampleValue(samples, "store_write_errors_total")).toBe(7);
    reading = { writable: true, writeErrors: 9 };
    samples = await scrape(metrics);
    expect(sampleValue(samples, "store_writable")).toBe(1);
    expect(sampleValue(samples, "store_write_errors_total")).toBe(9);
  });

  it("emits valid exposition text with default metrics under the prefix", async () => {
    const samples = await scrape(createMetrics({ defaultMetricsPrefix: "test_" }));
    expect(samples.some((s) => s.name === "test_process_cpu_user_seconds_total")).toBe(true);
    expect(samples.some((s) => s.name === "process_cpu_user_seconds_total")).toBe(false);
    const without = await scrape(createMetrics({ defaultMetrics: false }));
    expect(without.some((s) => s.name.includes("process_"))).toBe(false);
  });

  it("keeps each instance in its own registry", async () => {
    const a = createMetrics({ defaultMetrics: false });
    const b = createMetrics({ defaultMetrics: false });
    a.itemsDelivered(2);
    expect(sampleValue(await scrape(a), "items_delivered_total")).toBe(2);
    expect(sampleValue(await scrape(b), "items_delivered_total")).toBe(0);
  });

  it("counts delivered items and ignores non-positive counts", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    expect(sampleValue(await scrape(metrics), "items_delivered_total")).toBe(0);
    metrics.itemsDelivered(3);
    metrics.itemsDelivered(0);
    metrics.itemsDelivered(-5);
    expect(sampleValue(await scrape(metrics), "items_delivered_total")).toBe(3);
  });

  it("records tracker requests by endpoint and outcome, durations in seconds", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.trackerRequest({ endpoint: "histories", outcome: "ok", status: 200, durationMs: 250 });
    metrics.trackerRequest({ endpoint: "histories", outcome: "ok", status: 200, durationMs: 750 });
    metrics.trackerRequest({ endpoint: "stats", outcome: "auth", status: 401, durationMs: 40 });
    const s = await scrape(metrics);
    const histories = { endpoint: "histories", outcome: "ok" };
    expect(sampleValue(s, "tracker_requests_total", histories)).toBe(2);
    expect(sampleValue(s, "tracker_requests_total", { endpoint: "stats", outcome: "auth" })).toBe(
      1,
    );
    expect(
      sampleValue(s, "tracker_request_duration_seconds_count", { endpoint: "histories" }),
    ).toBe(2);
    expect(sampleValue(s, "tracker_request_duration_seconds_sum", { endpoint: "histories" })).toBe(
      1,
    );
    const le = { endpoint: "histories", le: "0.5" };
    expect(sampleValue(s, "tracker_request_duration_seconds_bucket", le)).toBe(1);
  });

  it("records poll cycles and failed deliveries", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.pollCycle(300);
    metrics.pollCycle(4000);
    metrics.deliveryFailed("missing_access");
    metrics.deliveryFailed("missing_access");
    metrics.deliveryFailed("rate_limited");
    const s = await scrape(metrics);
    expect(sampleValue(s, "poll_cycles_total")).toBe(2);
    expect(sampleValue(s, "poll_cycle_duration_seconds_count")).toBe(2);
    expect(sampleValue(s, "poll_cycle_duration_seconds_sum")).toBeCloseTo(4.3);
    expect(sampleValue(s, "poll_cycle_duration_seconds_bucket", { le: "0.5" })).toBe(1);
    expect(sampleValue(s, "deliveries_failed_total", { reason: "missing_access" })).toBe(2);
    expect(sampleValue(s, "deliveries_failed_total", { reason: "rate_limited" })).toBe(1);
  });

  it("sets subscription counts, filling unknown statuses with 0", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    let s = await scrape(metrics);
    expect(sampleValue(s, "subscriptions", { status: "active" })).toBe(0);
    expect(sampleValue(s, "subscriptions", { status: "paused" })).toBe(0);
    metrics.setSubscriptionCounts({ active: 4, paused: 1 });
    metrics.setSubscriptionCounts({ active: 5 });
    s = await scrape(metrics);
    expect(sampleValue(s, "subscriptions", { status: "active" })).toBe(5);
    expect(sampleValue(s, "subscriptions", { status: "paused" })).toBe(0);
  });

  it("asks a subscription source at scrape time and keeps the last values when it fails", async () => {
    const errors: string[] = [];
    const metrics = createMetrics({
      defaultMetrics: false,
      onCollectError: (_error, metric) => errors.push(metric),
    });
    let counts: { active: number; paused: number } | Error = { active: 2, paused: 7 };
    metrics.setSubscriptionSource(async () => {
      if (counts instanceof Error) throw counts;
      return counts;
    });
    expect(sampleValue(await scrape(metrics), "subscriptions", { status: "paused" })).toBe(7);
    counts = { active: 3, paused: 6 };
    expect(sampleValue(await scrape(metrics), "subscriptions", { status: "active" })).toBe(3);
    counts = new Error("database is locked");
    const s = await scrape(metrics);
    expect(sampleValue(s, "subscriptions", { status: "active" })).toBe(3);
    expect(errors).toEqual(["subscriptions"]);
  });

  it("reports the gateway ping in seconds and NaN while it is unknown", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    expect(sampleValue(await scrape(metrics), "discord_gateway_ping_seconds")).toBeNaN();
    let ping = 42;
    metrics.setGatewayPing(() => ping);
    expect(sampleValue(await scrape(metrics), "discord_gateway_ping_seconds")).toBeCloseTo(0.042);
    ping = -1;
    expect(sampleValue(await scrape(metrics), "discord_gateway_ping_seconds")).toBeNaN();
  });

  it("reports the budget, requests, 429s, effective interval and lag from the scheduler", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    expect(sampleValue(await scrape(metrics), "poll_lag_seconds")).toBeNaN();
    let started = 7;
    metrics.setSchedulerSource(() => ({
      budgetPerMinute: 100,
      effectiveBudgetPerMinute: 25,
      requestsStarted: started,
      rateLimited: 2,
      effectiveIntervalMs: 900_000,
      lagMs: 4500,
    }));
    let samples = await scrape(metrics);
    expect(sampleValue(samples, "tracker_budget_requests_per_minute")).toBe(100);
    expect(sampleValue(samples, "tracker_budget_effective_requests_per_minute")).toBe(25);
    expect(sampleValue(samples, "tracker_budget_requests_started_total")).toBe(7);
    expect(sampleValue(samples, "tracker_rate_limited_total")).toBe(2);
    expect(sampleValue(samples, "poll_effective_interval_seconds")).toBe(900);
    expect(sampleValue(samples, "poll_lag_seconds")).toBe(4.5);
    started = 9;
    samples = await scrape(metrics);
    expect(sampleValue(samples, "tracker_budget_requests_started_total")).toBe(9);
  });
  it("counts the poller's sources by the admission's reason, and those a fault holds", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    let byReason: Record<string, number> = { base: 2, backoff: 1 };
    metrics.setSchedulerSource(() => ({
      budgetPerMinute: 100,
      effectiveBudgetPerMinute: 100,
      requestsStarted: 0,
      rateLimited: 0,
      effectiveIntervalMs: 60_000,
      lagMs: 0,
      sourcesByReason: byReason,
      sourcesHeld: 1,
    }));
    let samples = await scrape(metrics);
    expect(sampleValue(samples, "poll_sources", { reason: "base" })).toBe(2);
    expect(sampleValue(samples, "poll_sources", { reason: "backoff" })).toBe(1);
    expect(sampleValue(samples, "poll_sources_held")).toBe(1);
    // A reason no source has any more is gone, not stuck at its last count.
    byReason = { breakerOpen: 3 };
    samples = await scrape(metrics);
    expect(sampleValue(samples, "poll_sources", { reason: "breakerOpen" })).toBe(3);
    expect(samples.filter((s) => s.name === "poll_sources")).toHaveLength(1);
  });
});
