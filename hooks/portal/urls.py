"""The URL scheme: German, stable, one folder per collection; the record id is the last segment."""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit

from .pagetypes import PAGE_TYPES

# Collection → URL folder, as the page-type registry declares it.
SECTIONS: dict[str, str] = {name: declared.section for name, declared in PAGE_TYPES.items()}


def src_uri(collection: str, record_id: str) -> str:
    """The path of the generated Markdown page inside ``docs/`` (never written to disk)."""
    return f"{SECTIONS[collection]}/{record_id}.md"


def url_for(collection: str, record_id: str) -> str:
    """The page's site-relative URL with directory URLs, as MkDocs will publish it."""
    return f"{SECTIONS[collection]}/{record_id}/"


def storage_scope(site_url: str) -> str:
    """The prefix Material gives its browser-storage keys: the path of the site's root ("/" locally,
    "/<folder>/" when the site lives in a folder), as __md_scope in Material's partials/javascripts/base.html."""
    path = urlsplit(site_url).path.strip("/") if site_url else ""
    return f"/{path}/" if path else "/"


def edit_url(repository: str, branch: str, path: str) -> str:
    """GitHub's web editor for a file of the repository (``path`` relative to its root)."""
    return f"{repository.rstrip('/')}/edit/{branch}/{path}"


def report_body(title: str, address: str, source_file: str) -> str:
    """The text a report starts with: which page, which file, and what the editors need to know."""
    return (f"Seite: {title}\nAdresse: {address}\nDatei: {source_file}\n\n"
            "Was ist neu oder stimmt nicht?\n\n\n"
            "Quelle (Link oder Dokument, mit Datum):\n")


def issue_url(repository: str, title: str, address: str, source_file: str) -> str:
    """A new GitHub issue for the page, filled in with its title, address and file (no API call)."""
    query = urlencode({"title": f"Neuigkeit oder Korrektur: {title}", "body": report_body(title, address, source_file)})
    return f"{repository.rstrip('/')}/issues/new?{query}"


def mail_url(email: str, title: str, address: str, source_file: str) -> str:
    """The same report as an e-mail to the operator (spaces as %20: mail programs do not read +)."""
    subject = quote(f"Neuigkeit oder Korrektur: {title}")
    return f"mailto:{email}?subject={subject}&body={quote(report_body(title, address, source_file))}"
