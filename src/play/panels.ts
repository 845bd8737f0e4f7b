/**
 * The vote panels' life: posting, the tally edit (at most one edit per panel every few seconds),
 * closing (by the owner, /unlink, the admin switch) and closing themselves when the session
 * ended or the tracker no longer accepts the token (checked after a refusal and, budgeted as
 * background work, every few minutes).
 */
import { randomBytes } from "node:crypto";
import type { REST } from "discord.js";
import type { PostLocale } from "../i18n/postLocale.js";
import type { Logger } from "../log.js";
import type { PanelClosedReason } from "../store/playSchemas.js";
import type { NewPanel, VotePanel } from "../store/plays.js";
import type { Store } from "../store/types.js";
import { linkTokenFrom } from "../tracker/linkGame.js";
import { asBackground } from "../tracker/priority.js";
import type { TrackerClient } from "../tracker/types.js";
import { createPanelEditor, type PanelEditor } from "./panelEditor.js";

export interface VotePanelsDeps {
  store: Store;
  tracker: TrackerClient;
  rest: REST;
  postLocale: PostLocale;
  logger: Logger;
  /** The wall clock's date: for what is stored or shown. */
  wall: () => Date;
  cooldownMinutes: number;
  /** Fewest ms between two tally edits of one panel. Default 5 s. */
  editEveryMs?: number;
  /** How often open panels are checked against the tracker. Default 10 min; 0: never. */
  checkEveryMs?: number;
}

export interface VotePanels {
  /** Stores the panel (token sealed) and posts it; returns the stored panel. */
  open(
    panel: Omit<NewPanel, "id" | "messageId" | "status" | "closedReason" | "createdAt">,
  ): Promise<VotePanel>;
  /** Edits the panel's tally soon: right away, or once `editEveryMs` passed since the last edit. */
  refreshSoon(panelId: string): void;
  close(panelId: string, reason: PanelClosedReason): Promise<boolean>;
  /** Closes (and with `forget`, deletes) every open panel matching; returns how many. */
  closeWhere(
    match: (p: VotePanel) => boolean,
    reason: PanelClosedReason,
    forget?: boolean,
  ): Promise<number>;
  /** Asks the tracker whether the session still runs and the token is still the wearer's. */
  check(panelId: string): Promise<void>;
  start(): void;
  stop(): void;
}

export function createVotePanels(deps: VotePanelsDeps): VotePanels {
  const checkEveryMs = deps.checkEveryMs ?? 10 * 60_000;
  const editor = createPanelEditor({
    ...deps,
    plays: deps.store.plays,
    editEveryMs: deps.editEveryMs ?? 5_000,
  });
  const { close, refreshSoon } = editor;
  const check = (panelId: string) => checkPanel(deps, editor, panelId);
  let sweep: NodeJS.Timeout | undefined;

  return {
    open: (input) => openPanel(deps, editor, input),
    refreshSoon,
    close: (panelId, reason) => close(panelId, reason),
    async closeWhere(match, reason, forget = false) {
      let closed = 0;
      for (const p of await deps.store.plays.listPanels(match))
        if ((await close(p.id, reason, forget)) || forget) closed++;
      return closed;
    },
    check,
    start() {
      if (checkEveryMs <= 0 || sweep) return;
      // Background: a member waiting on a command goes first in the request budget.
      sweep = setInterval(() => void asBackground(() => sweepOnce(deps, check)), checkEveryMs);
      sweep.unref();
    },
    stop() {
      clearInterval(sweep);
      sweep = undefined;
      editor.stop();
    },
  };
}

/** Stores the panel, posts it and keeps its message id; not posted, nothing is kept. */
async function openPanel(
  deps: VotePanelsDeps,
  editor: PanelEditor,
  input: Parameters<VotePanels["open"]>[0],
): Promise<VotePanel> {
  const plays = deps.store.plays;
  const panel: NewPanel = {
    ...input,
    id: randomBytes(6).toString("base64url"),
    messageId: null,
    status: "open",
    closedReason: null,
    createdAt: deps.wall().toISOString(),
  };
  await plays.putPanel(panel);
  const stored = (await plays.getPanel(panel.id)) as VotePanel;
  let messageId: string;
  try {
    messageId = await editor.post(stored);
  } catch (err) {
    // Not posted: no panel (nor its token) is kept, and the member may try again.
    await plays.deletePanel(panel.id);
    throw err;
  }
  const posted = await plays.updatePanel(panel.id, (p) => ({ ...p, messageId }));
  deps.logger.info({ panelId: panel.id, channelId: panel.channelId }, "vote panel opened");
  return posted ?? stored;
}

/** Closes the panel when its owner unlinked, the session ended or the link token changed. */
async function checkPanel(
  deps: VotePanelsDeps,
  editor: PanelEditor,
  panelId: string,
): Promise<void> {
  const { store, tracker } = deps;
  const plays = store.plays;
  const panel = await plays.getPanel(panelId);
  if (panel?.status !== "open") return;
  const owner = await store.accounts.get(panel.ownerId);
  if (!owner) return void (await editor.close(panelId, "unlinked"));
  try {
    const session = await tracker.session(owner.token, panel.session);
    if (!session.active || session.end !== null) return void (await editor.close(panelId, "ended"));
    const now = linkTokenFrom((await tracker.stats(owner.token)).linkGame);
    // Only a readable link that differs proves the token changed; a pasted one cannot be re-read.
    if (now !== undefined && now !== plays.panelToken(panel)) await editor.close(panelId, "token");
    else if (session.scheduledEnd?.toISOString() !== (panel.scheduledEnd ?? undefined)) {
      const scheduledEnd = session.scheduledEnd?.toISOString() ?? null;
      await plays.updatePanel(panelId, (p) => ({ ...p, scheduledEnd }));
      editor.refreshSoon(panelId);
    }
  } catch (err) {
    deps.logger.info({ err, panelId }, "vote panel check failed; tried again later");
  }
}

/** Checks every open panel, then drops votes and closed panels past the tally window. */
async function sweepOnce(
  deps: VotePanelsDeps,
  check: (panelId: string) => Promise<void>,
): Promise<void> {
  const plays = deps.store.plays;
  try {
    const open = await plays.listPanels((p) => p.status === "open");
    for (const p of open) await check(p.id);
    // Votes older than the tally window and any cooldown are no longer needed.
    const keepMs = Math.max(48 * 3_600_000, deps.cooldownMinutes * 120_000);
    const before = new Date(deps.wall().getTime() - keepMs).toISOString();
    await plays.prune(before);
    // A closed panel (and its encrypted link token) is kept only as long as its votes.
    const stale = await plays.listPanels((p) => p.status === "closed" && p.createdAt < before);
    for (const p of stale) await plays.deletePanel(p.id);
  } catch (err) {
    deps.logger.warn({ err }, "vote panel sweep failed; tried again later");
  }
}
