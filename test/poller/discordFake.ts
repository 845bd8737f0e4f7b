/**
 * A recording `deliver` that behaves like Discord's create-message endpoint
 * where it matters here: a repeated nonce (with enforce_nonce) answers with
 * the message posted earlier instead of posting again. Faults are scripted.
 */
import { DeliveryError } from "../../src/poller/sender/errors.js";

export interface PostedMessage {
  id: string;
  channelId: string;
  nonce: string | undefined;
  body: Record<string, unknown>;
}

type Fault =
  | { kind: "error"; error: unknown }
  /** Discord accepts the message, then the "process" dies before hearing back. */
  | { kind: "crash-after-post" };

export interface DiscordFake {
  /** Messages as the channel shows them (a nonce repeat is not a new message). */
  readonly posted: PostedMessage[];
  /** Every call, accepted or not. */
  readonly calls: Array<{ channelId: string; body: Record<string, unknown> }>;
  deliver(channelId: string, body: Record<string, unknown>): Promise<{ id: string }>;
  /** The next `n` calls (to `channelId`, or any) fail this way. */
  failNext(n: number, fault: Fault, channelId?: string): void;
  failWithCode(n: number, code: number, status: number, channelId?: string): void;
  /** Calls to `channelId` wait until the returned function is called; `entered` resolves at the first. */
  hold(channelId: string): { release: () => void; entered: Promise<void> };
  inChannel(channelId: string): PostedMessage[];
}

export function createDiscordFake(): DiscordFake {
  const posted: PostedMessage[] = [];
  const calls: DiscordFake["calls"] = [];
  const faults: Array<{ left: number; fault: Fault; channelId: string | undefined }> = [];
  const gates = new Map<string, { promise: Promise<void>; entered: () => void }>();
  let nextId = 1000;

  const fake: DiscordFake = {
    posted,
    calls,
    async deliver(channelId, body) {
      calls.push({ channelId, body: structuredClone(body) });
      const gate = gates.get(channelId);
      if (gate) {
        gate.entered();
        await gate.promise;
      }
      const index = faults.findIndex((f) => f.channelId === undefined || f.channelId === channelId);
      const fault = faults[index];
      if (fault) {
        fault.left--;
        if (fault.left <= 0) faults.splice(index, 1);
        if (fault.fault.kind === "error") throw fault.fault.error;
      }
      const nonce = typeof body.nonce === "string" ? body.nonce : undefined;
      const earlier =
        body.enforce_nonce === true && nonce !== undefined
          ? posted.find((m) => m.channelId === channelId && m.nonce === nonce)
          : undefined;
      let id: string;
      if (earlier) {
        id = earlier.id;
      } else {
        id = String(nextId++);
        posted.push({ id, channelId, nonce, body: structuredClone(body) });
      }
      if (fault?.fault.kind === "crash-after-post") throw new Error("process died mid-request");
      return { id };
    },
    failNext(n, fault, channelId) {
      faults.push({ left: n, fault, channelId });
    },
    failWithCode(n, code, status, channelId) {
      const error = new DeliveryError(`Discord error ${code}`, { code, status });
      faults.push({ left: n, fault: { kind: "error", error }, channelId });
    },
    hold(channelId) {
      let release!: () => void;
      let entered!: () => void;
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      const enteredPromise = new Promise<void>((resolve) => {
        entered = resolve;
      });
      gates.set(channelId, { promise, entered });
      return {
        release: () => {
          gates.delete(channelId);
          release();
        },
        entered: enteredPromise,
      };
    },
    inChannel: (channelId) => posted.filter((m) => m.channelId === channelId),
  };
  return fake;
}

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}

/** The embeds of a posted message. */
export function embedsOf(message: PostedMessage): EmbedLike[] {
  return (message.body.embeds as EmbedLike[] | undefined) ?? [];
}

/** Every item line posted, in order (mention lines left out). */
export function postedLines(messages: readonly PostedMessage[]): string[] {
  return messages
    .flatMap(embedsOf)
    .flatMap((embed) => [embed.description ?? "", ...(embed.fields ?? []).map((f) => f.value)])
    .flatMap((text) => text.split("\n"))
    .filter((line) => line !== "" && !line.startsWith("<@"));
}

/** The `release <t:N:f>` of each posted line: tests give each item a distinct schedule. */
export function postedSchedules(messages: readonly PostedMessage[]): number[] {
  return postedLines(messages).map((line) => {
    const match = /release <t:(\d+):f>/.exec(line);
    if (!match?.[1]) throw new Error(`no schedule in line: ${line}`);
    return Number(match[1]);
  });
}
