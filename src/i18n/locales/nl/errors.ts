export const errors = {
  relink:
    "Chastity Tracker accepteert je API-token niet meer (het is ingetrokken of opnieuw aangemaakt). Maak een nieuw token aan in je trackerprofiel en voer `/link` opnieuw uit.",
  trackerDown: "Chastity Tracker antwoordt nu niet. Probeer het over een paar minuten opnieuw.",
  trackerRefused: "Chastity Tracker weigerde het verzoek: {{reason}}",
  trackerForbidden:
    "Chastity Tracker liet je dat niet zien. Controleer het sessienummer: alleen je eigen sessies zijn leesbaar.",
  trackerRateLimit:
    "Chastity Tracker vraagt ons het rustiger aan te doen. Probeer het over een minuut opnieuw.",
  missingPermission:
    "De bot mist hiervoor een machtiging. Vraag een serverbeheerder zijn rol en de machtigingen van het kanaal te controleren.",
  unexpected:
    "Er ging aan onze kant iets mis. Blijft het gebeuren, geef de serverbeheerder dan deze fout-id: `{{errorId}}`.",
  notLinked:
    "Je hebt je Chastity Tracker-account nog niet gekoppeld. Voer `/link` uit en plak een API-token uit je trackerprofiel.",
  unknownInteraction: "De bot kent deze knop of dit commando niet meer.",
  needsManageServer: "Alleen leden met de machtiging Server beheren kunnen dit doen.",
  serverOnly: "Dit commando werkt alleen op een server.",
};
