/**
 * Every key shape the store writes, per namespace: the list the README's "What is stored"
 * section repeats for admins. test/store/keyShapes.test.ts keeps the two in step, and the
 * end-to-end privacy tests check that every key found in the database matches one of these.
 * A new namespace or key shape goes here and in the README, or those tests fail.
 */
import type { NamespaceName } from "./backend.js";

export interface KeyShape {
  namespace: NamespaceName;
  /** The key as the README writes it, placeholders in angle brackets. */
  shape: string;
  /** The key without the namespace prefix. */
  pattern: RegExp;
}

const snowflake = "\\d{1,20}";

export const keyShapes: readonly KeyShape[] = [
  { namespace: "accounts", shape: "<userId>", pattern: new RegExp(`^${snowflake}$`) },
  { namespace: "subscriptions", shape: "<subscriptionId>", pattern: /^[0-9a-f]{8}$/ },
  { namespace: "outbox", shape: "<nonce>.<time>", pattern: /^[A-Za-z0-9_-]{1,25}\.[0-9a-z]+$/ },
  { namespace: "ui", shape: "histories:<viewId>", pattern: /^histories:[A-Za-z0-9_-]{12}$/ },
  { namespace: "meta", shape: "commands-hash", pattern: /^commands-hash$/ },
  { namespace: "locales", shape: "guild:<guildId>", pattern: new RegExp(`^guild:${snowflake}$`) },
  {
    namespace: "locales",
    shape: "member:<userId>",
    pattern: new RegExp(`^member:${snowflake}$`),
  },
  { namespace: "roleConfigs", shape: "<guildId>", pattern: new RegExp(`^${snowflake}$`) },
  { namespace: "meta", shape: "health:write", pattern: /^health:write$/ },
  { namespace: "meta", shape: "poller:rates:v1", pattern: /^poller:rates:v1$/ },
  {
    namespace: "meta",
    shape: "votesOff:<guildId>",
    pattern: new RegExp(`^votesOff:${snowflake}$`),
  },
  { namespace: "plays", shape: "<interactionId>", pattern: new RegExp(`^${snowflake}$`) },
  { namespace: "votePanels", shape: "<panelId>", pattern: /^[A-Za-z0-9_-]{8}$/ },
  { namespace: "cards", shape: "<cardId>", pattern: /^[0-9a-f]{8}$/ },
  {
    namespace: "leaderboard",
    shape: "member:<guildId>:<userId>",
    pattern: new RegExp(`^member:${snowflake}:${snowflake}$`),
  },
  {
    namespace: "leaderboard",
    shape: "month:<YYYY-MM>:<userId>",
    pattern: new RegExp(`^month:\\d{4}-\\d{2}:${snowflake}$`),
  },
  { namespace: "digest", shape: "<userId>", pattern: new RegExp(`^${snowflake}$`) },
  {
    namespace: "digest",
    shape: "<userId>:<YYYY-Www>",
    pattern: new RegExp(`^${snowflake}:\\d{4}-W\\d{2}$`),
  },
  {
    namespace: "meta",
    shape: "leaderboardOff:<guildId>",
    pattern: new RegExp(`^leaderboardOff:${snowflake}$`),
  },
  {
    namespace: "roleMembers",
    shape: "<guildId>:<userId>",
    pattern: new RegExp(`^${snowflake}:${snowflake}$`),
  },
];

/** The shape a stored key has, or undefined when the README does not list it. */
export function keyShapeOf(namespace: string, key: string): KeyShape | undefined {
  return keyShapes.find((s) => s.namespace === namespace && s.pattern.test(key));
}
