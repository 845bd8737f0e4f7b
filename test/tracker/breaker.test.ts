import { describe, expect, it } from "vitest";
import { createBreaker, isSiteWide } from "../../src/tracker/breaker.js";
import {
  TrackerAuthError,
  TrackerNetworkError,
  TrackerRateLimitError,
  TrackerServerError,
  TrackerTimeoutError,
  TrackerUnexpectedResponseError,
  TrackerValidationError,
} from "../../src/tracker/errors.js";

const breaker = () => createBreaker({ firstProbeMs: 5000, maxProbeMs: 60_000 });

describe("the tracker's circuit breaker", () => {
  it("opens on site-wide failures of several sources, not of one", () => {
    const b = breaker();
    expect(b.failed("s1", 0)).toEqual({ opened: false });
    expect(b.failed("s1", 10)).toEqual({ opened: false });
    expect(b.failed("s2", 20)).toEqual({ opened: false });
    expect(b.admit(30)).toBe("go");
    expect(b.failed("s3", 30)).toEqual({ opened: true });
    expect(b.snapshot()).toMatchObject({ state: "open", opens: 1, probeAt: 5030 });
  });

  it("with fewer sources than the threshold, opens when every one of them fails", () => {
    let sources = 1;
    const b = createBreaker({ firstProbeMs: 5000, maxProbeMs: 60_000, population: () => sources });
    expect(b.failed("only", 0)).toEqual({ opened: true });
    b.succeeded(1);
    sources = 2;
    expect(b.failed("s1", 2)).toEqual({ opened: false });
    expect(b.failed("s1", 3)).toEqual({ opened: false });
    expect(b.failed("s2", 4)).toEqual({ opened: true });
    b.succeeded(5);
    // Many sources: the threshold (3) as before, not every source.
    sources = 50;
    for (const s of ["a", "b"]) expect(b.failed(s, 6)).toEqual({ opened: false });
    expect(b.failed("c", 7)).toEqual({ opened: true });
  });

  it("a success in between starts the count again", () => {
    const b = breaker();
    b.failed("s1", 0);
    b.failed("s2", 0);
    b.succeeded(1);
    expect(b.failed("s3", 2)).toEqual({ opened: false });
  });

  it("holds reads while open, lets one probe through at a doubling interval up to the cap", () => {
    const b = breaker();
    for (const s of ["a", "b", "c"]) b.failed(s, 0);
    expect(b.holds(4999)).toBe(true);
    expect(b.admit(4999)).toBe("wait");
    const probes: number[] = [];
    for (let now = 0; now <= 10 * 60_000; now += 1000) {
      if (b.admit(now) === "probe") {
        probes.push(now);
        expect(b.holds(now)).toBe(false);
        b.failed("a", now);
      }
    }
    const gaps = probes.slice(1).map((at, i) => at - (probes[i] as number));
    expect(probes[0]).toBe(5000);
    expect(gaps.slice(0, 4)).toEqual([10_000, 20_000, 40_000, 60_000]);
    expect(Math.max(...gaps)).toBe(60_000);
  });

  it("closes on the first success and says how long it was down", () => {
    const b = breaker();
    for (const s of ["a", "b", "c"]) b.failed(s, 1000);
    expect(b.admit(6000)).toBe("probe");
    expect(b.snapshot().state).toBe("half-open");
    expect(b.succeeded(6100)).toEqual({ closed: true, downMs: 5100 });
    expect(b.admit(6200)).toBe("go");
    expect(b.succeeded(6300)).toEqual({ closed: false, downMs: 0 });
  });

  it("probes again when a probe never answered", () => {
    const b = breaker();
    for (const s of ["a", "b", "c"]) b.failed(s, 0);
    expect(b.admit(5000)).toBe("probe");
    expect(b.admit(5001)).toBe("wait");
    expect(b.admit(15_000)).toBe("probe");
  });

  it("counts 5xx, timeouts, connection errors and bad bodies as site-wide, not 400, 401 or 429", () => {
    expect(isSiteWide(new TrackerServerError("histories", 503))).toBe(true);
    expect(isSiteWide(new TrackerTimeoutError("histories", 1000))).toBe(true);
    expect(isSiteWide(new TrackerNetworkError("histories", "ECONNRESET", new Error("reset")))).toBe(
      true,
    );
    expect(isSiteWide(new TrackerUnexpectedResponseError("histories", "bad shape"))).toBe(true);
    expect(isSiteWide(new TrackerValidationError("histories", "bad_request", "no", 400))).toBe(
      false,
    );
    expect(isSiteWide(new TrackerAuthError("histories"))).toBe(false);
    expect(isSiteWide(new TrackerRateLimitError("histories", 1000))).toBe(false);
  });
});
