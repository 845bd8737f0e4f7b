import { randomBytes } from "node:crypto";
import { ActionRowBuilder, type APIEmbed, ButtonBuilder, ButtonStyle } from "discord.js";
import { customId } from "../discord/command.js";
import { buildGamesEmbed } from "../format/gamesEmbed.js";
import { buildHistoriesEmbed, type HistoriesEmbedFilters } from "../format/historiesEmbed.js";
import { type Locale, t, translator } from "../i18n/index.js";
import type { UiStateStore } from "../store/types.js";
import type {
  HistoriesQuery,
  HistorySource,
  HistoryType,
  TrackerClient,
} from "../tracker/types.js";

/** How long the Older/Newer buttons keep working. */
export const pagingTtlMs = 15 * 60_000;

/** What the buttons need to fetch another page; stored server-side (custom ids hold 100 chars). */
export interface HistoriesViewState {
  userId: string;
  nick: string;
  session: number;
  type?: HistoryType;
  source?: HistorySource;
  dom?: boolean;
  /** ISO 8601. */
  from?: string;
  to?: string;
  limit: number;
  /** Game-rule changes instead of history items (`/histories games:true`). */
  games?: boolean;
  /** cursors[i] fetches page i + 1; page 1 needs none. */
  cursors: (string | null)[];
  page: number;
}

const stateKey = (id: string) => `histories:${id}`;

export function newViewId(): string {
  return randomBytes(9).toString("base64url");
}

export async function saveView(ui: UiStateStore, id: string, state: HistoriesViewState) {
  await ui.set(stateKey(id), state, pagingTtlMs);
}

export async function loadView(ui: UiStateStore, id: string) {
  return ui.get<HistoriesViewState>(stateKey(id));
}

function filtersOf(state: HistoriesViewState): HistoriesEmbedFilters {
  return {
    type: state.type,
    source: state.source,
    dom: state.dom,
    from: state.from ? new Date(state.from) : undefined,
    to: state.to ? new Date(state.to) : undefined,
  };
}

function queryOf(state: HistoriesViewState, cursor: string | null): HistoriesQuery {
  return {
    session: state.session,
    ...filtersOf(state),
    limit: state.limit,
    cursor: cursor ?? undefined,
  };
}

/**
 * Fetches `page` of the view (1-based), records the cursor of the page after
 * it, and returns the message to show.
 */
export async function renderPage(
  tracker: TrackerClient,
  token: string,
  viewId: string,
  state: HistoriesViewState,
  page: number,
  /** The reader's language (the interaction's). */
  locale: Locale,
): Promise<{
  state: HistoriesViewState;
  message: { embeds: APIEmbed[]; components: ActionRowBuilder<ButtonBuilder>[] };
}> {
  // cursors[0] is null: page 1 needs none.
  const cursor = state.cursors[page - 1] ?? null;
  if (state.games) {
    const games = await tracker.gamesChanges(token, {
      session: state.session,
      from: state.from ? new Date(state.from) : undefined,
      to: state.to ? new Date(state.to) : undefined,
      limit: state.limit,
      cursor: cursor ?? undefined,
    });
    const cursors = state.cursors.slice(0, page);
    cursors[page] = games.cursorNext ?? null;
    const hasOlder = games.cursorNext !== undefined && games.items.length > 0;
    const embed = buildGamesEmbed({
      session: state.session,
      nick: state.nick,
      changes: games.items,
      page,
      hasOlder,
      filtered: state.from !== undefined || state.to !== undefined,
      tr: translator(locale),
    });
    const message = { embeds: [embed], components: [pagingRow(viewId, page, hasOlder, locale)] };
    return { state: { ...state, cursors, page }, message };
  }
  const result = await tracker.histories(token, queryOf(state, cursor));
  const cursors = state.cursors.slice(0, page);
  cursors[page] = result.cursorNext ?? null;
  const next: HistoriesViewState = { ...state, cursors, page };
  const hasOlder = result.cursorNext !== undefined && result.items.length > 0;
  const embed = buildHistoriesEmbed({
    session: state.session,
    items: result.items,
    filters: filtersOf(state),
    page,
    nick: state.nick,
    hasOlder,
    locale,
  });
  return {
    state: next,
    message: { embeds: [embed], components: [pagingRow(viewId, page, hasOlder, locale)] },
  };
}

/** The Newer/Older buttons of a page. */
function pagingRow(viewId: string, page: number, hasOlder: boolean, locale: Locale) {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(customId("histories", "newer", viewId))
      .setLabel(t(locale, "histories.newer"))
      .setEmoji("◀️")
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(page <= 1),
    new ButtonBuilder()
      .setCustomId(customId("histories", "older", viewId))
      .setLabel(t(locale, "histories.older"))
      .setEmoji("▶️")
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(!hasOlder),
  );
}
