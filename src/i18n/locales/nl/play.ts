/** `/play`, `/dom`, `/votes` en de stempanelen. */
export const play = {
  gameDice: "Dobbelstenen",
  gameLuck: "Geluk",
  gameLink: "Linkspel",
  added: "{{game}}: **{{amount}}** toegevoegd.",
  removed: "{{game}}: **{{amount}}** afgetrokken.",
  multiplier: "Vermenigvuldiger: ×{{value}}.",
  release: "Nieuwe vrijlating: {{at}} ({{relative}}).",
  noRelease: "De tracker stuurde geen nieuwe vrijlatingstijd.",
  unknown:
    "Chastity Tracker antwoordde niet op tijd, dus of dit telde is onbekend. Het is niet opnieuw verstuurd: de geschiedenis van de sessie (en elke abonnementspost) laat het zien.",
  notSent:
    "Chastity Tracker was niet bereikbaar, dus er is niets verstuurd. Probeer het zo opnieuw.",
  repeat:
    "Dit was al afgehandeld, dus er is niets opnieuw verstuurd. De geschiedenis van de sessie toont het resultaat.",
  refused: "Chastity Tracker weigerde: {{reason}}",
  refusedNoReason: "Chastity Tracker weigerde dit.",
  rateLimited:
    "Chastity Tracker is druk, er is niets veranderd. Probeer het over een minuut opnieuw.",
  relink: "Chastity Tracker accepteert je token niet meer. Gebruik `/link` met een nieuwe.",
  noActiveSession:
    "Je hebt geen actieve sessie. Start er een op de tracker, of geef `session:` met het nummer.",
  typeRequired: "Het linkspel heeft `type:` nodig (add, sub of rand).",
  typeOnlyForLink: "`type:` is alleen voor het linkspel; laat het weg bij dobbelstenen en geluk.",

  panelTitle: "Stem over het slot van {{nick}}",
  panelSession: "Sessie #{{session}}",
  panelRelease: "Vrijlating {{relative}}.",
  panelNoRelease: "Geen vrijlatingstijd ingesteld.",
  panelHow:
    "Druk op een knop om tijd toe te voegen, af te trekken of het aan het toeval over te laten. Eén stem per lid per {{cooldown}}.",
  panelTally_one: "Laatste 24 u: {{count}} stem, netto {{net}}.",
  panelTally_other: "Laatste 24 u: {{count}} stemmen, netto {{net}}.",
  buttonAdd: "➕ Tijd toevoegen",
  buttonSub: "➖ Tijd aftrekken",
  buttonRand: "🎲 Willekeurig",
  buttonClose: "Sluiten",
  closedOwner: "Dit stempaneel is gesloten.",
  closedEnded: "Dit stempaneel heeft zichzelf gesloten: de sessie is afgelopen.",
  closedToken:
    "Dit stempaneel heeft zichzelf gesloten: de tracker accepteert zijn linkspel-token niet meer.",
  closedDisabled: "Dit stempaneel is gesloten: stempanelen staan uit op deze server.",
  closedUnlinked: "Dit stempaneel is gesloten: de eigenaar heeft zijn account ontkoppeld.",

  opened:
    "Stempaneel geplaatst in {{channel}}. Sluit het met `/votes close` of met de knop Sluiten.",
  alreadyOpen: "Je hebt al een open stempaneel in {{channel}}.",
  noLinkGame:
    "Uit je trackerstatistieken kon geen linkspel-link worden gelezen. Heb je het linkspel nog niet aangezet, zet het dan eerst aan in de spelinstellingen van de tracker. Staat het aan, druk dan op de knop en plak de link van je linkspel.",
  pasteButton: "Link van mijn linkspel plakken",
  pasteTitle: "De link van je linkspel",
  pasteLabel: "Linkspel-link (of het token)",
  pasteInvalid:
    "Dat lijkt geen linkspel-link. Kopieer de hele link van je linkspel uit de tracker en plak die.",
  disabledHere:
    "Stempanelen staan uit op deze server. Een admin kan ze aanzetten met `/votes server enabled:true`.",
  closed_one: "{{count}} stempaneel gesloten.",
  closed_other: "{{count}} stempanelen gesloten.",
  noneOpen: "Je hebt geen open stempaneel op deze server.",
  serverOn: "Stempanelen staan nu aan op deze server.",
  serverOff_one: "Stempanelen staan nu uit op deze server; {{count}} open paneel is gesloten.",
  serverOff_other: "Stempanelen staan nu uit op deze server; {{count}} open panelen zijn gesloten.",
  needsManageServer: "Stempanelen aan- of uitzetten vereist de machtiging Server beheren.",
  serverOnly: "Stempanelen horen in een serverkanaal: voer dit uit op de server.",

  ownPanel:
    "Dit is je eigen paneel: je kunt niet stemmen over je eigen slot (de tracker zou dat als straf tellen). Er is niets verstuurd.",
  panelGone: "Dit stempaneel is gesloten.",
  onlyOwnerCloses: "Alleen het lid dat dit paneel opende, kan het sluiten.",
  cooldown: "Je hebt al op dit paneel gestemd. Je kunt {{at}} weer stemmen.",
  unlinkPanels_one: "{{count}} stempaneel gesloten en het linkspel-token vergeten.",
  unlinkPanels_other: "{{count}} stempanelen gesloten en hun linkspel-tokens vergeten.",
};
