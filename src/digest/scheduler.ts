/**
 * The weekly digests' clock: about once a minute (a timer on the monotonic clock, re-armed
 * after each look) it reads the wall clock and posts what is due. Never a timer armed for the
 * digest's hour itself: a wall-clock step or a restart would move or lose it.
 *
 * Exactly once per member and week: the week's record (with the post's fixed nonce, body and
 * picture) is written before the post is sent, then the setting notes the week. A restart
 * sends a pending record again with the same nonce (Discord answers it with the first message)
 * and never builds a second post for a week that has a record.
 */
import { DiscordAPIError, type REST, Routes } from "discord.js";
import type { Clock } from "../util/clock.js";
import type { PostLocale } from "../i18n/postLocale.js";
import type { Logger } from "../log.js";
import { chartFileName } from "../pictures/chartMessage.js";
import { messageNonce } from "../poller/outbox/outbox.js";
import type { DigestSetting, DigestWeek } from "../store/digest.js";
import type { Store } from "../store/types.js";
import { asBackground } from "../tracker/priority.js";
import type { TrackerClient } from "../tracker/types.js";
import { errorSummary } from "../util/errorSummary.js";
import { buildDigest } from "./build.js";
import { type DueDigest, dueDigest } from "./week.js";

export interface DigestsDeps {
  store: Store;
  tracker: TrackerClient;
  rest: REST;
  postLocale: PostLocale;
  clock: Clock;
  logger: Logger;
  /** How often the wall clock is looked at (monotonic ms). Default 60 s. */
  checkEveryMs?: number;
  /** After a failed tracker read, the member's digest waits this long (monotonic). Default 10 min. */
  retryAfterMs?: number;
}

/** Refused for good: Discord will answer the same body the same way (not 429, not 5xx). */
const refused = (err: unknown) =>
  err instanceof DiscordAPIError && err.status >= 400 && err.status < 500 && err.status !== 429;

export function createDigests(deps: DigestsDeps) {
  const { store, clock, logger } = deps;
  const everyMs = deps.checkEveryMs ?? 60_000;
  const retryAfterMs = deps.retryAfterMs ?? 10 * 60_000;
  const failedAt = new Map<string, number>();
  let cancel: (() => void) | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function send(row: DigestWeek): Promise<void> {
    const files =
      row.png === null
        ? []
        : [{ name: chartFileName, data: Buffer.from(row.png, "base64"), contentType: "image/png" }];
    try {
      await deps.rest.post(Routes.channelMessages(row.channelId), { body: row.body, files });
    } catch (err) {
      if (!refused(err)) {
        logger.warn(
          { userId: row.userId, week: row.week, err: errorSummary(err) },
          "digest post failed; retried",
        );
        return;
      }
      logger.warn(
        { userId: row.userId, week: row.week, err: errorSummary(err) },
        "Discord refused a digest",
      );
      await store.digest.putWeek({ ...row, status: "failed", png: null });
      return;
    }
    // The picture is not kept once posted: Discord has it.
    await store.digest.putWeek({ ...row, status: "sent", png: null });
    logger.info({ userId: row.userId, week: row.week }, "weekly digest posted");
  }

  /** Builds the week's post and records it (before any send). */
  async function record(setting: DigestSetting, due: DueDigest, nowMs: number): Promise<void> {
    const account = await store.accounts.get(setting.userId);
    if (account === undefined) return;
    const locale = await deps.postLocale(setting.guildId, setting.userId);
    const built = await asBackground(() => buildDigest(deps.tracker, account, due, nowMs, locale));
    const nonce = messageNonce(setting.channelId, [`digest:${setting.userId}:${due.week}`], 0);
    const attachments = built.picture
      ? [{ id: "0", filename: chartFileName, description: built.picture.altText }]
      : [];
    await store.digest.putWeek({
      kind: "week",
      userId: setting.userId,
      week: due.week,
      channelId: setting.channelId,
      nonce,
      body: {
        embeds: [built.embed],
        attachments,
        nonce,
        enforce_nonce: true,
        allowed_mentions: { parse: [] },
      },
      png: built.picture?.png.toString("base64") ?? null,
      status: "pending",
      createdAt: new Date(nowMs).toISOString(),
    });
    await noteWeek(setting.userId, due.week);
  }

  async function noteWeek(userId: string, week: string): Promise<void> {
    const fresh = await store.digest.setting(userId);
    // Turned off (or unlinked) meanwhile: nothing to note.
    if (fresh !== undefined) await store.digest.putSetting({ ...fresh, lastWeek: week });
  }

  async function checkMember(setting: DigestSetting, nowMs: number): Promise<void> {
    const due = dueDigest(nowMs, setting, Date.parse(setting.since), setting.lastWeek);
    if (due === undefined) return;
    // A record without its note: a crash came between the two writes. The record stands.
    if ((await store.digest.week(setting.userId, due.week)) !== undefined)
      return noteWeek(setting.userId, due.week);
    const failed = failedAt.get(setting.userId);
    if (failed !== undefined && clock.now() - failed < retryAfterMs) return;
    try {
      await record(setting, due, nowMs);
      failedAt.delete(setting.userId);
    } catch (err) {
      failedAt.set(setting.userId, clock.now());
      logger.warn(
        { userId: setting.userId, week: due.week, err: errorSummary(err) },
        "digest not built; retried later",
      );
    }
  }

  /** One look at the wall clock: record what is due, then send every pending record. */
  async function check(): Promise<void> {
    const nowMs = clock.wall();
    for (const setting of await store.digest.settings()) await checkMember(setting, nowMs);
    for (const row of await store.digest.pending()) await send(row);
  }

  function arm(): void {
    if (stopped) return;
    cancel = clock.setTimer(everyMs, () => {
      running = check()
        .catch((err: unknown) => logger.error({ err: errorSummary(err) }, "digest check failed"))
        .finally(arm);
    });
  }

  return {
    /** Looks at once (a digest missed while the bot was down goes out now), then every minute. */
    start(): void {
      stopped = false;
      running = check()
        .catch((err: unknown) => logger.error({ err: errorSummary(err) }, "digest check failed"))
        .finally(arm);
    },
    async stop(): Promise<void> {
      stopped = true;
      cancel?.();
      await running;
    },
  };
}

export type Digests = ReturnType<typeof createDigests>;
