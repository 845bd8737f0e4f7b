import { randomBytes } from "node:crypto";
import { type Locale, type MessageKey, type MessageVars, t } from "../i18n/index.js";

/**
 * Something the member did or can fix, said in words they understand. The
 * router shows its text in the member's language; anything else becomes a
 * generic message with an error id that is also in the log line.
 *
 * Give it a catalogue key (`new UserError({ key: "errors.notLinked" })`) so
 * the text follows the member's language; a plain string is shown as it is
 * (older call sites, being swept).
 */
export class UserError extends Error {
  readonly key: MessageKey | undefined;
  readonly vars: MessageVars | undefined;
  constructor(message: string | { key: MessageKey; vars?: MessageVars }) {
    super(typeof message === "string" ? message : t("en", message.key, message.vars));
    this.name = "UserError";
    this.key = typeof message === "string" ? undefined : message.key;
    this.vars = typeof message === "string" ? undefined : message.vars;
  }

  /** The text in `locale` (its English message when it was built from a plain string). */
  textIn(locale: Locale): string {
    return this.key === undefined ? this.message : t(locale, this.key, this.vars);
  }
}

/** A short id a member can quote to the server admin, who finds it in the logs. */
export function newErrorId(): string {
  return randomBytes(4).toString("hex");
}
