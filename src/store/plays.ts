/**
 * Plays and vote panels. Every POST to games.php is recorded here BEFORE it is sent (state
 * "pending") and its outcome after: a press, a command or Discord re-sending an interaction
 * finds the record and sends nothing; a restart turns what is still pending into "unknown".
 * A panel's public link token is sealed like the API token and only opened to send a vote.
 */
import type { Logger } from "../log.js";
import type { Backend } from "./backend.js";
import { type CachedCollection, createSerialQueue, loadCollection } from "./collection.js";
import type { TokenCipher } from "./crypto.js";
import { memoryCollection } from "./roles.js";
import {
  type PlayAttempt,
  playAttemptSchema,
  type VotePanel,
  votePanelSchema,
} from "./playSchemas.js";

export type { PlayAttempt, VotePanel };
export type { AttemptState } from "./playSchemas.js";

/** Why begin() did not record the attempt. */
export type BeginRefusal =
  | { reason: "exists"; existing: PlayAttempt }
  | { reason: "cooldown"; last: PlayAttempt; leftMs: number };

/** A new panel as the caller builds it: the token in plain, sealed on the way in. */
export type NewPanel = Omit<VotePanel, "token"> & { token: string };

export interface PlayStore {
  /**
   * Atomically records `attempt` as pending, unless one with its id exists or, for a vote with
   * `cooldownLeft`, the same member has a vote on the same panel that may have counted
   * (pending, done or unknown) whose cooldown has time left (`cooldownLeft(vote) > 0`).
   */
  begin(
    attempt: PlayAttempt,
    cooldownLeft?: (vote: PlayAttempt) => number,
  ): Promise<BeginRefusal | undefined>;
  /** Writes the outcome; a record deleted meanwhile (by /unlink) stays deleted. */
  finish(id: string, outcome: Partial<PlayAttempt>): Promise<PlayAttempt | undefined>;
  get(id: string): Promise<PlayAttempt | undefined>;
  votesOn(panelId: string): Promise<PlayAttempt[]>;
  /** Every attempt the member made (plays, dom plays, votes): for /privacy. */
  attemptsOf(userId: string): Promise<PlayAttempt[]>;
  /** At start-up: nothing can be in flight, so every pending attempt's outcome is unknown. */
  settlePending(): Promise<number>;
  /** Forgets attempts created before `before` (ISO); returns how many. */
  prune(before: string): Promise<number>;
  deleteAttemptsOf(userId: string): Promise<number>;

  putPanel(panel: NewPanel): Promise<void>;
  getPanel(id: string): Promise<VotePanel | undefined>;
  listPanels(match?: (panel: VotePanel) => boolean): Promise<VotePanel[]>;
  updatePanel(
    id: string,
    change: (panel: VotePanel) => VotePanel | undefined,
  ): Promise<VotePanel | undefined>;
  deletePanel(id: string): Promise<boolean>;
  /** The panel's public link token, decrypted. */
  panelToken(panel: VotePanel): string;
}

const mayHaveCounted = (a: PlayAttempt) =>
  a.state === "pending" || a.state === "done" || a.state === "unknown";

export interface PlayCollections {
  attempts: CachedCollection<PlayAttempt>;
  panels: CachedCollection<VotePanel>;
}

export async function loadPlayCollections(
  backend: Backend,
  logger: Logger,
): Promise<PlayCollections> {
  const [attempts, panels] = await Promise.all([
    loadCollection<PlayAttempt>({
      backend,
      name: "plays",
      schema: playAttemptSchema,
      idOf: (a) => a.id,
      logger,
    }),
    loadCollection<VotePanel>({
      backend,
      name: "votePanels",
      schema: votePanelSchema,
      idOf: (p) => p.id,
      logger,
    }),
  ]);
  return { attempts, panels };
}

export function createPlayStore(
  { attempts, panels }: PlayCollections,
  cipher: TokenCipher,
): PlayStore {
  // begin() checks and writes in one step: two presses at once cannot both pass the check.
  const gate = createSerialQueue();
  return {
    begin: (attempt, cooldownLeft) =>
      gate.run(async () => {
        const existing = attempts.get(attempt.id);
        if (existing) return { reason: "exists", existing } as const;
        if (cooldownLeft !== undefined && attempt.panelId !== null) {
          const cooling = attempts
            .values(
              (a) =>
                a.panelId === attempt.panelId && a.userId === attempt.userId && mayHaveCounted(a),
            )
            .map((last) => ({ last, leftMs: cooldownLeft(last) }))
            .filter((c) => c.leftMs > 0)
            .sort((a, b) => b.leftMs - a.leftMs)[0];
          if (cooling) return { reason: "cooldown", ...cooling } as const;
        }
        await attempts.put({ ...attempt, state: "pending" });
        return undefined;
      }),
    finish: (id, outcome) => attempts.update(id, (a) => ({ ...a, ...outcome, id: a.id })),
    get: async (id) => attempts.get(id),
    votesOn: async (panelId) => attempts.values((a) => a.panelId === panelId),
    attemptsOf: async (userId) => attempts.values((a) => a.userId === userId),
    async settlePending() {
      const pending = attempts.values((a) => a.state === "pending");
      for (const a of pending) {
        await attempts.update(a.id, (fresh) =>
          fresh.state === "pending" ? { ...fresh, state: "unknown" } : undefined,
        );
      }
      return pending.length;
    },
    prune: (before) => attempts.deleteWhere((a) => a.createdAt < before && a.state !== "pending"),
    deleteAttemptsOf: (userId) => attempts.deleteWhere((a) => a.userId === userId),

    // Field by field, so no spread can carry the plain token into the database.
    putPanel: (panel) => panels.put({ ...withoutToken(panel), token: cipher.encrypt(panel.token) }),
    getPanel: async (id) => panels.get(id),
    listPanels: async (match) => panels.values(match),
    updatePanel: (id, change) => panels.update(id, change),
    deletePanel: (id) => panels.delete(id),
    panelToken: (panel) => cipher.decrypt(panel.token),
  };
}

function withoutToken(panel: NewPanel): Omit<VotePanel, "token"> {
  const { token: _plain, ...rest } = panel;
  return rest;
}

/** A PlayStore held in memory (tests and tools), with a throwaway key. */
export function createMemoryPlayStore(cipher: TokenCipher): PlayStore {
  return createPlayStore(
    {
      attempts: memoryCollection<PlayAttempt>((a) => a.id),
      panels: memoryCollection<VotePanel>((p) => p.id),
    },
    cipher,
  );
}
