"""The Content-Security-Policy (``portal.csp``, put into every page by ``hooks/security_hooks.py``).

1. The module on small pages: known scripts get their hash, unknown ones fail the build, JSON
   blocks get none, the meta element comes right after ``<meta charset>``.
2. Every page of the real site carries exactly one policy, in the right place, naming no host.
3. Chromium reports no violation on any page type while search, colour toggle and filters are used.
4. Chromium blocks what an attacker would plant: a ``javascript:`` link, an inline script, a
   foreign image (which is never even requested).
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import material
import pytest
import security_hooks
from bs4 import BeautifulSoup, Tag
from conftest import ROOT, Build, GuardedPages
from content import PAGE_TYPES, SEARCH_WORD
from mkdocs.exceptions import PluginError
from playwright.sync_api import Page, expect
from portal import csp
from sitetools import serve

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
MATERIAL_BASE = csp.KNOWN_SCRIPTS[0].text  # __md_scope=new URL("{base}",location),…
PALETTE = csp.KNOWN_SCRIPTS[1].text
CSP_SELECTOR = 'meta[http-equiv="Content-Security-Policy"]'


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def page(*head: str, body: str = "") -> str:
    """A page shaped like Material's: ``<head>`` starts with ``<meta charset>``; ``head`` goes after the title."""
    return f'<!doctype html>\n<html lang="de">\n  <head>\n    \n      <meta charset="utf-8">\n      <title>t</title>' \
           f"{''.join(head)}\n  </head>\n  <body>{body}</body>\n</html>\n"


