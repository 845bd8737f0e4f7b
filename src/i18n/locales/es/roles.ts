/** Sincronización de roles: `/roles`, `/rolesync`, el MD al admin y los motivos del registro de auditoría. */
export const roles = {
  serverOnly: "La sincronización de roles es por servidor: usa este comando en un servidor.",
  botLacksManageRoles:
    "No tengo el permiso Gestionar roles en este servidor. Dáselo a mi rol (Ajustes del servidor → Roles) y vuelve a usar `/roles set`.",
  roleEveryone: "{{role}} es @everyone, que tiene todo miembro: elige otro rol.",
  roleManaged:
    "{{role}} lo gestiona una integración (el rol de un bot o el de los boosters), así que nadie puede darlo: elige otro rol.",
  roleAboveBot:
    "{{role}} no está por debajo de mi rol más alto, así que Discord no me deja darlo. En Ajustes del servidor → Roles, arrastra mi rol por encima y vuelve a usar `/roles set`.",
  roleTwice: "{{role}} aparece más de una vez: cada opción necesita un rol distinto.",
  setDone:
    "La sincronización de roles está activa en este servidor.\n{{roles}}\nLos miembros aceptan con `/rolesync enabled:true`; sin eso nadie recibe un rol.",
  setResumed:
    "La sincronización se reanuda; los roles de los miembros se ponen al día en un intervalo de consulta.",
  rolesList: "Bloqueado: {{locked}} · Desbloqueado: {{unlocked}} · Vinculado: {{linked}}",
  none: "ninguno",

  showNotConfigured:
    "La sincronización de roles no está configurada en este servidor. Un admin con Gestionar roles usa `/roles set`.",
  showTitle: "Sincronización de roles en este servidor",
  showMembers_one: "{{count}} miembro aceptó.",
  showMembers_other: "{{count}} miembros aceptaron.",
  showMembers_many: "{{count}} miembros aceptaron.",
  showActive: "✅ Sincronizando.",
  showPaused:
    "⏸️ En pausa desde {{since}}: {{problem}} Después vuelve a usar `/roles set` para reanudar.",
  showProblemNow:
    "⚠️ Problema: {{problem}} Hasta que se arregle, los cambios fallan y la sincronización se pausa.",
  problemMissingPermissions:
    "No tengo el permiso Gestionar roles. Dáselo a mi rol en Ajustes del servidor → Roles.",
  problemRoleAboveBot:
    "{{role}} no está por debajo de mi rol más alto. En Ajustes del servidor → Roles, arrastra mi rol por encima.",
  problemRoleDeleted: "Se borró un rol configurado. Elige otro con `/roles set`.",

  offNotConfigured: "La sincronización de roles no estaba activa en este servidor; no cambió nada.",
  offDone_one:
    "La sincronización de roles está desactivada en este servidor. Quité {{count}} rol que había dado.",
  offDone_other:
    "La sincronización de roles está desactivada en este servidor. Quité {{count}} roles que había dado.",
  offDone_many:
    "La sincronización de roles está desactivada en este servidor. Quité {{count}} roles que había dado.",
  removeFailed_one: "No pude quitar {{count}} rol (me faltan permisos): quítalo a mano.",
  removeFailed_other: "No pude quitar {{count}} roles (me faltan permisos): quítalos a mano.",
  removeFailed_many: "No pude quitar {{count}} roles (me faltan permisos): quítalos a mano.",

  rolesyncNotConfigured:
    "Este servidor aún no configuró la sincronización de roles. Pide a un admin que use `/roles set`.",
  rolesyncOn:
    "Listo: tus roles en este servidor ahora muestran tu estado de bloqueo, unos {{seconds}} segundos después de cada cambio. Detenlo cuando quieras con `/rolesync enabled:false`.",
  rolesyncOnPaused:
    "Guardado. La sincronización de roles está en pausa en este servidor hasta que un admin la arregle; tus roles seguirán cuando se reanude.",
  rolesyncOffNothing:
    "La sincronización de roles no estaba activa para ti en este servidor; no cambió nada.",
  rolesyncOff_one:
    "Listo: quité {{count}} rol que te había dado aquí y no te daré ninguno salvo que vuelvas a usar `/rolesync enabled:true`.",
  rolesyncOff_other:
    "Listo: quité {{count}} roles que te había dado aquí y no te daré ninguno salvo que vuelvas a usar `/rolesync enabled:true`.",
  rolesyncOff_many:
    "Listo: quité {{count}} roles que te había dado aquí y no te daré ninguno salvo que vuelvas a usar `/rolesync enabled:true`.",
  unlinkRoles_one:
    "También quité {{count}} rol que el bot te había dado y olvidé tus permisos de sincronización de roles.",
  unlinkRoles_other:
    "También quité {{count}} roles que el bot te había dado y olvidé tus permisos de sincronización de roles.",
  unlinkRoles_many:
    "También quité {{count}} roles que el bot te había dado y olvidé tus permisos de sincronización de roles.",

  pausedDm:
    "La sincronización de roles en {{server}} está en pausa: {{problem}} Después vuelve a usar `/roles set` en ese servidor para reanudarla.",
  tokenInvalidNote:
    "Tus roles que muestran tu estado de bloqueo en los servidores se quedan como están hasta que vuelvas a usar `/link`.",
  auditLocked: "Chastity Tracker: sesión activa (el miembro aceptó con /rolesync)",
  auditUnlocked: "Chastity Tracker: sin sesión activa (el miembro aceptó con /rolesync)",
  auditLinked: "Chastity Tracker: miembro vinculado que aceptó con /rolesync",
  auditWithdrawn: "Chastity Tracker: sincronización de roles detenida",
} as const;
