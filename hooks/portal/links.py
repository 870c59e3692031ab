"""Where a link or an image in editors' text really points, decided the way a browser reads it.

A check on the text as written is not enough: ``javascript&colon;alert(1)`` is a script to the
browser once the entity is decoded, ``java\\tscript:`` once the tab is removed, ``/\\evil.example``
is another host once the backslash counts as a slash, and ``https:evil.example`` drops the two
slashes that a browser adds back. So the value is first brought into the form the browser's URL
parser (WHATWG URL Standard) works on, and only then compared with an allow-list:

- links: pages of this site (relative addresses), ``https:``/``http:`` addresses with a host, ``mailto:``;
- images: only files of this site. An image from another host would tell that host about every visitor.

The renderer (``portal.markup``) and the content check use this one function, so the check reports
exactly what the page would drop.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["site", "web", "mail", "refused"]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# The URL Standard strips C0 controls and spaces at both ends and removes tabs and newlines anywhere.
_EDGES = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")

# Why an address is refused, by its scheme: the editor learns what the address would do.
REASONS = {
    "javascript": "javascript:-Adressen führen Programmcode aus",
    "vbscript": "vbscript:-Adressen führen Programmcode aus",
    "data": "data:-Adressen enthalten den Inhalt selbst, statt auf eine Seite zu verweisen",
    "file": "file:-Adressen zeigen auf eine Datei auf dem eigenen Rechner",
    "ftp": "ftp:-Adressen öffnen Browser nicht mehr",
}
_ALLOWED = "erlaubt sind Adressen mit https://, http://, mailto: und Seiten dieser Website"


@dataclass(frozen=True)
class Target:
    """What an address in a link or image is, for the browser: its kind and, if refused, why."""

    kind: Kind
    url: str          # the address as the browser's URL parser sees it
    reason: str = ""  # German, for refused addresses: what the address would do
    hint: str = ""    # German: what to write instead


def browser_form(value: str, decoded: bool = False) -> str:
    """``value`` as the browser's URL parser receives it: entities decoded (unless ``decoded``),
    controls and spaces stripped at the ends, tabs and newlines removed."""
    text = value if decoded else html.unescape(value)
    return _TAB_OR_NEWLINE.sub("", text.strip(_EDGES))


def classify(value: str, decoded: bool = False) -> Target:
    """Decide what the address ``value`` (an ``href`` or ``src`` as written in HTML) points to.

    ``decoded=True`` when an HTML parser has already decoded the entities (nh3 has).
    """
    url = browser_form(value, decoded)
    if match := _SCHEME.match(url):
        scheme = match.group(1).lower()
        rest = url[match.end():].replace("\\", "/")
        if scheme in ("http", "https"):
            if rest.startswith("//") and rest[2:3] not in ("", "/"):
                return Target("web", url)
            return Target("refused", url, f"nach {scheme}: fehlen die zwei Schrägstriche und der Name der Website",
                          f"die Adresse vollständig schreiben: {scheme}://{rest.lstrip('/')}")
        if scheme == "mailto":
            return Target("mail", url)
        if len(scheme) == 1:  # C:\Users\… is a path on the editor's own computer
            return Target("refused", url, "das ist ein Pfad auf dem eigenen Rechner", _ALLOWED)
        return Target("refused", url, REASONS.get(scheme, f"'{scheme}:' ist kein Protokoll für Webseiten"), _ALLOWED)
    # Without a scheme, backslashes count as slashes, and "//host" means another host (the page's scheme).
    path = url.replace("\\", "/")
    if path.startswith("//"):
        host = path.lstrip("/")
        return Target("refused", url, "beginnt mit zwei Schrägstrichen und zeigt damit auf eine andere Website",
                      f"die Adresse vollständig schreiben: https://{host}")
    return Target("site", url)


def image_target(value: str, decoded: bool = False) -> Target:
    """``classify`` for an image (``<img src>``): only files of this site are fine."""
    target = classify(value, decoded)
    if target.kind in ("web", "mail"):
        return Target("refused", target.url, "lädt ein Bild von einer anderen Website, die so von jedem Besuch erführe",
                      "das Bild nicht einbinden, sondern verlinken: [Beschreibung](https://…) ohne ! davor")
    return target
