/** Scheduler texts (see en/scheduler.ts). */
export const scheduler = {
  checkedEvery_one:
    "vérifié environ toutes les {{minutes}} min : le budget de requêtes vers le tracker est partagé par {{count}} session",
  checkedEvery_other:
    "vérifié environ toutes les {{minutes}} min : le budget de requêtes vers le tracker est partagé par {{count}} sessions",
  checkedEvery_many:
    "vérifié environ toutes les {{minutes}} min : le budget de requêtes vers le tracker est partagé par {{count}} sessions",
  checkedEverySeconds_one:
    "vérifié environ toutes les {{seconds}} s : le budget de requêtes vers le tracker est partagé par {{count}} session",
  checkedEverySeconds_other:
    "vérifié environ toutes les {{seconds}} s : le budget de requêtes vers le tracker est partagé par {{count}} sessions",
  checkedEverySeconds_many:
    "vérifié environ toutes les {{seconds}} s : le budget de requêtes vers le tracker est partagé par {{count}} sessions",
};
