"""Planted content and German queries for the search quality tests (issue 13).

Content-independent, like ``planted_site`` in ``tests/test_browser_journeys.py``: a copy of
``tests/fixtures/mini`` with a few planted files (``PLANTED``) that contain the words people type, and
the queries that must find them. Shared by the index tests (``tests/test_search_index.py``) and the
search dialog's tests: ``planted_search_site(tmp)`` builds the site, ``QUERIES`` and ``GUIDE_QUERIES``
say what a query must find.

- ``QUERIES``: ``(query, expected page path, top_n)``; run with the filter ``bereich: Inhalte`` (what
  the dialog does by default), the expected page must be among the first ``top_n`` results.
- ``GUIDE_QUERIES``: ``(query, expected page path)`` for words the editors' guide also contains; even
  without any filter the expected content page must rank above the guide (``mitmachen/``).
"""

from __future__ import annotations

from pathlib import Path

from conftest import Build, mini_variant

# The documents' ids and paths are the site addresses the queries expect.
PLANTED: dict[str, str] = {
    # A word form: the page says "Fachkräften"; readers type "Fachkraft" or "Fachkräfte".
    "documents/presse-werkstatt.md": """---
title: Einladung in die Werkstatt
type: pressemitteilung
date: "2017-05-02"
initiatives: [masterplan-test]
---
Die Stadt lädt zur „Zukunftswerkstatt“ ein und sucht dafür Fachkräften aus dem Handwerk.
""",
    # An English phrase (its stop words must not match German pages) and a year (2023).
    "documents/letter-of-intent.md": """---
title: Letter of Intent für die Testindustrie
type: absichtserklaerung
date: "2023-01-20"
publisher: ihk-duesseldorf
initiatives: [masterplan-test]
organisations: [ihk-duesseldorf, dgb-test]
---
Kammer und Gewerkschaft unterzeichnen eine gemeinsame Absichtserklärung für die Industrie im Testland.
""",
    # A second initiative (the journeys' initiative filters need one).
    "initiatives/dialog-test.yaml": """title: Dialog Test
kind: dialog
region: land
history: [{date: "2017-03-20", status: abgeschlossen, sources: [pm-eins]}]
start: "2017"
summary: Ein abgeschlossener Dialog im Testland.
sources: [pm-eins]
""",
    # Word forms of a compound (Handwerkerhöfe → Handwerkerhof) and a year (2027) as a target date.
    "measures/handwerkerhoefe.yaml": """initiative: masterplan-test
title: Handwerkerhöfe im Hafen
description: Zwei Höfe für Betriebe des Handwerks an der Kaikante.
target: "2027"
history:
  - date: "2017-03-16"
    status: beschlossen
    sources: [pm-eins]
sources: [pm-eins]
""",
    # A compound (Breitbandausbau → Breitband) and "ß" typed as "ss" (Straße → Strasse).
    "measures/breitbandausbau.yaml": """initiative: masterplan-test
title: Breitbandausbau im Gewerbegebiet
description: Schnelles Internet für jede Straße im Gewerbegebiet am Kanal.
history:
  - date: "2017-03-16"
    status: empfohlen
    sources: [pm-eins]
sources: [pm-eins]
""",
    # A short name that readers type alone.
    "measures/euroskills.yaml": """initiative: masterplan-test
title: Bewerbung um die EuroSkills
description: Die Stadt bewirbt sich um die Berufseuropameisterschaft.
history:
  - date: "2017-03-16"
    status: angekuendigt
    sources: [pm-eins]
sources: [pm-eins]
""",
    # "ü" typed as "ue" (Mülheim → Muelheim).
    "regions/muelheim.yaml": """name: Mülheim an der Ruhr
kind: stadt
parent: land
""",
    # "ü" typed as "ue" (Düsseldorf → Duesseldorf) and an abbreviation as short name (IHK).
    "organisations/ihk-duesseldorf.yaml": """name: Industrie- und Handelskammer zu Düsseldorf
short_name: IHK
type: kammer
sources: [pm-eins]
""",
    "organisations/dgb-test.yaml": """name: Deutscher Gewerkschaftsbund Testregion
short_name: DGB
type: gewerkschaft
sources: [pm-eins]
""",
    # The coordination "Gewerbe- und Industrieflächen" must be found by "Gewerbeflächen".
    "topics/gewerbe-industrieflaechen.yaml": """name: Gewerbe- und Industrieflächen
description: Wo sich Betriebe ansiedeln und erweitern können.
""",
}

WERKSTATT = "quellen/presse-werkstatt/"
LETTER = "quellen/letter-of-intent/"
HOEFE = "massnahmen/handwerkerhoefe/"
BREITBAND = "massnahmen/breitbandausbau/"
EUROSKILLS = "massnahmen/euroskills/"
MUELHEIM = "regionen/muelheim/"
IHK = "partner/ihk-duesseldorf/"
DGB = "partner/dgb-test/"
FLAECHEN = "themen/gewerbe-industrieflaechen/"
MPT = "initiativen/masterplan-test/"  # short_name "MPT" of the mini fixture's initiative
GLASFASER = "massnahmen/glasfaser/"  # the mini fixture's measure "Glasfaser bis 2020"

# (query, expected page path, top_n) with the filter bereich: Inhalte.
QUERIES: list[tuple[str, str, int]] = [
    # word forms
    ("Fachkraft", WERKSTATT, 1),
    ("Fachkräfte", WERKSTATT, 1),
    ("Fachkräften", WERKSTATT, 1),
    ("Handwerkerhof", HOEFE, 1),
    ("Handwerkerhöfe", HOEFE, 1),
    ("Zukunftswerkstatt", WERKSTATT, 1),
    # years (the document of 2023 is also listed on overviews and its initiative's page)
    ("2023", LETTER, 3),
    ("2027", HOEFE, 3),
    # umlauts and ß typed as ae/oe/ue/ss
    ("Muelheim", MUELHEIM, 1),
    ("Duesseldorf", IHK, 1),
    ("Strasse", BREITBAND, 1),
    ("Handwerkerhoefe", HOEFE, 1),
    # compounds
    ("Gewerbeflächen", FLAECHEN, 3),
    ("Industrieflächen", FLAECHEN, 1),
    # The mini content says "Flächen" itself on many pages; the topic has it only inside compounds
    # (a generated keyword of low weight): it must be found at all, below the pages that say it.
    ("Flächen", FLAECHEN, 10),
    ("Breitband", BREITBAND, 1),
    # short names and abbreviations
    ("MPT", MPT, 1),
    ("IHK", IHK, 1),
    ("DGB", DGB, 1),
    ("EuroSkills", EUROSKILLS, 1),
    # an English phrase: "of" must not match German pages
    ("Letter of Intent", LETTER, 1),
]

# (query, expected content page): words the editors' guide (mitmachen/) also contains; without any
# filter the content page must rank above the guide.
GUIDE_QUERIES: list[tuple[str, str]] = [
    ("Glasfaser", GLASFASER),
    ("Breitband", BREITBAND),
    ("Zieltermin", GLASFASER),
]


def planted_search_site(tmp: Path) -> Build:
    """The mini content plus ``PLANTED``, built with the fixed date (call it from a fixture marked
    ``@builds``). The outcome is returned as it is; assert its return code."""
    return mini_variant(tmp, write=PLANTED)
