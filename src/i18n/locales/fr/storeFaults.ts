export const storeFaults = {
  cannotSave:
    "Le bot ne peut rien enregistrer pour le moment : {{reason}}. Rien n’a été modifié ; réessaie plus tard.",
  reasonFull: "son disque est plein",
  reasonReadonly: "son dossier de données est en lecture seule",
  reasonCantopen: "son dossier de données n’est pas accessible en écriture",
  reasonIoerr: "son disque signale des erreurs",
  reasonLocked: "un autre programme bloque sa base de données",
  reasonOther: "sa base de données refuse les modifications",
};
