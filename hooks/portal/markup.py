"""Editors' Markdown to HTML that is safe to publish: raw HTML is shown as text, links are checked.

MkDocs' Jinja environment does not autoescape, and Python-Markdown passes raw HTML through. Prose
from data files therefore goes through this renderer, and templates mark only its result as safe.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = {"http", "https", "mailto", ""}


class _NoRawHtml(Extension):
    """Turns raw HTML (block and inline) into visible text and drops unsafe link targets."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "portal_safe_links", 0)


class _SafeLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "img" and urlsplit(element.get("src", "")).netloc:
                # An image from another host would tell that host about every visitor: show its text.
                alt = element.get("alt", "")
                element.tag, element.text = "span", f"[Bild: {alt}]" if alt else "[Bild]"
                element.attrib.clear()
                continue
            for attr in ("href", "src"):
                value = element.get(attr)
                if value is not None and urlsplit(value.strip()).scheme.lower() not in SAFE_SCHEMES:
                    # A javascript: or data: target is removed; the link text stays readable.
                    del element.attrib[attr]
            if element.tag == "a" and urlsplit(element.get("href", "")).scheme in ("http", "https"):
                element.set("rel", "noopener")


def render_prose(text: str) -> Markup:
    """Markdown from a data file as safe HTML (empty Markup for empty text)."""
    if not text or not text.strip():
        return Markup("")
    md = markdown.Markdown(extensions=[_NoRawHtml(), "sane_lists"], output_format="html")
    return Markup(md.convert(text))


def render_inline(text: str) -> Markup:
    """Prose for places where a paragraph does not fit (list items, table cells)."""
    html = str(render_prose(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)

