export const commands = {
  "link.description":
    "Koppel je Chastity Tracker-account met een API-token (gevraagd in een privéformulier)",
  "unlink.description": "Vergeet je Chastity Tracker-token en stop al je abonnementen",

  "histories.description": "Toont de geschiedenis van een van je Chastity Tracker-sessies",
  "histories.session.description": "Sessienummer (begin te typen om uit je sessies te kiezen)",
  "histories.type.description": "Alleen dit soort wijziging",
  "histories.type.START": "begin van sessie",
  "histories.type.ADD": "tijd toegevoegd",
  "histories.type.SUB": "tijd afgehaald",
  "histories.source.description": "Alleen wijzigingen uit deze bron",
  "histories.source.DICE": "dobbelstenen",
  "histories.source.LINK": "linkspel",
  "histories.source.LUCK": "geluk",
  "histories.source.MANUAL": "handmatig",
  "histories.source.PENALTY": "straf",
  "histories.source.DOM": "dom",
  "histories.dom.description": "Waar: alleen wijzigingen door een dom; onwaar: alleen de andere",
  "histories.from.description":
    "Oudste wijziging: 2026-02-01, 2026-02-01 18:30 (UTC) of een leeftijd zoals 24h, 7d",
  "histories.to.description": "Nieuwste wijziging, zelfde vormen als from",
  "histories.limit.description": "Items per pagina (1-25, standaard 10)",
  "histories.public.description":
    "Toon het antwoord aan iedereen in het kanaal (standaard: alleen jij)",
  "histories.games.description":
    "Toon in plaats daarvan de wijzigingen van de spelregels van de sessie (dobbelen, link, geluk)",

  "subscribe.description":
    "Post elke nieuwe wijziging van je sessie (dobbelstenen, straffen, dom-acties...) in een kanaal",
  "subscribe.session.description":
    "Sessienummer; laat leeg om je actieve sessie te volgen, welke dat ook is",
  "subscribe.channel.description": "Waar te posten (standaard: dit kanaal)",
  "subscribe.type.description": "Alleen dit soort wijziging",
  "subscribe.type.START": "begin van sessie",
  "subscribe.type.ADD": "tijd toegevoegd",
  "subscribe.type.SUB": "tijd afgehaald",
  "subscribe.source.description": "Alleen wijzigingen uit deze bron",
  "subscribe.source.DICE": "dobbelstenen",
  "subscribe.source.LINK": "linkspel",
  "subscribe.source.LUCK": "geluk",
  "subscribe.source.MANUAL": "handmatig",
  "subscribe.source.PENALTY": "straf",
  "subscribe.source.DOM": "dom",
  "subscribe.dom.description": "Waar: alleen wijzigingen door een dom; onwaar: alleen de andere",
  "subscribe.to.description": "Post in een kanaal (standaard) of in je DM met de bot",
  "subscribe.to.channel": "kanaal",
  "subscribe.to.dm": "mijn DM's",
  "subscribe.games.description":
    "Post ook wijzigingen van de spelregels van de sessie (dobbelen, link, geluk)",
  "subscribe.announce_end.description":
    "Plaats ook één keer iets als de sessie eindigt: duur, toegevoegde en afgetrokken tijd",

  "unsubscribe.description": "Stopt de posts van een abonnement",
  "unsubscribe.subscription.description": "Welk (begin te typen; /subscriptions toont ze)",
  "subscriptions.description":
    "Toont je abonnementen op deze server (met Server beheren: die van iedereen)",

  "chart.description": "Tekent hoe de vrijlaatdatum van een sessie verschoof",
  "chart.session.description": "Sessienummer (standaard: je actieve sessie, anders de nieuwste)",
  "chart.from.description":
    "Oudste wijziging: 2026-02-01, 2026-02-01 18:30 (UTC) of een leeftijd als 24h, 7d",
  "chart.to.description": "Nieuwste wijziging, dezelfde vormen als from",
  "chart.public.description":
    "Toon de grafiek aan iedereen in het kanaal (standaard: alleen aan jou)",
  "stats.description": "Toont je Chastity Tracker-statistieken met een slot-teller",
  "stats.public.description":
    "Toon je statistieken aan iedereen in het kanaal (standaard: alleen aan jou)",

  "roles.description": "Rollen die tonen wie op slot zit, bijgehouden met Chastity Tracker",
  "roles.set.description":
    "Kies de rol voor een actieve sessie, en optioneel voor geen sessie en voor gekoppelde leden",
  "roles.set.locked.description": "Rol zolang de sessie van een lid actief is",
  "roles.set.unlocked.description": "Rol zolang een lid geen actieve sessie heeft (optioneel)",
  "roles.set.linked.description":
    "Rol voor elk lid dat gekoppeld heeft en toestemming gaf (optioneel)",
  "roles.show.description":
    "Toon de ingestelde rollen, hoeveel leden toestemming gaven en elk probleem",
  "roles.off.description":
    "Stop de rolsynchronisatie op deze server en verwijder de rollen die de bot gaf",
  "rolesync.description": "Laat de bot hier je slotstatus met rollen tonen, of stop ermee",
  "rolesync.enabled.description":
    "true: mijn status hier met rollen tonen; false: stoppen en ze verwijderen",

  "language.description": "De taal van de posts van de bot op deze server",
  "language.set.description": "Kies de taal van posts op deze server (Server beheren)",
  "language.set.locale.description":
    "De taal; standaard die van de Discord-instelling van de server",
  "language.set.locale.auto": "serverstandaard (Discord-instelling)",
  "language.set.locale.en": "Engels (English)",
  "language.set.locale.de": "Duits (Deutsch)",
  "language.set.locale.fr": "Frans (Français)",
  "language.set.locale.es": "Spaans (Español)",
  "language.set.locale.nl": "Nederlands",
  "language.show.description": "Toont de taal van posts op deze server",

  "privacy.description": "Bekijk alles wat de bot over je bewaart, en hoe je het wist",
  "privacy.json.description": "Voeg alles ook toe als JSON-bestand om te bewaren",
  "play.description": "Speel je eigen dobbel- of geluksspel in je sessie",
  "play.game.description": "Welk spel",
  "play.game.dice": "dobbelstenen",
  "play.game.luck": "geluk",
  "play.session.description": "Sessienummer (standaard: je actieve sessie)",
  "play.public.description":
    "Het resultaat aan iedereen in het kanaal tonen (standaard: alleen aan jou)",
  "votes.description": "Stempanelen voor het linkspel: laat de server stemmen over je slot",
  "votes.open.description": "Plaats een stempaneel voor het linkspel van je actieve sessie",
  "votes.open.channel.description": "Waar het paneel komt (standaard: dit kanaal)",
  "votes.close.description": "Sluit je stempanelen op deze server",
  "votes.server.description": "Stempanelen op deze server aan- of uitzetten (Server beheren)",
  "votes.server.enabled.description":
    "true: leden mogen hier panelen plaatsen; false: geen, en open panelen sluiten",
  "dom.description": "Speel als keyholder een spel in de sessie van je drager",
  "dom.game.description": "Welk spel",
  "dom.game.dice": "dobbelstenen",
  "dom.game.luck": "geluk",
  "dom.game.link": "linkspel",
  "dom.session.description": "Het sessienummer van je drager",
  "dom.type.description": "Alleen linkspel: tijd toevoegen, aftrekken of willekeurig",
  "dom.type.add": "toevoegen",
  "dom.type.sub": "aftrekken",
  "dom.type.rand": "willekeurig",
  "dom.public.description":
    "Het resultaat aan iedereen in het kanaal tonen (standaard: alleen aan jou)",
  "card.description": "Een live statuskaart van je sessie, ter plekke bijgewerkt als ze verandert",
  "card.post.description":
    "Plaats een statuskaart van een sessie (vraagt een abonnement dat haar volgt)",
  "card.post.session.description": "Sessienummer; laat leeg voor je actieve sessie",
  "card.post.channel.description": "Welk kanaal (standaard: dit kanaal)",
  "card.remove.description": "Haal je statuskaart weg",
  "card.remove.session.description": "Sessienummer; laat leeg voor je actieve sessie",
  "card.remove.channel.description": "Welk kanaal (standaard: dit kanaal)",
  "leaderboard.description": "De vrijwillige ranglijst van opsluittijden van deze server",
  "leaderboard.show.description":
    "Toon de ranglijst van leden die meedoen (deze maand of een eerdere)",
  "leaderboard.show.month.description": "Een eerdere maand als JJJJ-MM (standaard: deze maand)",
  "leaderboard.join.description":
    "Doe mee aan de ranglijst van deze server (je tijden worden gelezen en hier getoond)",
  "leaderboard.leave.description":
    "Stop met de ranglijst van deze server (je rijen worden meteen verwijderd)",
  "leaderboard.server.description": "Zet de ranglijst aan of uit op deze server (Server beheren)",
  "leaderboard.server.enabled.description":
    "true: leden kunnen meedoen en hem zien; false: geen ranglijst hier",
  "digest.description": "Een weekoverzicht van je slot, eens per week op het uur dat je kiest",
  "digest.set.description": "Je weekoverzicht in een kanaal plaatsen op een weekdag en uur (UTC)",
  "digest.set.day.description": "Welke weekdag",
  "digest.set.day.monday": "maandag",
  "digest.set.day.tuesday": "dinsdag",
  "digest.set.day.wednesday": "woensdag",
  "digest.set.day.thursday": "donderdag",
  "digest.set.day.friday": "vrijdag",
  "digest.set.day.saturday": "zaterdag",
  "digest.set.day.sunday": "zondag",
  "digest.set.hour.description": "Welk uur, 0-23 (UTC)",
  "digest.set.channel.description": "Welk kanaal (standaard: dit kanaal)",
  "digest.off.description": "Je weekoverzicht stoppen",
};
