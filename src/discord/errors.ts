import { randomBytes } from "node:crypto";

/**
 * Something the member did or can fix, said in words they understand. The
 * router shows its message as it is; anything else becomes a generic message
 * with an error id that is also in the log line.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

export const notLinkedMessage =
  "You have not linked your Chastity Tracker account yet. Run `/link` and paste an API token from your tracker profile.";

/** A short id a member can quote to the server admin, who finds it in the logs. */
export function newErrorId(): string {
  return randomBytes(4).toString("hex");
}
