export const notices = {
  theChannel: "het kanaal",
  tokenInvalid:
    "Je Chastity Tracker-API-token werkt niet meer (het is waarschijnlijk ingetrokken of opnieuw aangemaakt), dus heb ik je abonnementen gepauzeerd. Maak een nieuw token aan op je trackerprofielpagina en voer er `/link` mee uit: je abonnementen gaan verder en er gaat niets verloren van wat er intussen gebeurde.",
  notLinked:
    "Je Chastity Tracker-account is niet meer gekoppeld, dus heb ik je abonnementen gepauzeerd. Voer `/link` uit met een API-token van je trackerprofielpagina om ze te hervatten.",
  missingPermissions:
    "Ik kan je Chastity Tracker-updates niet meer posten in {{channel}}: ik mis daar machtigingen. Geef me Kanaal bekijken, Berichten verzenden en Links insluiten in dat kanaal en voer daar dan opnieuw `/subscribe` uit om te hervatten; er gaat niets verloren.",
  missingAccess:
    "Ik kan {{channel}} niet meer zien, dus heb ik je Chastity Tracker-updates daarvoor gepauzeerd. Geef me toegang tot dat kanaal (Kanaal bekijken) en voer daar dan opnieuw `/subscribe` uit om te hervatten; er gaat niets verloren.",
  threadClosed:
    "De thread {{channel}} is gearchiveerd of vergrendeld, dus heb ik je Chastity Tracker-updates daarvoor gepauzeerd. Zodra een moderator hem heropent, voer je daar opnieuw `/subscribe` uit om te hervatten; er gaat niets verloren.",
  unknownChannel:
    "Het kanaal {{channel}} bestaat niet meer, dus heb ik je Chastity Tracker-updates daarvoor gepauzeerd. Voer `/subscribe` uit in een ander kanaal om ze te blijven ontvangen.",
};
