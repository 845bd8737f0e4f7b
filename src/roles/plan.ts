/** Pure role arithmetic: what a member should have, what to add and remove, and why. */
import { type Locale, resolveLocale, t } from "../i18n/index.js";
import type { RoleConfig, ShownState } from "../store/roleTypes.js";

/** The configured roles, locked first. */
export function configRoles(config: RoleConfig): string[] {
  return [config.locked, config.unlocked, config.linked].filter((r): r is string => r !== null);
}

/**
 * The changes that bring `actual` in line with `shown`. With `shown` null (no
 * lookup yet) only the linked role is managed; the locked and unlocked roles
 * are left alone.
 */
export function desiredRoles(
  config: RoleConfig,
  shown: ShownState | null,
  actual: ReadonlySet<string>,
): { add: string[]; remove: string[] } {
  const want = new Set<string>();
  if (config.linked !== null) want.add(config.linked);
  if (shown === "locked") want.add(config.locked);
  if (shown === "unlocked" && config.unlocked !== null) want.add(config.unlocked);
  const managed = shown === null ? [config.linked] : configRoles(config);
  return {
    add: [...want].filter((r) => !actual.has(r)),
    remove: managed.filter((r): r is string => r !== null && !want.has(r) && actual.has(r)),
  };
}

export function configLocale(config: RoleConfig | undefined): Locale {
  return resolveLocale(config?.locale);
}

/** The audit log reason (X-Audit-Log-Reason) for a change, in the admin's language. */
export function auditReason(
  config: RoleConfig | undefined,
  why: ShownState | null | "withdrawn",
): string {
  const locale = configLocale(config);
  switch (why) {
    case "locked":
      return t(locale, "roles.auditLocked");
    case "unlocked":
      return t(locale, "roles.auditUnlocked");
    case null:
      return t(locale, "roles.auditLinked");
    case "withdrawn":
      return t(locale, "roles.auditWithdrawn");
  }
}
