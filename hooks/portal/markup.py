"""Editors' Markdown to HTML that is safe to publish: raw HTML is shown as text, links are checked.

MkDocs' Jinja environment does not autoescape, and Python-Markdown passes raw HTML through. Prose
from data files therefore goes through this renderer, and templates mark only its result as safe.

Two layers, both deciding on what the browser will see (``portal.links``):
1. While Markdown builds the page tree, a link whose target is refused loses its address (the text
   stays) and a refused image becomes its description in brackets. The refusals are collected, so
   the content check reports them to the editor with file and field.
2. The finished HTML passes through Ammonia (``nh3``), an HTML sanitiser that parses it as a browser
   does, decodes every entity, keeps only the tags and attributes Markdown writes, and applies the
   same address rules once more. Whatever slips past the first layer cannot slip past the second.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .links import Target, classify, image_target

if TYPE_CHECKING:
    import xml.etree.ElementTree as etree

# Exactly what Python-Markdown (with sane_lists) writes for editors' text; nothing else survives.
TAGS = {"p", "a", "img", "span", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br",
        "h1", "h2", "h3", "h4", "h5", "h6"}
ATTRIBUTES = {"a": {"href", "title", "rel"}, "img": {"src", "alt", "title"}, "ol": {"start"}}


@dataclass(frozen=True)
class Refusal:
    """A link or image the page does not show as written: what it is, the address, and why."""

    what: str       # "Link" or "Bild"
    written: str    # the address as the editor wrote it
    target: Target  # the address as the browser reads it, with the German reason


@dataclass
class _Collected:
    refusals: list[Refusal] = field(default_factory=list)


class _NoRawHtml(Extension):
    """Turns raw HTML (block and inline) into visible text and checks every link and image."""

    def __init__(self, collected: _Collected) -> None:
        super().__init__()
        self.collected = collected

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md, self.collected), "portal_safe_links", 0)


class _SafeLinks(Treeprocessor):
    def __init__(self, md: markdown.Markdown, collected: _Collected) -> None:
        super().__init__(md)
        self.collected = collected

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                source = element.get("src", "")
                target = image_target(source)
                if target.kind == "refused":
                    self.collected.refusals.append(Refusal("Bild", source, target))
                    alt = element.get("alt", "")
                    element.tag, element.text = "span", f"[Bild: {alt}]" if alt else "[Bild]"
                    element.attrib.clear()
            elif element.tag == "a" and (written := element.get("href")) is not None:
                target = classify(written)
                if target.kind == "refused":
                    # A javascript: or data: target is removed; the link text stays readable.
                    self.collected.refusals.append(Refusal("Link", written, target))
                    del element.attrib["href"]
                elif target.kind == "web":
                    element.set("rel", "noopener")


def _allowed(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: the value arrives decoded, as the browser would read it."""
    if tag == "a" and attribute == "href":
        return value if classify(value, decoded=True).kind != "refused" else None
    if tag == "img" and attribute == "src":
        return value if image_target(value, decoded=True).kind != "refused" else None
    return value


class _Renderer:
    """One Markdown converter, reused: creating one per text cost 7 % of a large build."""

    def __init__(self) -> None:
        self.collected = _Collected()
        self.md = markdown.Markdown(extensions=[_NoRawHtml(self.collected), "sane_lists"], output_format="html")

    def render(self, text: str) -> tuple[Markup, list[Refusal]]:
        self.collected.refusals = []
        self.md.reset()
        html = self.md.convert(text)
        clean = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, attribute_filter=_allowed,
                          url_schemes={"http", "https", "mailto"}, link_rel=None, strip_comments=True)
        return Markup(clean), list(self.collected.refusals)


@functools.lru_cache(maxsize=1)
def _renderer() -> _Renderer:
    return _Renderer()


def render_prose(text: str) -> Markup:
    """Markdown from a data file as safe HTML (empty Markup for empty text)."""
    if not text or not text.strip():
        return Markup("")
    return _renderer().render(text)[0]


def refused_links(text: str) -> list[Refusal]:
    """The links and images in ``text`` that ``render_prose`` would not show as written."""
    # Only a bracket ([text](url), ![image](url), [ref]: url) or an angle bracket (<https://…>) makes a link.
    if not text or ("[" not in text and "<" not in text):
        return []
    return _renderer().render(text)[1]


def render_inline(text: str) -> Markup:
    """Prose for places where a paragraph does not fit (list items, table cells)."""
    html = str(render_prose(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
