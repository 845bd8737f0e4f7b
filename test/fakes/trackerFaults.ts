/**
 * Canned failures of the fake tracker. "hang", "hang-body" and "reset" act on
 * the socket and are handled in tracker.ts; the rest are ordinary replies.
 */
import { envelopeError, type FakeReply } from "./trackerRoutes.js";

/** "hang": no answer at all; "hang-body": headers and half a body, then silence; "reset": socket destroyed. */
export type FakeFault =
  | "500"
  | "503"
  | "429"
  | "hang"
  | "hang-body"
  | "invalid-json"
  | "bad-shape"
  | "html"
  | "reset"
  /** The tracker's refusal in its envelope: status, code and message come with the fault. */
  | "refusal";

/** What a "refusal" fault answers. */
export interface FakeRefusal {
  status: number;
  code: string;
  message: string;
  /** No envelope at all: a proxy's HTML page with this status (an unreadable answer). */
  bare?: boolean;
}

export function faultReply(
  kind: Exclude<FakeFault, "hang" | "hang-body" | "reset" | "refusal">,
  retryAfter: string,
): FakeReply {
  switch (kind) {
    case "500":
    case "503":
      return envelopeError(Number(kind), "server_error", "Server error");
    case "429":
      return {
        ...envelopeError(429, "rate_limited", "Too many requests"),
        headers: { "retry-after": retryAfter },
      };
    case "invalid-json":
      return { status: 200, body: '{"ok":true,"data":{"count":' };
    case "html":
      return {
        status: 200,
        body: "<html><body>Maintenance</body></html>",
        contentType: "text/html",
      };
    case "bad-shape":
      // A valid envelope whose data breaks the histories/stats schemas.
      return {
        status: 200,
        body: { ok: true, data: { count: "many", items: [{ type: "WAT" }] }, meta: {} },
      };
  }
}
