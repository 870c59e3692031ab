"""The site search: Pagefind's index of the built site, and what each page tells it.

After MkDocs has written every page, ``index_site`` runs Pagefind's binary (from the ``pagefind-bin``
wheel, through ``python -m pagefind``) over the site folder; it writes ``<site>/pagefind/``: the
index in chunks a browser loads per query, the filters, the page fragments, ``pagefind.js`` and the
WebAssembly that searches. A page's language comes from ``<html lang="de">``; Pagefind then stems
German, and the check below refuses an index that is not German.

Contract with the search dialog (``overrides/partials/search.html``, ``docs/assets/search.js``):
only the ``<article>`` of a page is indexed (``data-pagefind-body``, main.html), so navigation, header,
footer, the preview banner and the dialog itself never are. Every indexed page carries:

=================  ====================================================================================
meta ``title``     the page's title (Pagefind takes the first ``<h1>``)
meta ``art``       the kind of page in German: Initiative, Maßnahme, Partner, Person, the document
                   type's label for documents (Pressemitteilung, Nachricht, Interview, Foliensatz,
                   Absichtserklärung (Letter of Intent)), Thema, Region, Übersicht (overview pages),
                   Hilfe (editors' guide, method page), Rechtliches (Impressum, Datenschutz,
                   Barrierefreiheit, Leichte Sprache)
meta ``initiative``  measures and initiatives: the initiative's title; documents, organisations and
                   people: their initiatives' titles, joined by " · " (absent when there is none)
meta ``status``    measures: the status key (``portal.status``); initiatives: the derived state key
                   (``portal.initiative_state``); absent on other pages
meta ``status_label``  the German label of that status as the site shows it ("in Umsetzung",
                   "Stand unklar")
filter ``art``     as meta ``art``
filter ``initiative``  the initiatives' titles, one value each
filter ``region``  the region's name and the names of every region above it, one value each
                   (measures: their initiative's region)
filter ``thema``   the topics' names, one value each
filter ``status``  the status label
filter ``bereich``  ``Inhalte`` for content pages, ``Hilfe und Rechtliches`` for the guide, the method
                   and the legal pages (the dialog filters to ``Inhalte`` by default)
=================  ====================================================================================

Titles of records are weighted highest (``data-pagefind-weight`` on the ``<h1>``), their facts
(``<dl class="portal-facts">``) above their other text, lists of other records on a record's page
below it; overview pages count less (``OVERVIEW_WEIGHT``), the guide, the method and the legal pages
least (``HELP_WEIGHT``), so a record's own page comes first and help never outranks content.
Extra keywords (``portal.search_terms``: parts of compounds, coordinations, short names of linked
records) are a hidden meta ``stichwoerter``: Pagefind indexes meta values, readers, screen readers and
result excerpts never see them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

FOLDER = "pagefind"  # the index's folder in the site: /pagefind/pagefind.js
LANGUAGE = "de"
CONTENT = "Inhalte"
HELP = "Hilfe und Rechtliches"
TITLE_WEIGHT = "10"  # Pagefind's range is 0 to 10; its default for <h1> is 7
OVERVIEW_WEIGHT = "0.5"  # the article of an overview page (Pagefind's default is 1)
HELP_WEIGHT = "0.25"  # the article of the guide, the method and the legal pages
TIMEOUT = 900  # seconds; all of NRW (about 33,000 pages) indexes in well under a minute


class SearchIndexError(Exception):
    """Pagefind did not write a German index: the message says why, in German."""


def index_site(site: Path) -> str:
    """Index the built site in ``site`` into ``site/pagefind/``; returns Pagefind's summary.

    The CLI rather than the async Python API: one subprocess, its exit code and output, nothing that
    needs an event loop inside MkDocs' build or its live-reload server."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", FOLDER]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"Der Suchindex (Pagefind) konnte nicht erstellt werden: {error}") from None
    output = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0:
        raise SearchIndexError("Der Suchindex (Pagefind) konnte nicht erstellt werden "
                               f"(Rückgabewert {proc.returncode}):\n{output}")
    languages = index_languages(site)
    if languages != [LANGUAGE]:
        raise SearchIndexError(f"Der Suchindex ist nicht deutsch: Pagefind fand die Sprachen {languages or 'keine'} "
                               f"statt nur '{LANGUAGE}'. Jede Seite braucht <html lang=\"de\"> (theme.language in mkdocs.yml).")
    return output


def index_languages(site: Path) -> list[str]:
    """The languages of the index in ``site`` (``pagefind-entry.json``): its stemmers."""
    entry = site / FOLDER / "pagefind-entry.json"
    if not entry.exists():
        return []
    return sorted(json.loads(entry.read_text(encoding="utf-8")).get("languages", {}))
