import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from "discord.js";
import { DateTime } from "luxon";
import { type Locale, resolveLocale, translator } from "../i18n/index.js";
import type { Logger } from "../log.js";
import type { AccountStore } from "../store/types.js";
import type { TrackerClient, TrackerSession } from "../tracker/types.js";
import type { SessionCache } from "./sessionCache.js";

/** What the session lookups use of the command context. */
export interface SessionLookup {
  sessionCache: SessionCache;
  tracker: Pick<TrackerClient, "sessions">;
}

/** Discord drops an autocomplete answer after 3 s; stay well inside it. */
const answerWithinMs = 2_000;

/** Active sessions first, then the newest; Discord shows at most 25 choices. */
export function sessionChoices(
  sessions: readonly TrackerSession[],
  typed: string,
  locale: Locale,
): ApplicationCommandOptionChoiceData<number>[] {
  const sorted = [...sessions].sort(
    (a, b) => Number(b.active) - Number(a.active) || b.start.getTime() - a.start.getTime(),
  );
  const needle = typed.trim();
  const choices = sorted
    .filter((s) => needle === "" || String(s.id).includes(needle))
    .map((s) => ({ name: sessionLabel(s, locale), value: s.id }));
  const typedNumber = /^\d{1,15}$/.test(needle) ? Number(needle) : undefined;
  // A typed number is always offered, even if the list does not know it.
  if (
    typedNumber !== undefined &&
    typedNumber > 0 &&
    !choices.some((c) => c.value === typedNumber)
  ) {
    choices.unshift({
      name: translator(locale)("autocomplete.session", { session: typedNumber }),
      value: typedNumber,
    });
  }
  return choices.slice(0, 25);
}

/** Dates stay ISO (`2026-02-01`, UTC): unambiguous in every language, and what `from`/`to` accept. */
const isoDay = (date: Date) => DateTime.fromJSDate(date, { zone: "utc" }).toFormat("yyyy-MM-dd");

function sessionLabel(s: TrackerSession, locale: Locale): string {
  const tr = translator(locale);
  const state = s.active
    ? tr("autocomplete.active")
    : s.end
      ? tr("autocomplete.endedOn", { date: isoDay(s.end) })
      : tr("autocomplete.ended");
  const parts = [`#${s.id}`, state, tr("autocomplete.started", { date: isoDay(s.start) })];
  if (s.lockedBy) parts.push(tr("autocomplete.lockedBy", { name: s.lockedBy }));
  return parts.join(" · ").slice(0, 100);
}

/** The member's sessions (up to 200), through the per-user cache autocomplete fills while typing. */
export function cachedSessions(
  ctx: SessionLookup,
  userId: string,
  token: string,
): Promise<TrackerSession[]> {
  return ctx.sessionCache.get(userId, async () => {
    const page = await ctx.tracker.sessions(token, { limit: 200 });
    return page.items;
  });
}

/** The session a command means when none was given: the running one, else the newest. */
export function defaultSession(sessions: readonly TrackerSession[]): TrackerSession | undefined {
  return [...sessions].sort(
    (a, b) =>
      Number(b.active && b.end === null) - Number(a.active && a.end === null) ||
      b.start.getTime() - a.start.getTime(),
  )[0];
}

/** Answers a `session` autocomplete from the per-user cached session list. */
export async function autocompleteSession(
  interaction: AutocompleteInteraction,
  ctx: SessionLookup & { store: { accounts: Pick<AccountStore, "get"> }; logger: Logger },
): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const account = await ctx.store.accounts.get(interaction.user.id);
  let sessions: TrackerSession[] = [];
  if (account) {
    const load = cachedSessions(ctx, interaction.user.id, account.token);
    // The race below may leave `load` behind; its late failure must not go unhandled.
    load.catch(() => undefined);
    const timeout = new Promise<TrackerSession[]>((resolve) =>
      setTimeout(() => resolve([]), answerWithinMs).unref(),
    );
    try {
      sessions = await Promise.race([load, timeout]);
    } catch (err) {
      ctx.logger.info({ err, userId: interaction.user.id }, "session autocomplete without list");
    }
  }
  await interaction.respond(sessionChoices(sessions, typed, resolveLocale(interaction.locale)));
}