def directives(policy: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        assert name not in parsed, f"{name} doppelt"
        parsed[name] = sources
    return parsed


def policy_of(html: str) -> dict[str, list[str]]:
    found = BeautifulSoup(html, "html.parser").select(CSP_SELECTOR)
    assert len(found) == 1
    return directives(str(found[0]["content"]))


# --- 1. The module -----------------------------------------------------------------------------

@pytest.mark.parametrize("base", [".", "..", "../..", "../../..", "/", "/portal/", "/ein-repo.name/"])
def test_a_known_material_script_gets_its_hash_for_any_base_url(base: str) -> None:
    script = MATERIAL_BASE.replace("{base}", base)
    secured = csp.secure(page(f"<script>{script}</script>", f"<script>{PALETTE}</script>"), "x/index.html")
    assert policy_of(secured)["script-src"] == ["'self'", "'wasm-unsafe-eval'", *sorted([sha256(script), sha256(PALETTE)])]


def test_the_same_script_twice_is_hashed_once_and_external_scripts_need_no_hash() -> None:
    html = page(f"<script>{PALETTE}</script>", '<script src="../assets/portal.js"></script>', f"<script>{PALETTE}</script>")
    assert policy_of(csp.secure(html, "x"))["script-src"] == ["'self'", "'wasm-unsafe-eval'", sha256(PALETTE)]


@pytest.mark.parametrize("script", [
    "<script>window.__pwned=1</script>",
    # A known script with something appended, or a base URL that leaves its string.
    f"<script>{PALETTE};fetch('//evil.example')</script>",
    '<script>' + MATERIAL_BASE.replace("{base}", '"+alert(1)+"') + '</script>',
    '<script>' + MATERIAL_BASE.replace("{base}", "//evil.example/") + '</script>',
    # Executable types and spellings the browser runs too.
    '<script type="module">import "./x.js"</script>',
    '<script type="text/javascript">alert(1)</script>',
    '<SCRIPT>alert(1)</SCRIPT>',
    '<script/x>alert(1)</script>',
    '<script type="importmap">{"imports": {}}</script>',
    # Text in a script with src is ignored by HTML, but run by an SVG script: never hashed.
    '<script src="../assets/portal.js">alert(1)</script>',
])
def test_an_unknown_inline_script_fails_and_names_the_page(script: str) -> None:
    with pytest.raises(csp.CspError, match=r"^initiativen/x/index\.html: unbekanntes Inline-Skript"):
        csp.secure(page(script), "initiativen/x/index.html")


def test_an_unknown_script_in_the_body_fails_too() -> None:
    with pytest.raises(csp.CspError, match="unbekanntes Inline-Skript"):
        csp.secure(page(body="<p>Text</p><script>alert(1)</script>"), "x")


@pytest.mark.parametrize("kind", ["application/json", "application/ld+json", "APPLICATION/LD+JSON", " application/json "])
def test_json_blocks_are_neither_hashed_nor_refused(kind: str) -> None:
    html = page(f'<script id="__config" type="{kind}">{{"base": ".."}}</script>',
                f"<script type='{kind}'>{{\"@type\": \"Project\"}}</script>")
    assert policy_of(csp.secure(html, "x"))["script-src"] == ["'self'", "'wasm-unsafe-eval'"]


def test_the_meta_element_is_the_first_after_charset() -> None:
    secured = csp.secure(page(f"<script>{PALETTE}</script>"), "x")
    head = BeautifulSoup(secured, "html.parser").head
    assert head is not None
    first, second, third = head.find_all(recursive=False)[:3]
    assert first.name == "meta" and first.get("charset") == "utf-8"
    assert second.name == "meta" and second.get("http-equiv") == "Content-Security-Policy"
    assert third.name == "title"
    # Nothing else changed.
    assert re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", secured) == page(f"<script>{PALETTE}</script>")


def test_the_policy_string() -> None:
    assert csp.policy(["'sha256-A='", "'sha256-B='"]) == (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-A=' 'sha256-B='; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-src 'none'")


@pytest.mark.parametrize(("html", "message"), [
    ("<html><head><title>t</title><meta charset='utf-8'></head></html>", r"beginnt nicht mit <meta charset"),
    ("<html><body>kein Kopf</body></html>", r"beginnt nicht mit <meta charset"),
    (page('<meta http-equiv="content-security-policy" content="default-src *">'), "hat schon eine Content-Security-Policy"),
])
def test_a_page_that_cannot_get_a_policy_fails(html: str, message: str) -> None:
    with pytest.raises(csp.CspError, match=message):
        csp.secure(html, "x")


def _template_scripts(path: Path) -> list[str]:
    """The inline scripts of a Jinja template, the base URL expression replaced by ``{base}``."""
    text = path.read_text(encoding="utf-8").replace("{{ config.extra.scope | d(base_url) }}", "{base}")
    return re.findall(r"<script>(.*?)</script>", text, re.DOTALL)


@pytest.mark.parametrize("known", csp.KNOWN_SCRIPTS, ids=lambda known: known.source)
def test_known_scripts_are_exactly_what_the_installed_templates_write(known: csp.KnownScript) -> None:
    # Fails after a Material upgrade that changed one of these scripts: review the new text, then
    # update KNOWN_SCRIPTS (the build fails too, naming the first page with the changed script).
    owner, _, name = known.source.partition("/")
    path = (MATERIAL_TEMPLATES if owner == "material" else ROOT / owner) / name
    assert known.text in _template_scripts(path)


def test_the_hook_leaves_the_live_preview_and_the_sitemap_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    html = page(f"<script>{PALETTE}</script>")
    built: Any = SimpleNamespace(file=SimpleNamespace(dest_uri="x/index.html"))
    monkeypatch.delenv(security_hooks.PREVIEW, raising=False)
    assert "Content-Security-Policy" in security_hooks.on_post_page(html, built, None)  # type: ignore[arg-type]
    assert "Content-Security-Policy" in security_hooks.on_post_template(html, "404.html", None)  # type: ignore[arg-type]
    assert security_hooks.on_post_template("<urlset/>", "sitemap.xml", None) == "<urlset/>"  # type: ignore[arg-type]
    with pytest.raises(PluginError, match="x/index.html: unbekanntes Inline-Skript"):
        security_hooks.on_post_page(page("<script>alert(1)</script>"), built, None)  # type: ignore[arg-type]
    # mkdocs serve adds its own inline livereload script after the hooks: no policy there.
    monkeypatch.setenv(security_hooks.PREVIEW, "1")
    assert security_hooks.on_post_page(html, built, None) == html  # type: ignore[arg-type]
    assert security_hooks.on_post_template(html, "404.html", None) == html  # type: ignore[arg-type]


# --- 2. Every page of the real site ------------------------------------------------------------

SOURCE = re.compile(r"'self'|'none'|'wasm-unsafe-eval'|data:|'sha256-[A-Za-z0-9+/]{43}='")  # wasm: Pagefind's search
EXPECTED = {
    "default-src": ["'self'"], "style-src": ["'self'"], "img-src": ["'self'", "data:"], "font-src": ["'self'"],
    "connect-src": ["'self'"], "worker-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'self'"],
    "form-action": ["'self'"], "frame-src": ["'none'"],
}


def _pages(site: Build) -> list[Path]:
    pages = sorted(site.site.rglob("*.html"))
    assert len(pages) > 100 and site.site / "404.html" in pages
    return pages


@pytest.mark.slow
def test_every_page_has_one_policy_right_after_charset_naming_no_host(real_site: Build) -> None:
    for path in _pages(real_site):
        name = path.relative_to(real_site.site).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        metas = soup.find_all("meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.IGNORECASE)})
        assert len(metas) == 1, name
        assert soup.head is not None
        first, second = soup.head.find_all(recursive=False)[:2]
        assert first.name == "meta" and first.get("charset") == "utf-8", name
        assert second is metas[0], name
        policy = directives(str(second["content"]))
        sources = [source for values in policy.values() for source in values]
        assert [s for s in sources if not SOURCE.fullmatch(s)] == [], f"{name}: fremde Quelle in der Policy"
        assert {k: v for k, v in policy.items() if k != "script-src"} == EXPECTED, name
        # Exactly the page's inline executable scripts are hashed: no JSON block, nothing more.
        inline = [script for script in soup.find_all("script") if isinstance(script, Tag) and not script.get("src")]
        code = [s.string or "" for s in inline if s.get("type") not in ("application/json", "application/ld+json")]
        assert len(code) == 4, name  # Material's base, palette and content scripts, overrides/main.html
        assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", *sorted({sha256(text) for text in code})], name


@pytest.mark.slow
def test_no_page_has_event_handler_or_style_attributes(real_site: Build) -> None:
    # The policy allows neither (no 'unsafe-inline', no 'unsafe-hashes'): the browser would ignore them.
    # A style attribute would also come from Markdown (an aligned table column): refuse it here, so
    # that someone decides between markup without it and a weaker style-src.
    for path in _pages(real_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        name = path.relative_to(real_site.site).as_posix()
        handlers = [f"<{tag.name} {attr}>" for tag in soup.find_all(True) for attr in tag.attrs if attr.lower().startswith("on")]
        styles = [f"<{tag.name} style>" for tag in soup.find_all(style=True)]
        assert handlers == [] and styles == [] and soup.find("style") is None, name


# --- 3. No violation on any page type, with the page in use ------------------------------------

# Set in every document before its own scripts run (Playwright's init scripts ignore the policy).
RECORD_VIOLATIONS = """
window.__violations = [];
window.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
    {directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber}), true);
"""


def _open(guarded_pages: GuardedPages, base: str) -> tuple[Page, list[str]]:
    """A guarded tab that records policy violations (events and Chromium's console reports)."""
    tab = guarded_pages.open(base)
    tab.context.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    tab.on("console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None)
    return tab, console


def _wait_until(tab: Page, expression: str, timeout: float = 10.0) -> None:
    """Poll ``expression`` in the page until it is true. Not ``wait_for_function``: that evaluates its
    string with eval inside the page, which the policy under test forbids ('unsafe-eval')."""
    deadline = time.monotonic() + timeout
    while not tab.evaluate(expression):
        assert time.monotonic() < deadline, f"nicht eingetreten: {expression}"
        tab.wait_for_timeout(50)


def _violations(tab: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = tab.evaluate("window.__violations")
    return found


def _use_filters(tab: Page) -> None:
    form = tab.locator("form[data-portal-filter]")
    expect(form).to_be_visible()  # portal.js ran: only it shows the form
    count = form.locator("[data-portal-count]")
    before = count.inner_text()
    remote = tab.locator("[data-portal-remote]").count() > 0
    if remote:  # the timeline: docs/assets/timeline.js loads every entry on the first filter and shows the matches
        items = "[data-portal-results] [data-portal-item]"
        total = int(before.split(" von ")[1].split()[0].replace(".", ""))
    else:
        items = f"#{form.get_attribute('data-portal-filter')} [data-portal-item]"
        total = tab.locator(items).count()
    assert before == f"{total} von {total} angezeigt"
    for select in form.locator("select").all():
        select.select_option(index=1)
    for checkbox in form.locator("input[type=checkbox]").all():
        checkbox.check()
    # How many items the first value of every field leaves depends on the content; the count the
    # script writes must say exactly how many are shown.
    shown = tab.locator(f"{items}:visible").count()
    expect(count).to_have_text(f"{shown} von {total} angezeigt")
    form.get_by_role("button", name="Filter zurücksetzen").click()
    expect(count).to_have_text(before)
    # Without a filter the timeline lists its years again, not the loaded entries.
    expect(tab.locator(f"{items}:visible")).to_have_count(0 if remote else total)


@pytest.mark.parametrize("url", [*PAGE_TYPES, "initiativen/gibt-es-nicht/"])
def test_no_violation_on_any_page_type_in_use(guarded_pages: GuardedPages, served_site: str, url: str) -> None:
    tab, console = _open(guarded_pages, served_site)
    tab.goto(served_site + url)
    tab.wait_for_load_state("networkidle")
    expect(tab.locator(CSP_SELECTOR)).to_have_count(1)
    assert tab.evaluate("typeof __md_get") == "function"  # Material's hashed inline scripts ran
    filtered = tab.locator("form[data-portal-filter]").count() > 0  # the overviews and the timeline
    assert filtered or url not in ("initiativen/", "massnahmen/")
    if filtered:
        _use_filters(tab)
    body = tab.locator("body")
    scheme = body.get_attribute("data-md-color-scheme")
    tab.locator("label.md-header__button[for^='__palette']:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", scheme or "")
    tab.locator("input.md-search__input").click()
    tab.keyboard.type(SEARCH_WORD)
    tab.wait_for_selector(".portal-search__hit")  # Pagefind ran: its WebAssembly is allowed
    tab.keyboard.press("Escape")
    tab.wait_for_load_state("networkidle")
    assert _violations(tab) == [], url
    assert console == [], url


# --- 4. What the policy blocks -------------------------------------------------------------------

EVIL = "http://evil.example/p.png"
PLANTED = ('<a id="planted" href="javascript:window.__pwned=1">x</a>'
           f'<img src="{EVIL}" alt="">'
           "<script>window.__pwned2=1</script>")


def _plant(site: Path, url: str, *, policy: bool) -> None:
    """Put PLANTED at the start of the page's <article>, behind its policy (or with the policy removed)."""
    target = site / url / "index.html"
    html = target.read_text(encoding="utf-8")
    assert html.count("Content-Security-Policy") == 1
    if not policy:
        html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    planted, replaced = re.subn(r"(<article\b[^>]*>)", r"\1" + PLANTED, html, count=1)
    assert replaced == 1
    target.write_text(planted, encoding="utf-8")


def test_the_policy_blocks_planted_script_link_and_foreign_image(guarded_pages: GuardedPages, real_site: Build,
                                                                  tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_site.site, site)
    _plant(site, "initiativen", policy=True)
    _plant(site, "massnahmen", policy=False)  # the control: the same page without its policy

    with serve(site) as base:
        tab, console = _open(guarded_pages, base)
        # Chromium reports a request that the policy blocked too (DevTools shows it as "blocked:csp"),
        # so the evidence is how it ended: "csp" means the renderer stopped it before any network
        # access; a request that got out fails with ERR_NAME_NOT_RESOLVED (CHROMIUM_ARGS map every
        # other host to nothing) or, on the open internet, would reach the host.
        ended: dict[str, list[str]] = {}
        tab.context.on("requestfailed", lambda r: ended.setdefault(r.url, []).append(r.failure or ""))
        tab.context.on("requestfinished", lambda r: ended.setdefault(r.url, []).append("finished"))

        tab.goto(base + "initiativen/")
        tab.wait_for_load_state("networkidle")
        expect(tab.locator("#planted")).to_have_count(1)
        assert tab.evaluate("typeof __md_get") == "function"  # Material's own scripts still ran
        loaded = _violations(tab)
        tab.locator("#planted").click()
        _wait_until(tab, f"window.__violations.length > {len(loaded)}")
        clicked = _violations(tab)[len(loaded):]
        assert tab.evaluate("[typeof window.__pwned, typeof window.__pwned2]") == ["undefined", "undefined"]
        assert tab.url == base + "initiativen/"
        blocked = ended.pop(EVIL, [])

        # Without the policy the same planting works: the test can tell the difference.
        tab.goto(base + "massnahmen/")
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("window.__pwned2") == 1
        tab.locator("#planted").click()
        _wait_until(tab, "window.__pwned === 1")
        assert _violations(tab) == []
        unprotected = ended.pop(EVIL, [])

    assert sorted((v["directive"], v["blocked"]) for v in loaded) == [("img-src", EVIL), ("script-src-elem", "inline")], loaded
    assert [(v["directive"], v["blocked"]) for v in clicked] == [("script-src-elem", "inline")], clicked
    assert len(console) == 3, console  # Chromium also reports each one on the console
    assert blocked == ["csp"], "img-src hätte das Bild vor jeder Anfrage stoppen müssen"
    assert unprotected == ["net::ERR_NAME_NOT_RESOLVED"]
    # The guard saw both attempts at another host; they were planted on purpose.
    assert guarded_pages.foreign == [EVIL, EVIL]
    guarded_pages.foreign.clear()
