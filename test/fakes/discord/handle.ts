import type { APIApplicationCommandOptionChoice, APIMessage } from "discord.js";
import { asArray, asObject } from "./http.js";
import { discordNow } from "./limits.js";
import { MessageFlag } from "./messages.js";
import type { FakeState } from "./state.js";

export type InteractionEventKind =
  | "callback"
  | "getOriginal"
  | "editOriginal"
  | "deleteOriginal"
  | "followup"
  | "getFollowup"
  | "editFollowup"
  | "deleteFollowup";

/** One request the bot made about an interaction, answered or refused. */
export interface InteractionEvent {
  kind: InteractionEventKind;
  /** Callback type (1, 4-9) for `callback` events. */
  callbackType: number | null;
  body: unknown;
  status: number;
  /** Discord error code when refused (10062, 40060, 50035...). */
  errorCode: number | null;
  at: number;
}

export interface InteractionResponse {
  type: number;
  data: unknown;
  status: number;
  errorCode: number | null;
  at: number;
}

export type WaitTarget =
  | "ack"
  | "reply"
  | "edit"
  | "followup"
  | ((handle: InteractionHandle) => boolean);

const VISIBLE_CALLBACKS = new Set([4, 7, 8, 9]);

/** A dispatched interaction and everything the bot answered to it. */
export class InteractionHandle {
  readonly events: InteractionEvent[] = [];
  readonly dispatchedAt = discordNow();
  acked = false;
  originalMessageId: string | null = null;
  readonly followupIds: string[] = [];

  constructor(
    private readonly state: FakeState,
    readonly id: string,
    readonly token: string,
    /** Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
    readonly type: number,
    /** The INTERACTION_CREATE payload as dispatched. */
    readonly payload: Record<string, unknown>,
    /** The message a component (or a modal opened from one) sits on. */
    readonly sourceMessageId: string | null,
  ) {}

  /** Interaction callbacks in order, refused ones included (see `status`). */
  get responses(): InteractionResponse[] {
    return this.events
      .filter((e) => e.kind === "callback")
      .map((e) => ({
        type: e.callbackType ?? 0,
        data: asObject(e.body)?.data,
        status: e.status,
        errorCode: e.errorCode,
        at: e.at,
      }));
  }

  /** Milliseconds from dispatch to the first callback request, accepted or not. */
  get ackDelayMs(): number | null {
    const first = this.events.find((e) => e.kind === "callback");
    return first ? first.at - this.dispatchedAt : null;
  }

  /** The type of the accepted acknowledgement (4 reply, 5 defer, 6 deferred update...). */
  get ackType(): number | null {
    return this.events.find((e) => e.kind === "callback" && e.status < 300)?.callbackType ?? null;
  }

  /** The @original message in its current state (after edits), if any. */
  get original(): APIMessage | null {
    const record = this.state.messages.get(this.originalMessageId ?? "");
    return record && !record.deleted ? record.message : null;
  }

  get ephemeral(): boolean | null {
    const flags = this.original?.flags;
    return flags === undefined ? null : (flags & MessageFlag.ephemeral) !== 0;
  }

  /** Follow-up messages in their current state. */
  get followups(): APIMessage[] {
    return this.followupIds
      .map((id) => this.state.messages.get(id))
      .filter((r) => r !== undefined && !r.deleted)
      .map((r) => r!.message);
  }

  /** Autocomplete choices of the accepted type 8 callback. */
  choices(): APIApplicationCommandOptionChoice[] | null {
    const data = this.responses.find((r) => r.type === 8 && r.status < 300)?.data;
    const list = asArray(asObject(data)?.choices);
    return list ? (list as APIApplicationCommandOptionChoice[]) : null;
  }

  /** The modal shown with an accepted type 9 callback. */
  modal(): Record<string, unknown> | null {
    return asObject(this.responses.find((r) => r.type === 9 && r.status < 300)?.data) ?? null;
  }

  /**
   * Resolves once the bot did `target`: "ack" any accepted callback; "reply" something the user
   * sees (callback 4/7/8/9, an edit of @original or a follow-up); "edit" an accepted edit of
   * @original; "followup" an accepted follow-up; or a predicate on this handle.
   */
  waitFor(target: WaitTarget, timeoutMs = 5000): Promise<this> {
    const done = () => (typeof target === "function" ? target(this) : this.reached(target));
    return waitUntil(this.state, done, timeoutMs, () => {
      const seen = this.events.map((e) => `${e.kind}${e.callbackType ?? ""}:${e.status}`);
      return `interaction ${this.id}: no ${typeof target === "function" ? "match" : target} within ${timeoutMs} ms (events: ${seen.join(", ") || "none"})`;
    }).then(() => this);
  }

  private reached(target: Exclude<WaitTarget, (h: InteractionHandle) => boolean>): boolean {
    const accepted = this.events.filter((e) => e.status < 300);
    switch (target) {
      case "ack":
        return this.acked;
      case "edit":
        return accepted.some((e) => e.kind === "editOriginal");
      case "followup":
        return accepted.some((e) => e.kind === "followup");
      case "reply":
        return accepted.some(
          (e) =>
            (e.kind === "callback" && VISIBLE_CALLBACKS.has(e.callbackType ?? 0)) ||
            e.kind === "editOriginal" ||
            e.kind === "followup",
        );
    }
  }
}

/** Interactions by id and by token (webhook routes only know the token). */
export class InteractionRegistry {
  private readonly byId = new Map<string, InteractionHandle>();
  private readonly byTokenMap = new Map<string, InteractionHandle>();

  add(handle: InteractionHandle): void {
    this.byId.set(handle.id, handle);
    this.byTokenMap.set(handle.token, handle);
  }
  get(id: string): InteractionHandle | undefined {
    return this.byId.get(id);
  }
  byToken(token: string): InteractionHandle | undefined {
    return this.byTokenMap.get(token);
  }
  all(): InteractionHandle[] {
    return [...this.byId.values()];
  }
}

/**
 * Resolves when `done()` holds: re-checked on every state change, and every 20 ms for
 * conditions outside the fake (a handler's own bookkeeping).
 */
export function waitUntil(
  state: FakeState,
  done: () => boolean,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      clearInterval(poll);
      unsubscribe();
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (done()) finish();
    };
    const timer = setTimeout(() => finish(new Error(describe())), timeoutMs);
    const poll = setInterval(check, 20);
    const unsubscribe = state.subscribe(check);
  });
}
