/**
 * Discord being down, as a whole: every REST request answers 503, gateway
 * connections are dropped and new ones refused, until it ends. And the
 * answer that never arrives: a request handled (the message posted) whose
 * response is lost on the way back, the case nonces exist for.
 */
import { matches } from "./limits.js";
import type { RecordedRequest, RequestMatcher } from "./types.js";

export class Outage {
  on = false;
  private readonly lose: { matcher: RequestMatcher; then: (() => void) | undefined }[] = [];

  /** Handles the next matching request but drops its answer, then calls `then`. */
  loseNextAnswer(matcher: RequestMatcher, then?: () => void): void {
    this.lose.push({ matcher, then });
  }

  /** The callback of a lost answer for this request (removed), or undefined. */
  takeLost(request: RecordedRequest): { then: (() => void) | undefined } | undefined {
    const index = this.lose.findIndex((l) => matches(l.matcher, request));
    if (index < 0) return undefined;
    return this.lose.splice(index, 1)[0];
  }
}
