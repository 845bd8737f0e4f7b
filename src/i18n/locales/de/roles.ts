/** Rollen-Sync: `/roles`, `/rolesync`, die DM an den Admin und Audit-Log-Gründe. */
export const roles = {
  serverOnly: "Rollen-Sync gilt pro Server: Führe diesen Befehl auf einem Server aus.",
  botLacksManageRoles:
    "Mir fehlt auf diesem Server die Berechtigung „Rollen verwalten“. Gib sie meiner Rolle (Servereinstellungen → Rollen) und führe dann `/roles set` erneut aus.",
  roleEveryone: "{{role}} ist @everyone, das jedes Mitglied hat: Wähle eine andere Rolle.",
  roleManaged:
    "{{role}} wird von einer Integration verwaltet (die Rolle eines Bots oder die Booster-Rolle) und kann von niemandem vergeben werden: Wähle eine andere Rolle.",
  roleAboveBot:
    "{{role}} liegt nicht unter meiner höchsten Rolle, daher lässt Discord mich sie nicht vergeben. Ziehe in Servereinstellungen → Rollen meine Rolle darüber und führe dann `/roles set` erneut aus.",
  roleTwice: "{{role}} ist mehrfach angegeben: Jede Option braucht eine andere Rolle.",
  setDone:
    "Rollen-Sync ist auf diesem Server aktiv.\n{{roles}}\nMitglieder stimmen mit `/rolesync enabled:true` zu; ohne das bekommt niemand eine Rolle.",
  setResumed:
    "Rollen-Sync läuft wieder; die Rollen der Mitglieder holen innerhalb eines Abfrageintervalls auf.",
  rolesList: "Verschlossen: {{locked}} · Offen: {{unlocked}} · Verknüpft: {{linked}}",
  none: "keine",

  showNotConfigured:
    "Rollen-Sync ist auf diesem Server nicht eingerichtet. Ein Admin mit „Rollen verwalten“ führt `/roles set` aus.",
  showTitle: "Rollen-Sync auf diesem Server",
  showMembers_one: "{{count}} Mitglied hat zugestimmt.",
  showMembers_other: "{{count}} Mitglieder haben zugestimmt.",
  showActive: "✅ Wird abgeglichen.",
  showPaused:
    "⏸️ Pausiert seit {{since}}: {{problem}} Führe danach `/roles set` erneut aus, um fortzufahren.",
  showProblemNow:
    "⚠️ Problem: {{problem}} Bis es behoben ist, schlagen Änderungen fehl und der Sync pausiert.",
  problemMissingPermissions:
    "Mir fehlt die Berechtigung „Rollen verwalten“. Gib sie meiner Rolle in Servereinstellungen → Rollen.",
  problemRoleAboveBot:
    "{{role}} liegt nicht unter meiner höchsten Rolle. Ziehe in Servereinstellungen → Rollen meine Rolle darüber.",
  problemRoleDeleted: "Eine eingestellte Rolle wurde gelöscht. Wähle mit `/roles set` eine andere.",

  offNotConfigured: "Rollen-Sync war auf diesem Server nicht aktiv; nichts geändert.",
  offDone_one:
    "Rollen-Sync ist auf diesem Server aus. Ich habe {{count}} vergebene Rolle entfernt.",
  offDone_other:
    "Rollen-Sync ist auf diesem Server aus. Ich habe {{count}} vergebene Rollen entfernt.",
  removeFailed_one:
    "{{count}} Rolle konnte nicht entfernt werden (mir fehlen Berechtigungen): Entferne sie von Hand.",
  removeFailed_other:
    "{{count}} Rollen konnten nicht entfernt werden (mir fehlen Berechtigungen): Entferne sie von Hand.",

  rolesyncNotConfigured:
    "Dieser Server hat Rollen-Sync noch nicht eingerichtet. Bitte einen Admin, `/roles set` auszuführen.",
  rolesyncOn:
    "Erledigt: Deine Rollen auf diesem Server zeigen jetzt deinen Verschluss-Status, etwa {{seconds}} Sekunden nach einer Änderung. Beende es jederzeit mit `/rolesync enabled:false`.",
  rolesyncOnPaused:
    "Gespeichert. Rollen-Sync ist auf diesem Server gerade pausiert, bis ein Admin es behebt; deine Rollen folgen, sobald es weiterläuft.",
  rolesyncOffNothing: "Rollen-Sync war für dich auf diesem Server nicht aktiv; nichts geändert.",
  rolesyncOff_one:
    "Erledigt: Ich habe {{count}} Rolle entfernt, die ich dir hier gegeben hatte, und gebe dir keine mehr, außer du führst `/rolesync enabled:true` erneut aus.",
  rolesyncOff_other:
    "Erledigt: Ich habe {{count}} Rollen entfernt, die ich dir hier gegeben hatte, und gebe dir keine mehr, außer du führst `/rolesync enabled:true` erneut aus.",
  unlinkRoles_one:
    "Außerdem {{count}} Rolle entfernt, die der Bot dir gegeben hatte, und deine Rollen-Sync-Zustimmungen vergessen.",
  unlinkRoles_other:
    "Außerdem {{count}} Rollen entfernt, die der Bot dir gegeben hatte, und deine Rollen-Sync-Zustimmungen vergessen.",

  pausedDm:
    "Rollen-Sync auf {{server}} ist pausiert: {{problem}} Führe danach `/roles set` auf diesem Server erneut aus, um ihn fortzusetzen.",
  tokenInvalidNote:
    "Deine Rollen, die auf Servern deinen Verschluss-Status zeigen, bleiben, wie sie sind, bis du `/link` erneut ausführst.",
  auditLocked: "Chastity Tracker: Session aktiv (Mitglied hat mit /rolesync zugestimmt)",
  auditUnlocked: "Chastity Tracker: keine aktive Session (Mitglied hat mit /rolesync zugestimmt)",
  auditLinked: "Chastity Tracker: verknüpftes Mitglied, hat mit /rolesync zugestimmt",
  auditWithdrawn: "Chastity Tracker: Rollen-Sync beendet",
} as const;
