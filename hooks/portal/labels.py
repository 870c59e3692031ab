"""German display labels for the fixed vocabularies of the content model."""

from __future__ import annotations

# The collections by their German names (data dictionary, /daten/, the catalogue's file titles).
COLLECTION_TITLES = {
    "initiatives": "Initiativen", "measures": "Maßnahmen", "organisations": "Organisationen",
    "people": "Personen", "regions": "Regionen", "topics": "Themen", "documents": "Quellen (Dokumente)",
}

INITIATIVE_KIND = {
    "masterplan": "Masterplan",
    "staerkungsinitiative": "Stärkungsinitiative",
    "dialog": "Dialog",
    "absichtserklaerung": "Absichtserklärung",
    "regionale_wirtschaftsfoerderung": "Regionale Wirtschaftsförderung",
}
# What an initiative's page shows (portal.evidence derives it from the newest dated entry).
INITIATIVE_STATUS = {
    "angekuendigt": "angekündigt",
    "laufend": "läuft",
    "abgeschlossen": "beendet",
    "unklar": "Stand unklar",
}
MEASURE_STATUS = {
    "angekuendigt": "angekündigt",
    "empfohlen": "empfohlen",
    "beschlossen": "beschlossen",
    "in_umsetzung": "in Umsetzung",
    "abgeschlossen": "abgeschlossen",
    "eingestellt": "eingestellt",
}
# One line per status for the legend next to counts (the method page defines each, docs/methode/).
MEASURE_STATUS_MEANING = {
    "angekuendigt": "Eine Quelle sagt, dass es geschehen soll; von Beschluss oder Beginn sagt sie nichts.",
    "empfohlen": "Ein Gremium oder Arbeitskreis empfiehlt es; einen Beschluss meldet keine Quelle.",
    "beschlossen": "Eine Quelle meldet einen verbindlichen Beschluss.",
    "in_umsetzung": "Eine Quelle meldet, dass die Arbeit begonnen hat.",
    "abgeschlossen": "Eine Quelle meldet es als erledigt oder durchgeführt.",
    "eingestellt": "Eine Quelle meldet, dass es aufgegeben oder nicht weiterverfolgt wird.",
}
INITIATIVE_STATUS_MEANING = {
    "angekuendigt": "Eine Quelle sagt, dass die Initiative beginnen soll.",
    "laufend": "Eine datierte, aktuelle Quelle meldet, dass sie arbeitet.",
    "abgeschlossen": "Eine Quelle meldet, dass sie beendet ist.",
    "unklar": "Die letzte Meldung ist undatiert oder alt, oder die Quellen sagen nichts Klares.",
}
# The order in which status groups appear on pages: open work first, finished last.
MEASURE_STATUS_ORDER = ["in_umsetzung", "beschlossen", "empfohlen", "angekuendigt", "abgeschlossen", "eingestellt"]
ORG_TYPE = {
    "ministerium": "Ministerien und Landesregierung",
    "stadt": "Städte",
    "kreis": "Kreise",
    "kammer": "Kammern",
    "verband": "Verbände",
    "gewerkschaft": "Gewerkschaften",
    "hochschule": "Hochschulen",
    "wirtschaftsfoerderung": "Wirtschaftsförderungen",
    "unternehmensnetzwerk": "Unternehmensnetzwerke",
    "initiative": "Initiativen und Bündnisse",
    "unternehmen": "Unternehmen",
    "gremium": "Gremien",
    "medium": "Medien und Presseportale",
    "unbestimmt": "Art in den Quellen nicht angegeben",
}
ORG_TYPE_SINGULAR = {
    "ministerium": "Ministerium", "stadt": "Stadt", "kreis": "Kreis", "kammer": "Kammer", "verband": "Verband",
    "gewerkschaft": "Gewerkschaft", "hochschule": "Hochschule", "wirtschaftsfoerderung": "Wirtschaftsförderung",
    "unternehmensnetzwerk": "Unternehmensnetzwerk", "initiative": "Initiative", "unternehmen": "Unternehmen",
    "gremium": "Gremium", "medium": "Medium",
    "unbestimmt": "Art in den Quellen nicht angegeben",
}
PARTICIPANT_ROLE = {
    "initiator": "Initiatoren",
    "traeger": "Träger",
    "leitung": "Gemeinsame Leitung",
    "vorsitz": "Vorsitz",
    "gastgeber": "Gastgeber",
    "geschaeftsfuehrung": "Geschäftsführung der Arbeitskreise",
    "unterzeichner": "Unterzeichner",
    "mitglied": "Mitglieder",
    "teilnehmer": "Teilnehmende",
    "partner": "Partner",
}
# The same roles for one organisation or person ("Initiator" on a partner profile).
PARTICIPANT_ROLE_SINGULAR = {
    "initiator": "Initiator", "traeger": "Träger", "leitung": "Gemeinsame Leitung", "vorsitz": "Vorsitz", "gastgeber": "Gastgeber",
    "geschaeftsfuehrung": "Geschäftsführung der Arbeitskreise", "unterzeichner": "Unterzeichner",
    "mitglied": "Mitglied", "teilnehmer": "Teilnahme", "partner": "Partner",
}
MILESTONE_KIND = {
    "konferenz": "Konferenz", "sitzung": "Sitzung", "unterzeichnung": "Unterzeichnung",
    "ueberpruefung": "Überprüfung", "gruendung": "Gründung", "veranstaltung": "Veranstaltung", "workshop": "Workshop",
}
MILESTONE_STATUS = {"stattgefunden": "stattgefunden", "angekuendigt": "angekündigt"}
DOCUMENT_TYPE = {
    "pressemitteilung": "Pressemitteilung",
    "nachricht": "Nachricht",
    "interview": "Interview",
    "foliensatz": "Foliensatz",
    "absichtserklaerung": "Absichtserklärung (Letter of Intent)",
}
# Press archive: what journalists count as press; slide decks and letters are sources only.
PRESS_TYPES = {"pressemitteilung", "nachricht", "interview"}
BODY_KIND = {
    "lenkungskreis": "Lenkungskreis", "steuerungskreis": "Steuerungskreis", "konferenz": "Konferenz",
    "spitzengespraech": "Spitzengespräch", "dialog": "Dialog auf Spitzenebene",
}
REGION_KIND = {"stadt": "Stadt", "kreis": "Kreis", "region": "Region", "land": "Land"}
QUALIFIER = {"genau": "", "rund": "rund", "ueber": "über", "nahezu": "nahezu", "mindestens": "mindestens"}
