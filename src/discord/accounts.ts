import type { AccountStore, LinkedAccount } from "../store/types.js";
import { UserError } from "./errors.js";

/** The caller's linked account, or a UserError telling them to `/link`. */
export async function requireAccount(
  ctx: { store: { accounts: Pick<AccountStore, "get"> } },
  userId: string,
): Promise<LinkedAccount> {
  const account = await ctx.store.accounts.get(userId);
  if (!account) throw new UserError({ key: "errors.notLinked" });
  return account;
}
