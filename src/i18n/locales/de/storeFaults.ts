export const storeFaults = {
  cannotSave:
    "Der Bot kann gerade nichts speichern: {{reason}}. Es wurde nichts geändert; bitte versuche es später noch einmal.",
  reasonFull: "sein Speicher ist voll",
  reasonReadonly: "sein Datenordner ist schreibgeschützt",
  reasonCantopen: "in seinen Datenordner kann nicht geschrieben werden",
  reasonIoerr: "sein Speicher meldet Fehler",
  reasonLocked: "ein anderes Programm hält seine Datenbank fest",
  reasonOther: "seine Datenbank nimmt keine Änderungen an",
};
