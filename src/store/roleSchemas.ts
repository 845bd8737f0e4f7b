/** Shapes of the role sync records read back from the database (see schemas.ts). */
import { z } from "zod";
import type { RoleConfig, RoleMember } from "./roleTypes.js";

const snowflake = z.string().regex(/^\d{1,20}$/);

export const roleConfigSchema = z.object({
  guildId: snowflake,
  locked: snowflake,
  unlocked: snowflake.nullable(),
  linked: snowflake.nullable(),
  setBy: snowflake,
  locale: z.string().min(2),
  setAt: z.string(),
  problem: z.enum(["missing_permissions", "role_above_bot", "role_deleted"]).nullable(),
  problemRoleId: snowflake.nullable(),
  pausedAt: z.string().nullable(),
}) satisfies z.ZodType<RoleConfig>;

export const roleMemberSchema = z.object({
  guildId: snowflake,
  userId: snowflake,
  consentedAt: z.string(),
  shown: z.enum(["locked", "unlocked"]).nullable(),
  given: z.array(snowflake),
}) satisfies z.ZodType<RoleMember>;
