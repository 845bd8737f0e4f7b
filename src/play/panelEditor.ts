/**
 * The panel messages: built from the stored panel and its votes, edited at most once every
 * `editEveryMs` per panel (several votes in that time make one edit), and closed.
 */
import { type REST, Routes } from "discord.js";
import type { PostLocale } from "../i18n/postLocale.js";
import type { Logger } from "../log.js";
import type { PanelClosedReason } from "../store/playSchemas.js";
import type { PlayStore, VotePanel } from "../store/plays.js";
import { createForgetter } from "../util/forget.js";
import { panelBody, tallyOf } from "./panelMessage.js";

export interface PanelEditorDeps {
  plays: PlayStore;
  rest: REST;
  postLocale: PostLocale;
  logger: Logger;
  /** The wall clock's date: for what is stored or shown. */
  wall: () => Date;
  cooldownMinutes: number;
  editEveryMs: number;
}

export interface PanelEditor {
  /** Posts the panel's message; returns its id. */
  post(panel: VotePanel): Promise<string>;
  refreshSoon(panelId: string): void;
  /** Marks the panel closed and edits its message (no buttons); `forget` deletes the record. */
  close(panelId: string, reason: PanelClosedReason, forget?: boolean): Promise<boolean>;
  stop(): void;
  /** Panels whose last edit still throttles the next one: for tests. */
  throttled(): number;
}

export function createPanelEditor(deps: PanelEditorDeps): PanelEditor {
  const { plays, logger, rest } = deps;
  // Monotonic: the throttle is a duration, not a date.
  const lastEdit = new Map<string, number>();
  const scheduled = new Map<string, NodeJS.Timeout>();
  // An edit longer ago than editEveryMs throttles nothing: forget it (panels close for good).
  const forget = createForgetter(
    lastEdit,
    (at, nowMs) => nowMs - at >= deps.editEveryMs,
    deps.editEveryMs,
  );
  const edited = (panelId: string) => {
    const nowMs = performance.now();
    forget(nowMs);
    lastEdit.set(panelId, nowMs);
  };

  async function bodyOf(panel: VotePanel) {
    const locale = await deps.postLocale(panel.guildId, panel.ownerId);
    const tally = tallyOf(await plays.votesOn(panel.id), deps.wall().getTime());
    return panelBody(panel, tally, locale, deps.cooldownMinutes);
  }

  async function edit(panelId: string): Promise<void> {
    scheduled.delete(panelId);
    edited(panelId);
    const panel = await plays.getPanel(panelId);
    if (!panel?.messageId) return;
    try {
      await rest.patch(Routes.channelMessage(panel.channelId, panel.messageId), {
        body: await bodyOf(panel),
      });
    } catch (err) {
      logger.warn({ err, panelId }, "could not edit a vote panel");
    }
  }

  return {
    async post(panel) {
      const body = await bodyOf(panel);
      const message = (await rest.post(Routes.channelMessages(panel.channelId), { body })) as {
        id: string;
      };
      edited(panel.id);
      return message.id;
    },
    refreshSoon(panelId) {
      if (scheduled.has(panelId)) return;
      const last = lastEdit.get(panelId) ?? Number.NEGATIVE_INFINITY;
      const wait = Math.max(0, last + deps.editEveryMs - performance.now());
      const timer = setTimeout(() => void edit(panelId), wait);
      timer.unref();
      scheduled.set(panelId, timer);
    },
    async close(panelId, reason, forget = false) {
      const closed = await plays.updatePanel(panelId, (p) =>
        p.status === "open" ? { ...p, status: "closed", closedReason: reason } : undefined,
      );
      if (forget) await plays.deletePanel(panelId);
      if (!closed) return false;
      clearTimeout(scheduled.get(panelId));
      scheduled.delete(panelId);
      lastEdit.delete(panelId);
      if (closed.messageId) {
        const body = await bodyOf(closed);
        await rest
          .patch(Routes.channelMessage(closed.channelId, closed.messageId), { body })
          .catch((err) => logger.warn({ err, panelId }, "could not mark a vote panel closed"));
      }
      logger.info({ panelId, reason }, "vote panel closed");
      return true;
    },
    stop() {
      for (const timer of scheduled.values()) clearTimeout(timer);
      scheduled.clear();
    },
    throttled: () => lastEdit.size,
  };
}
