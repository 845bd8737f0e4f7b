export const storeFaults = {
  cannotSave:
    "De bot kan nu niets opslaan: {{reason}}. Er is niets gewijzigd; probeer het later opnieuw.",
  reasonFull: "zijn schijf is vol",
  reasonReadonly: "zijn gegevensmap is alleen-lezen",
  reasonCantopen: "er kan niet in zijn gegevensmap worden geschreven",
  reasonIoerr: "zijn schijf meldt fouten",
  reasonLocked: "een ander programma houdt zijn database vast",
  reasonOther: "zijn database weigert wijzigingen",
};
