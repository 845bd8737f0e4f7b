/** Rolsynchronisatie: `/roles`, `/rolesync`, de DM aan de beheerder en redenen in het auditlogboek. */
export const roles = {
  serverOnly: "Rolsynchronisatie geldt per server: gebruik deze opdracht op een server.",
  botLacksManageRoles:
    "Ik heb op deze server de toestemming Rollen beheren niet. Geef die aan mijn rol (Serverinstellingen → Rollen) en gebruik daarna opnieuw `/roles set`.",
  roleEveryone: "{{role}} is @everyone, die elk lid heeft: kies een andere rol.",
  roleManaged:
    "{{role}} wordt beheerd door een integratie (de rol van een bot of de boosterrol), dus niemand kan hem geven: kies een andere rol.",
  roleAboveBot:
    "{{role}} staat niet onder mijn hoogste rol, dus Discord laat me hem niet geven. Sleep in Serverinstellingen → Rollen mijn rol erboven en gebruik daarna opnieuw `/roles set`.",
  roleTwice: "{{role}} is meer dan eens gekozen: elke optie heeft een andere rol nodig.",
  setDone:
    "Rolsynchronisatie staat aan op deze server.\n{{roles}}\nLeden geven toestemming met `/rolesync enabled:true`; zonder dat krijgt niemand een rol.",
  setResumed:
    "Rolsynchronisatie gaat verder; de rollen van leden lopen binnen één pollinterval bij.",
  rolesList: "Op slot: {{locked}} · Niet op slot: {{unlocked}} · Gekoppeld: {{linked}}",
  none: "geen",

  showNotConfigured:
    "Rolsynchronisatie is op deze server niet ingesteld. Een beheerder met Rollen beheren gebruikt `/roles set`.",
  showTitle: "Rolsynchronisatie op deze server",
  showMembers_one: "{{count}} lid gaf toestemming.",
  showMembers_other: "{{count}} leden gaven toestemming.",
  showActive: "✅ Wordt bijgehouden.",
  showPaused:
    "⏸️ Gepauzeerd sinds {{since}}: {{problem}} Gebruik daarna opnieuw `/roles set` om verder te gaan.",
  showProblemNow:
    "⚠️ Probleem: {{problem}} Tot het opgelost is, mislukken wijzigingen en pauzeert de synchronisatie.",
  problemMissingPermissions:
    "Ik heb de toestemming Rollen beheren niet. Geef die aan mijn rol in Serverinstellingen → Rollen.",
  problemRoleAboveBot:
    "{{role}} staat niet onder mijn hoogste rol. Sleep in Serverinstellingen → Rollen mijn rol erboven.",
  problemRoleDeleted: "Een ingestelde rol is verwijderd. Kies een andere met `/roles set`.",

  offNotConfigured: "Rolsynchronisatie stond niet aan op deze server; er is niets veranderd.",
  offDone_one:
    "Rolsynchronisatie staat uit op deze server. Ik heb {{count}} gegeven rol verwijderd.",
  offDone_other:
    "Rolsynchronisatie staat uit op deze server. Ik heb {{count}} gegeven rollen verwijderd.",
  removeFailed_one:
    "{{count}} rol kon niet worden verwijderd (ik mis toestemmingen): verwijder hem met de hand.",
  removeFailed_other:
    "{{count}} rollen konden niet worden verwijderd (ik mis toestemmingen): verwijder ze met de hand.",

  rolesyncNotConfigured:
    "Deze server heeft rolsynchronisatie nog niet ingesteld. Vraag een beheerder om `/roles set` te gebruiken.",
  rolesyncOn:
    "Klaar: je rollen op deze server tonen nu je slotstatus, ongeveer {{seconds}} seconden na een wijziging. Stop wanneer je wilt met `/rolesync enabled:false`.",
  rolesyncOnPaused:
    "Opgeslagen. Rolsynchronisatie is op deze server gepauzeerd tot een beheerder het oplost; je rollen volgen zodra het verdergaat.",
  rolesyncOffNothing:
    "Rolsynchronisatie stond voor jou niet aan op deze server; er is niets veranderd.",
  rolesyncOff_one:
    "Klaar: ik heb {{count}} rol verwijderd die ik je hier gaf, en geef je er geen meer tenzij je opnieuw `/rolesync enabled:true` gebruikt.",
  rolesyncOff_other:
    "Klaar: ik heb {{count}} rollen verwijderd die ik je hier gaf, en geef je er geen meer tenzij je opnieuw `/rolesync enabled:true` gebruikt.",
  unlinkRoles_one:
    "Ook {{count}} rol verwijderd die de bot je gaf, en je toestemmingen voor rolsynchronisatie vergeten.",
  unlinkRoles_other:
    "Ook {{count}} rollen verwijderd die de bot je gaf, en je toestemmingen voor rolsynchronisatie vergeten.",

  pausedDm:
    "Rolsynchronisatie op {{server}} is gepauzeerd: {{problem}} Gebruik daarna opnieuw `/roles set` op die server om verder te gaan.",
  tokenInvalidNote:
    "Je rollen die op servers je slotstatus tonen, blijven zoals ze zijn tot je opnieuw `/link` gebruikt.",
  auditLocked: "Chastity Tracker: sessie actief (het lid gaf toestemming met /rolesync)",
  auditUnlocked: "Chastity Tracker: geen actieve sessie (het lid gaf toestemming met /rolesync)",
  auditLinked: "Chastity Tracker: gekoppeld lid dat toestemming gaf met /rolesync",
  auditWithdrawn: "Chastity Tracker: rolsynchronisatie gestopt",
} as const;
