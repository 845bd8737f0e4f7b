/** Words for role sync problems, shared by `/roles show` and the admin's DM. */
import { type Locale, t } from "../i18n/index.js";
import type { RoleProblem } from "../store/roleTypes.js";

/** `role` is how to name the role here: a mention in a server, its name in a DM. */
export function problemText(locale: Locale, problem: RoleProblem, role: string | null): string {
  switch (problem) {
    case "missing_permissions":
      return t(locale, "roles.problemMissingPermissions");
    case "role_above_bot":
      return t(locale, "roles.problemRoleAboveBot", { role: role ?? "?" });
    case "role_deleted":
      return t(locale, "roles.problemRoleDeleted");
  }
}
