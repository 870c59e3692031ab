"""The URL scheme: German, stable, one folder per collection; the record id is the last segment."""

from __future__ import annotations

SECTIONS: dict[str, str] = {
    "initiatives": "initiativen",
    "measures": "massnahmen",
    "organisations": "partner",
    "people": "personen",
    "documents": "quellen",
    "topics": "themen",
    "regions": "regionen",
}


def src_uri(collection: str, record_id: str) -> str:
    """The path of the generated Markdown page inside ``docs/`` (never written to disk)."""
    return f"{SECTIONS[collection]}/{record_id}.md"


def url_for(collection: str, record_id: str) -> str:
    """The page's site-relative URL with directory URLs, as MkDocs will publish it."""
    return f"{SECTIONS[collection]}/{record_id}/"


def edit_url(repository: str, branch: str, path: str) -> str:
    """GitHub's web editor for a file of the repository (``path`` relative to its root)."""
    return f"{repository.rstrip('/')}/edit/{branch}/{path}"
