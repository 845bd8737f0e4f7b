/** Synchronisation des rôles : `/roles`, `/rolesync`, le MP à l'admin et les raisons du journal d'audit. */
export const roles = {
  serverOnly:
    "La synchronisation des rôles se règle par serveur : lance cette commande sur un serveur.",
  botLacksManageRoles:
    "Je n'ai pas la permission Gérer les rôles sur ce serveur. Donne-la à mon rôle (Paramètres du serveur → Rôles), puis relance `/roles set`.",
  roleEveryone: "{{role}} est @everyone, que tout membre possède : choisis un autre rôle.",
  roleManaged:
    "{{role}} est géré par une intégration (le rôle d'un bot ou le rôle des boosters), personne ne peut le donner : choisis un autre rôle.",
  roleAboveBot:
    "{{role}} n'est pas sous mon rôle le plus haut, donc Discord ne me laisse pas le donner. Dans Paramètres du serveur → Rôles, place mon rôle au-dessus, puis relance `/roles set`.",
  roleTwice: "{{role}} est indiqué plusieurs fois : chaque option demande un rôle différent.",
  setDone:
    "La synchronisation des rôles est active sur ce serveur.\n{{roles}}\nLes membres acceptent avec `/rolesync enabled:true` ; sans cela personne ne reçoit de rôle.",
  setResumed:
    "La synchronisation reprend ; les rôles des membres se mettent à jour en un intervalle de consultation.",
  rolesList: "Verrouillé : {{locked}} · Déverrouillé : {{unlocked}} · Lié : {{linked}}",
  none: "aucun",

  showNotConfigured:
    "La synchronisation des rôles n'est pas configurée sur ce serveur. Un admin avec Gérer les rôles lance `/roles set`.",
  showTitle: "Synchronisation des rôles sur ce serveur",
  showMembers_one: "{{count}} membre a accepté.",
  showMembers_other: "{{count}} membres ont accepté.",
  showMembers_many: "{{count}} membres ont accepté.",
  showActive: "✅ Synchronisation en cours.",
  showPaused:
    "⏸️ En pause depuis {{since}} : {{problem}} Relance ensuite `/roles set` pour reprendre.",
  showProblemNow:
    "⚠️ Problème : {{problem}} Tant qu'il n'est pas réglé, les changements échouent et la synchronisation se met en pause.",
  problemMissingPermissions:
    "Je n'ai pas la permission Gérer les rôles. Donne-la à mon rôle dans Paramètres du serveur → Rôles.",
  problemRoleAboveBot:
    "{{role}} n'est pas sous mon rôle le plus haut. Dans Paramètres du serveur → Rôles, place mon rôle au-dessus.",
  problemRoleDeleted: "Un rôle configuré a été supprimé. Choisis-en un autre avec `/roles set`.",

  offNotConfigured:
    "La synchronisation des rôles n'était pas active sur ce serveur ; rien n'a changé.",
  offDone_one:
    "La synchronisation des rôles est arrêtée sur ce serveur. J'ai retiré {{count}} rôle que j'avais donné.",
  offDone_other:
    "La synchronisation des rôles est arrêtée sur ce serveur. J'ai retiré {{count}} rôles que j'avais donnés.",
  offDone_many:
    "La synchronisation des rôles est arrêtée sur ce serveur. J'ai retiré {{count}} rôles que j'avais donnés.",
  removeFailed_one:
    "{{count}} rôle n'a pas pu être retiré (il me manque des permissions) : retire-le à la main.",
  removeFailed_other:
    "{{count}} rôles n'ont pas pu être retirés (il me manque des permissions) : retire-les à la main.",
  removeFailed_many:
    "{{count}} rôles n'ont pas pu être retirés (il me manque des permissions) : retire-les à la main.",

  rolesyncNotConfigured:
    "Ce serveur n'a pas encore configuré la synchronisation des rôles. Demande à un admin de lancer `/roles set`.",
  rolesyncOn:
    "C'est fait : tes rôles sur ce serveur montrent maintenant ton état de verrouillage, environ {{seconds}} secondes après un changement. Arrête quand tu veux avec `/rolesync enabled:false`.",
  rolesyncOnPaused:
    "Enregistré. La synchronisation des rôles est en pause sur ce serveur jusqu'à ce qu'un admin règle le problème ; tes rôles suivront dès la reprise.",
  rolesyncOffNothing:
    "La synchronisation des rôles n'était pas active pour toi sur ce serveur ; rien n'a changé.",
  rolesyncOff_one:
    "C'est fait : j'ai retiré {{count}} rôle que je t'avais donné ici, et je ne t'en donne plus sauf si tu relances `/rolesync enabled:true`.",
  rolesyncOff_other:
    "C'est fait : j'ai retiré {{count}} rôles que je t'avais donnés ici, et je ne t'en donne plus sauf si tu relances `/rolesync enabled:true`.",
  rolesyncOff_many:
    "C'est fait : j'ai retiré {{count}} rôles que je t'avais donnés ici, et je ne t'en donne plus sauf si tu relances `/rolesync enabled:true`.",
  unlinkRoles_one:
    "J'ai aussi retiré {{count}} rôle que le bot t'avait donné et oublié tes accords de synchronisation des rôles.",
  unlinkRoles_other:
    "J'ai aussi retiré {{count}} rôles que le bot t'avait donnés et oublié tes accords de synchronisation des rôles.",
  unlinkRoles_many:
    "J'ai aussi retiré {{count}} rôles que le bot t'avait donnés et oublié tes accords de synchronisation des rôles.",

  pausedDm:
    "La synchronisation des rôles sur {{server}} est en pause : {{problem}} Relance ensuite `/roles set` sur ce serveur pour la reprendre.",
  tokenInvalidNote:
    "Tes rôles qui montrent ton état de verrouillage sur les serveurs restent tels quels jusqu'à ce que tu relances `/link`.",
  auditLocked: "Chastity Tracker : session active (le membre a accepté avec /rolesync)",
  auditUnlocked: "Chastity Tracker : aucune session active (le membre a accepté avec /rolesync)",
  auditLinked: "Chastity Tracker : membre lié qui a accepté avec /rolesync",
  auditWithdrawn: "Chastity Tracker : synchronisation des rôles arrêtée",
} as const;
