/** Role sync: `/roles`, `/rolesync`, the admin's DM and audit log reasons. */
export const roles = {
  serverOnly: "Role sync is set per server: run this command in a server.",
  botLacksManageRoles:
    "I do not have the Manage Roles permission in this server. Give my role Manage Roles (Server Settings → Roles), then run `/roles set` again.",
  roleEveryone: "{{role}} is @everyone, which every member has: choose another role.",
  roleManaged:
    "{{role}} is managed by an integration (a bot's role or the booster role), so nobody can give it: choose another role.",
  roleAboveBot:
    "{{role}} is not below my highest role, so Discord does not let me give it. In Server Settings → Roles, drag my role above it, then run `/roles set` again.",
  roleTwice: "{{role}} is named more than once: each option needs a different role.",
  setDone:
    "Role sync is on in this server.\n{{roles}}\nMembers opt in with `/rolesync enabled:true`; nobody gets a role without it.",
  setResumed: "Role sync resumes; members' roles catch up within a poll interval.",
  rolesList: "Locked: {{locked}} · Unlocked: {{unlocked}} · Linked: {{linked}}",
  none: "none",

  showNotConfigured:
    "Role sync is not set up in this server. An admin with Manage Roles runs `/roles set`.",
  showTitle: "Role sync in this server",
  showMembers_one: "{{count}} member opted in.",
  showMembers_other: "{{count}} members opted in.",
  showActive: "✅ Syncing.",
  showPaused: "⏸️ Paused since {{since}}: {{problem}} Then run `/roles set` again to resume.",
  showProblemNow: "⚠️ Problem: {{problem}} Until it is fixed, changes fail and syncing pauses.",
  problemMissingPermissions:
    "I do not have the Manage Roles permission. Give it to my role in Server Settings → Roles.",
  problemRoleAboveBot:
    "{{role}} is not below my highest role. In Server Settings → Roles, drag my role above it.",
  problemRoleDeleted: "A configured role was deleted. Choose another one with `/roles set`.",

  offNotConfigured: "Role sync was not on in this server; nothing changed.",
  offDone_one: "Role sync is off in this server. I removed {{count}} role I had given.",
  offDone_other: "Role sync is off in this server. I removed {{count}} roles I had given.",
  removeFailed_one:
    "{{count}} role could not be removed (I am missing permissions): remove it by hand.",
  removeFailed_other:
    "{{count}} roles could not be removed (I am missing permissions): remove them by hand.",

  rolesyncNotConfigured:
    "This server has not set up role sync yet. Ask an admin to run `/roles set`.",
  rolesyncOn:
    "Done: your roles in this server now show your lock state, within about {{seconds}} seconds of a change. Stop it any time with `/rolesync enabled:false`.",
  rolesyncOnPaused:
    "Saved. Role sync is paused in this server right now until an admin fixes it; your roles follow once it resumes.",
  rolesyncOffNothing: "Role sync was not on for you in this server; nothing changed.",
  rolesyncOff_one:
    "Done: I removed {{count}} role I had given you here, and give you none unless you run `/rolesync enabled:true` again.",
  rolesyncOff_other:
    "Done: I removed {{count}} roles I had given you here, and give you none unless you run `/rolesync enabled:true` again.",
  unlinkRoles_one:
    "Also removed {{count}} role the bot had given you and forgot your role sync consents.",
  unlinkRoles_other:
    "Also removed {{count}} roles the bot had given you and forgot your role sync consents.",

  pausedDm:
    "Role sync in {{server}} is paused: {{problem}} Then run `/roles set` in that server again to resume it.",
  tokenInvalidNote:
    "Your roles that show your lock state in servers stay as they are until you run `/link` again.",
  auditLocked: "Chastity Tracker: session active (the member opted in with /rolesync)",
  auditUnlocked: "Chastity Tracker: no active session (the member opted in with /rolesync)",
  auditLinked: "Chastity Tracker: linked member who opted in with /rolesync",
  auditWithdrawn: "Chastity Tracker: role sync turned off",
} as const;
