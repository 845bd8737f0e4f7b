/** `/play`, `/dom`, `/votes` und die Abstimmungs-Panels. */
export const play = {
  gameDice: "Würfel",
  gameLuck: "Glück",
  gameLink: "Link-Spiel",
  added: "{{game}}: **{{amount}}** hinzugefügt.",
  removed: "{{game}}: **{{amount}}** abgezogen.",
  multiplier: "Multiplikator: ×{{value}}.",
  release: "Neue Freigabe: {{at}} ({{relative}}).",
  noRelease: "Der Tracker hat keine neue Freigabezeit geschickt.",
  unknown:
    "Chastity Tracker hat nicht rechtzeitig geantwortet, daher ist unklar, ob das gezählt hat. Es wurde nicht noch einmal gesendet: der Verlauf der Session (und jeder Abo-Post) zeigt es.",
  notSent:
    "Chastity Tracker war nicht erreichbar, daher wurde nichts gesendet. Versuch es gleich noch einmal.",
  repeat:
    "Das wurde schon bearbeitet, daher wurde nichts noch einmal gesendet. Der Verlauf der Session zeigt das Ergebnis.",
  refused: "Chastity Tracker hat abgelehnt: {{reason}}",
  refusedNoReason: "Chastity Tracker hat das abgelehnt.",
  rateLimited:
    "Chastity Tracker ist ausgelastet, es hat sich nichts geändert. Versuch es in einer Minute noch einmal.",
  relink: "Chastity Tracker akzeptiert deinen Token nicht mehr. Führe `/link` mit einem neuen aus.",
  noActiveSession:
    "Du hast keine aktive Session. Starte eine im Tracker oder gib `session:` mit ihrer Nummer an.",
  typeRequired: "Das Link-Spiel braucht `type:` (add, sub oder rand).",
  typeOnlyForLink: "`type:` gibt es nur beim Link-Spiel; lass es bei Würfel und Glück weg.",

  panelTitle: "Stimm über das Schloss von {{nick}} ab",
  panelSession: "Session #{{session}}",
  panelRelease: "Freigabe {{relative}}.",
  panelNoRelease: "Keine Freigabezeit gesetzt.",
  panelHow:
    "Drück einen Knopf, um Zeit hinzuzufügen, abzuziehen oder dem Zufall zu überlassen. Eine Stimme pro Mitglied alle {{cooldown}}.",
  panelTally_one: "Letzte 24 h: {{count}} Stimme, netto {{net}}.",
  panelTally_other: "Letzte 24 h: {{count}} Stimmen, netto {{net}}.",
  buttonAdd: "➕ Zeit hinzufügen",
  buttonSub: "➖ Zeit abziehen",
  buttonRand: "🎲 Zufall",
  buttonClose: "Schließen",
  closedOwner: "Dieses Abstimmungs-Panel ist geschlossen.",
  closedEnded: "Dieses Abstimmungs-Panel hat sich geschlossen: die Session ist beendet.",
  closedToken:
    "Dieses Abstimmungs-Panel hat sich geschlossen: der Tracker akzeptiert seinen Link-Spiel-Token nicht mehr.",
  closedDisabled:
    "Dieses Abstimmungs-Panel ist geschlossen: Abstimmungs-Panels sind auf diesem Server ausgeschaltet.",
  closedUnlinked:
    "Dieses Abstimmungs-Panel ist geschlossen: sein Besitzer hat sein Konto getrennt.",

  opened:
    "Abstimmungs-Panel in {{channel}} gepostet. Schließ es mit `/votes close` oder seinem Schließen-Knopf.",
  alreadyOpen: "Du hast schon ein offenes Abstimmungs-Panel in {{channel}}.",
  noLinkGame:
    "Aus deiner Tracker-Statistik ließ sich kein Link-Spiel-Link lesen. Wenn du das Link-Spiel noch nicht eingeschaltet hast, schalte es zuerst in den Spiel-Einstellungen des Trackers ein. Wenn es an ist, drück den Knopf und füge den Link deines Link-Spiels ein.",
  pasteButton: "Link meines Link-Spiels einfügen",
  pasteTitle: "Link deines Link-Spiels",
  pasteLabel: "Link-Spiel-Link (oder sein Token)",
  pasteInvalid:
    "Das sieht nicht wie ein Link-Spiel-Link aus. Kopier den ganzen Link deines Link-Spiels aus dem Tracker und füge ihn ein.",
  disabledHere:
    "Abstimmungs-Panels sind auf diesem Server ausgeschaltet. Ein Admin kann sie mit `/votes server enabled:true` einschalten.",
  closed_one: "{{count}} Abstimmungs-Panel geschlossen.",
  closed_other: "{{count}} Abstimmungs-Panels geschlossen.",
  noneOpen: "Du hast kein offenes Abstimmungs-Panel auf diesem Server.",
  serverOn: "Abstimmungs-Panels sind auf diesem Server jetzt eingeschaltet.",
  serverOff_one:
    "Abstimmungs-Panels sind auf diesem Server jetzt ausgeschaltet; {{count}} offenes Panel wurde geschlossen.",
  serverOff_other:
    "Abstimmungs-Panels sind auf diesem Server jetzt ausgeschaltet; {{count}} offene Panels wurden geschlossen.",
  needsManageServer:
    "Abstimmungs-Panels ein- oder auszuschalten braucht die Berechtigung „Server verwalten“.",
  serverOnly: "Abstimmungs-Panels leben in einem Server-Kanal: führe das auf dem Server aus.",

  ownPanel:
    "Das ist dein eigenes Panel: du kannst nicht über dein eigenes Schloss abstimmen (der Tracker würde das als Strafe werten). Es wurde nichts gesendet.",
  panelGone: "Dieses Abstimmungs-Panel ist geschlossen.",
  onlyOwnerCloses: "Nur wer dieses Panel geöffnet hat, kann es schließen.",
  cooldown: "Du hast auf diesem Panel schon abgestimmt. Du kannst {{at}} wieder abstimmen.",
  unlinkPanels_one: "{{count}} Abstimmungs-Panel geschlossen und sein Link-Spiel-Token vergessen.",
  unlinkPanels_other:
    "{{count}} Abstimmungs-Panels geschlossen und ihre Link-Spiel-Tokens vergessen.",
};
