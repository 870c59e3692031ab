"""A Content-Security-Policy for every built page, delivered as ``<meta http-equiv>``.

GitHub Pages cannot send response headers, so the policy goes into each page as the first element
after ``<meta charset>``: a CSP meta only governs what the parser meets after it.

The policy allows the site's own origin and nothing else: no other host, no ``'unsafe-inline'`` and
no ``'unsafe-eval'`` for scripts. Material writes a few small inline scripts into every page (and
``overrides/main.html`` one); those are allowed by their SHA-256 hashes. One of them contains the
page's relative base URL ("..", "../..", "/" on the 404 page), so the hashes differ between pages
and are computed from each page's output.

Hashing every inline script found would also allow an injected one. So an inline script is hashed
only if its text is one of ``KNOWN_SCRIPTS``: the exact text of the template, in which the one
page-dependent part, the base URL, may only be a plain path (it sits inside a JavaScript string and
cannot leave it). Any other inline executable script raises ``CspError`` naming the page: either
something was injected, or a new Material version writes different scripts and a maintainer has
to review them and update ``KNOWN_SCRIPTS`` (``tests/test_csp.py`` compares it with the installed
Material). JSON data blocks (``application/json``, ``application/ld+json``) are not executed, so
CSP does not apply to them and they are never hashed.

Scripts are found with a regular expression, not a full HTML parser (a parser would add seconds to
a large build). That is safe in both directions: a script the expression misreads is reported as
unknown (the build fails), and only texts equal to a known template ever get a hash, so a
misreading can never allow a script the browser would see differently.

This module has no MkDocs imports; ``hooks/security_hooks.py`` is the glue.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

__all__ = ["KNOWN_SCRIPTS", "CspError", "policy", "script_hashes", "secure"]

# Placeholder for the page's base URL in KNOWN_SCRIPTS.
BASE = "{base}"
# What MkDocs writes as base URL: "." or "..", "../..", … for pages, an absolute path ("/" or the
# site_url's path, e.g. "/portal/") for the 404 page. No quote, backslash or line break can occur,
# so the value cannot end the JavaScript string it stands in.
_BASE_URL = r"(?:\.|\.\.(?:/\.\.)*|/(?:[A-Za-z0-9._~%-]+/)*)"


@dataclass(frozen=True)
class KnownScript:
    """An inline script the portal's templates write, with ``{base}`` where the base URL goes."""

    source: str  # the template that writes it
    text: str

    def pattern(self) -> re.Pattern[str]:
        parts = [re.escape(part) for part in self.text.split(BASE)]
        return re.compile(_BASE_URL.join(parts))


# The inline scripts of Material 9.8's templates that this site's configuration produces, and the
# portal's own. Exact text, byte for byte. A feature that adds another Material script (tabs,
# announcement bar, versions, cookie consent) fails the build until its script is added here.
KNOWN_SCRIPTS: tuple[KnownScript, ...] = (
    KnownScript(
        "material/partials/javascripts/base.html",
        '__md_scope=new URL("{base}",location),'
        '__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
        '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
        '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
    ),
    KnownScript(
        "material/partials/javascripts/palette.html",
        'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media)'
        '{var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?'
        '"[data-md-color-media=\'(prefers-color-scheme: light)\']":"[data-md-color-media=\'(prefers-color-scheme: dark)\']");'
        'palette.color.media=input.getAttribute("data-md-color-media"),'
        'palette.color.scheme=input.getAttribute("data-md-color-scheme"),'
        'palette.color.primary=input.getAttribute("data-md-color-primary"),'
        'palette.color.accent=input.getAttribute("data-md-color-accent")}'
        'for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}',
    ),
    KnownScript(
        "material/partials/javascripts/content.html",
        'var target=document.getElementById(location.hash.slice(1));'
        'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))',
    ),
    KnownScript(
        "overrides/main.html",
        'document.documentElement.classList.add("portal-js")',
    ),
)
_KNOWN = [(script, script.pattern()) for script in KNOWN_SCRIPTS]

# Script types that are data, not code: the browser never runs them, CSP does not apply.
DATA_TYPES = frozenset({"application/json", "application/ld+json"})

