import type { LinkedAccount } from "../store/types.js";
import type { BotContext } from "./context.js";
import { UserError } from "./errors.js";

/** The caller's linked account, or a UserError telling them to `/link`. */
export async function requireAccount(ctx: BotContext, userId: string): Promise<LinkedAccount> {
  const account = await ctx.store.accounts.get(userId);
  if (!account) throw new UserError({ key: "errors.notLinked" });
  return account;
}
