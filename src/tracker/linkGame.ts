/**
 * Reading the link game defensively: neither the shape of stats `link_game` nor the session's
 * `games` object is documented, so both are read tolerantly and never fail a command.
 */

const plausibleLinkToken = /^[A-Za-z0-9_-]{6,128}$/;

/**
 * The public token in a link-game URL (stats `link_game`, or what the wearer pasted): a `token`
 * query parameter, else the last path segment. The URL's shape is not documented, so anything
 * that does not look like a token gives undefined and the wearer is asked to paste the link.
 */
export function linkTokenFrom(text: string | null | undefined): string | undefined {
  const raw = text?.trim();
  if (!raw) return undefined;
  // A bare word ("enabled", "yes") is not a token: random tokens carry digits.
  if (plausibleLinkToken.test(raw)) return /\d/.test(raw) ? raw : undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  const fromQuery = url.searchParams.get("token") ?? url.searchParams.get("t");
  if (fromQuery && plausibleLinkToken.test(fromQuery)) return fromQuery;
  const last = url.pathname
    .split("/")
    .filter(Boolean)
    .at(-1)
    ?.replace(/\.php$/i, "");
  if (last && plausibleLinkToken.test(last) && /\d/.test(last)) return last;
  return undefined;
}

/** Which vote buttons the session's link-game rules allow; all when the rules are not readable. */
export function linkRulesFrom(games: unknown): { add: boolean; sub: boolean } {
  const all = { add: true, sub: true };
  if (!isObject(games)) return all;
  const link = games.link ?? games.LINK;
  if (!isObject(link)) return all;
  // Only an amount that reads as zero turns its button off.
  const allowed = (value: unknown) => value === undefined || Number(value) !== 0;
  return { add: allowed(link.addint), sub: allowed(link.subint) };
}

/** The games a session's `games` object sets up: each of dice, link, luck with a non-null entry. */
export function openGamesFrom(games: unknown): string[] {
  if (!isObject(games)) return [];
  return ["dice", "link", "luck"].filter((g) => {
    const entry = games[g] ?? games[g.toUpperCase()];
    return entry !== undefined && entry !== null && entry !== false && entry !== 0;
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;