# Fixed directives. Every one names the site's own origin at most: no other host, ever.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),  # + the page's hashes; Pagefind's search runs as WebAssembly
    # Neither Material's templates nor overrides/ write style attributes or <style> elements, and
    # Material's and portal.js's scripts set styles through the DOM (allowed by CSP), so no
    # 'unsafe-inline' is needed (tests/test_csp.py checks every page and every page type in Chromium).
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),          # Material's icons in its CSS are data: SVGs
    ("font-src", "'self'"),               # theme.font: false, system fonts; nothing is loaded today
    ("connect-src", "'self'"),            # the search index's chunks (pagefind/)
    ("worker-src", "'self'"),             # Pagefind's worker (pagefind/pagefind-worker.js)
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),            # the search and filter forms never leave the page
    ("frame-src", "'none'"),
    # frame-ancestors, report-uri and sandbox are ignored in a meta element, so they are left out.
)

_SCRIPT = re.compile(r"<script(?=[\s/>])(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""(?:^|[\s/])type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_HEAD_CHARSET = re.compile(r"""<head(?:\s[^>]*)?>\s*<meta\s+charset\s*=\s*["']?utf-8["']?\s*/?>""", re.IGNORECASE)
_CSP_META = re.compile(r"""<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy""", re.IGNORECASE)


class CspError(ValueError):
    """A page cannot get a policy: an unknown inline script, or no ``<meta charset>`` to follow."""


def _script_type(attrs: str) -> str:
    match = _TYPE.search(attrs)
    if not match:
        return ""
    return next(group for group in match.groups() if group is not None).strip().lower()


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _known(text: str) -> bool:
    return any(pattern.fullmatch(text) for _, pattern in _KNOWN)


def script_hashes(html: str, page: str) -> list[str]:
    """The CSP sources (``'sha256-…'``) for the inline scripts of ``html``, sorted, each once.

    Raises ``CspError`` naming ``page`` for an inline executable script that is not one of
    ``KNOWN_SCRIPTS``. Scripts with ``src`` and no text, empty scripts and JSON blocks need no hash."""
    hashes: set[str] = set()
    for match in _SCRIPT.finditer(html):
        # The browser hashes the text after normalising line breaks (HTML input preprocessing).
        text = match["body"].replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip() or _script_type(match["attrs"]) in DATA_TYPES:
            continue
        if not _known(text):
            excerpt = " ".join(text.split())[:80]
            raise CspError(
                f"{page}: unbekanntes Inline-Skript <script{match['attrs']}>{excerpt}…</script>. Es ist keines der "
                "bekannten Skripte von Material oder aus overrides/: entweder wurde Code eingeschleust, oder eine "
                "neue Material-Version schreibt andere Skripte. Bitte prüfen und dann KNOWN_SCRIPTS in "
                "hooks/portal/csp.py anpassen.")
        hashes.add(_hash(text))
    return sorted(hashes)


def policy(hashes: list[str]) -> str:
    """The policy string for a page whose inline scripts have ``hashes``."""
    return "; ".join(f"{name} {value} {' '.join(hashes)}".rstrip() if name == "script-src" else f"{name} {value}"
                     for name, value in DIRECTIVES)


def meta(policy_text: str) -> str:
    """The ``<meta>`` element carrying ``policy_text`` (which holds no quote, ``&`` or ``<``)."""
    return f'<meta http-equiv="Content-Security-Policy" content="{policy_text}">'


def secure(html: str, page: str) -> str:
    """``html`` with its policy as the first element after ``<meta charset>`` at the start of ``<head>``.

    Raises ``CspError`` naming ``page`` for an unknown inline script, a page that already has a
    policy, or a ``<head>`` that does not start with ``<meta charset="utf-8">``."""
    if _CSP_META.search(html):
        raise CspError(f"{page}: hat schon eine Content-Security-Policy (Hook doppelt eingetragen?)")
    head = _HEAD_CHARSET.search(html)
    if head is None:
        raise CspError(f'{page}: <head> beginnt nicht mit <meta charset="utf-8">; die Content-Security-Policy '
                       "muss davor stehen, was sie schützen soll, und kann nicht eingefügt werden.")
    tag = meta(policy(script_hashes(html, page)))
    return f"{html[:head.end()]}\n      {tag}{html[head.end():]}"
