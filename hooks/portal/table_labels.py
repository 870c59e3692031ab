"""The German names of the open-data tables (``portal.tables``): file names, titles and a line on
what a row of a child table is. A table the model gains without an entry here is still made, named
after its parent and field (``initiativen-neue-liste``): naming it in German is one line here.
"""

from __future__ import annotations

# German file names, like the site's sections; a collection's table has its JSON file's name.
TABLE_NAMES: dict[str, str] = {
    "initiatives": "initiativen", "measures": "massnahmen", "organisations": "organisationen",
    "people": "personen", "regions": "regionen", "topics": "themen", "documents": "dokumente",
    "initiatives.history": "initiativen-verlauf", "initiatives.goals": "ziele",
    "initiatives.participants": "beteiligungen", "initiatives.bodies": "gremien",
    "initiatives.bodies.chairs": "gremien-vorsitz", "initiatives.working_groups": "arbeitskreise",
    "initiatives.working_groups.chairs": "arbeitskreise-vorsitz",
    "initiatives.working_groups.management": "arbeitskreise-leitung",
    "initiatives.milestones": "meilensteine", "initiatives.key_figures": "kennzahlen",
    "initiatives.statements": "aussagen", "measures.history": "massnahmen-verlauf",
    "organisations.former_names": "fruehere-namen", "people.roles": "rollen",
}
TABLE_TITLES: dict[str, str] = {
    "initiativen": "Initiativen", "massnahmen": "Maßnahmen", "organisationen": "Organisationen",
    "personen": "Personen", "regionen": "Regionen", "themen": "Themen", "dokumente": "Quellen und Pressemeldungen",
    "initiativen-verlauf": "Verlauf der Initiativen", "ziele": "Ziele der Initiativen",
    "beteiligungen": "Beteiligte der Initiativen", "gremien": "Gremien der Initiativen",
    "gremien-vorsitz": "Vorsitz der Gremien", "arbeitskreise": "Arbeitskreise der Initiativen",
    "arbeitskreise-vorsitz": "Vorsitz der Arbeitskreise", "arbeitskreise-leitung": "Leitung der Arbeitskreise",
    "meilensteine": "Meilensteine der Initiativen", "kennzahlen": "Kennzahlen der Initiativen",
    "aussagen": "Aussagen von Personen", "massnahmen-verlauf": "Verlauf der Maßnahmen",
    "fruehere-namen": "Frühere Namen der Organisationen", "rollen": "Öffentliche Rollen der Personen",
}
# The column that names a row's parent: the parent collection or list in the singular.
SINGULAR: dict[str, str] = {
    "initiatives": "initiative", "measures": "measure", "organisations": "organisation", "people": "person",
    "regions": "region", "topics": "topic", "documents": "document", "bodies": "body",
}


def help_text(class_name: str) -> str:
    """A short German line on what a nested record type is (the child tables' descriptions)."""
    return NESTED_HELP.get(class_name, "")


NESTED_HELP: dict[str, str] = {
    "InitiativeHistoryEntry": "Was eine Quelle eines Datums über die Initiative als Ganzes sagt.",
    "Goal": "Ein Ziel der Initiative.",
    "Participant": "Eine beteiligte Organisation oder Gruppe in einer Rolle.",
    "Body": "Ein Gremium: Lenkungskreis, Steuerungskreis, Konferenz, Spitzengespräch oder Dialog.",
    "Chair": "Wer den Vorsitz oder die Leitung hat: eine Organisation, eine Person oder eine Beschreibung aus der Quelle.",
    "WorkingGroup": "Ein Arbeitskreis mit Themen, Vorsitz, Leitung und Größe.",
    "Milestone": "Ein datiertes Ereignis: Konferenz, Sitzung, Unterzeichnung, Überprüfung.",
    "KeyFigure": "Eine Zahl mit Einheit, Stichtag und Quelle.",
    "Statement": "Was eine Person gesagt hat, in eigenen Worten des Portals.",
    "HistoryEntry": "Ein datierter Schritt im Verlauf einer Maßnahme; der neueste ist ihr Stand.",
    "FormerName": "Ein früherer Name einer Organisation.",
    "Role": "Eine öffentliche Rolle einer Person in einer Organisation.",
}

# What one row of a collection's table is (the editors' schemas describe files, not rows).
COLLECTION_ROWS: dict[str, str] = {
    "regions": "Eine Zeile je Region: Stadt, Kreis, Region oder das Land.",
    "topics": "Eine Zeile je Thema, das Initiativen verbindet.",
    "organisations": "Eine Zeile je Organisation: Stadt, Kammer, Verband, Gewerkschaft, Hochschule, Ministerium, "
                     "Unternehmen …",
    "people": "Eine Zeile je Person in einer öffentlichen Rolle (die Rollen: Tabelle rollen).",
    "initiatives": "Eine Zeile je Initiative: Masterplan, Stärkungsinitiative, Dialog …; ihre Listen (Verlauf, "
                   "Ziele, Beteiligte, Gremien, Arbeitskreise, Meilensteine, Kennzahlen, Aussagen) stehen in "
                   "eigenen Tabellen.",
    "measures": "Eine Zeile je Maßnahme oder Handlungsempfehlung (der Verlauf: Tabelle massnahmen-verlauf).",
    "documents": "Eine Zeile je veröffentlichter Quelle oder Pressemeldung, mit der Zusammenfassung des Portals "
                 "in eigenen Worten (body); Entwürfe und noch nicht erschienene Meldungen fehlen.",
}
# Said in every table with a list of ids in one cell.
IDS_NOTE = "In {columns} stehen jeweils eine oder mehrere ids, durch Kommas getrennt."
