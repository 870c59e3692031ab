"""A bare MkDocs + Material twin of the portal: the same pages and text, without the portal's hooks.

Usage (as a module): ``write_twin(data_dir, target)`` reads the content with the portal's own loader
(``portal.site.Portal``, so exactly the published records) and writes a plain MkDocs project to
``target``: ``mkdocs.yml`` with theme Material, language de, the portal's theme features, navigation
and ``markdown_extensions``, and Material's default plugins (its search: the bare counterpart of the
portal's Pagefind); ``docs/`` with one Markdown page per record at the portal's address
(``benchmarks/twin_pages.py``) and the portal's own Markdown pages with the lists their templates
show written out as Markdown. Built with ``mkdocs build``, it is what the same site costs in bare
MkDocs. The portal splits some long lists into numbered pages; the twin keeps each list on one page.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from portal import labels  # noqa: E402
from portal.pagetypes import PAGE_TYPES  # noqa: E402
from portal.site import Portal  # noqa: E402
from portal.urls import SECTIONS  # noqa: E402
from twin_pages import DETAIL, bullets, date, dated, esc, link, measure_rows, page, section, sources, table  # noqa: E402

# The portal's mkdocs.yml settings the twin keeps as they are; everything else is the portal's own.
KEPT_SETTINGS = ("site_name", "site_description", "markdown_extensions", "nav", "not_in_nav", "validation")
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml with its ``!ENV [NAME, default]`` tags as their defaults."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                        if isinstance(node, yaml.SequenceNode) else None)


def twin_config(portal_config: Path) -> dict[str, Any]:
    """The twin's mkdocs.yml: the portal's theme, language, navigation and Markdown extensions; no
    hooks, no overrides, no extra CSS or JavaScript, Material's default plugins (search)."""
    config = yaml.load(portal_config.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (SafeLoader subclass)
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    kept = {key: config[key] for key in KEPT_SETTINGS if key in config}
    # Detail pages stay out of the navigation, as in the portal (which adds them as generated files).
    kept["not_in_nav"] = kept.get("not_in_nav", "") + "".join(f"/{folder}/*.md\n" for folder in sorted(SECTIONS.values()))
    return {**kept, "theme": theme}


def _depth(src: str) -> int:
    return src.count("/")


def overview(catalog: Any, src: str, meta: dict[str, Any]) -> list[str]:
    """The lists an overview page of the portal shows (by its template), as Markdown."""
    depth, template = _depth(src), meta.get("template", "")
    measures = catalog.sorted_ids("measures")
    if template == "home.html":
        return [*section("Initiativen", bullets(link(catalog, "initiatives", i, depth) for i in catalog.sorted_ids("initiatives"))),
                *section("Zieltermin verstrichen", measure_rows(catalog, catalog.overdue_ids(), depth)),
                *section("Neu in der Presse", sources(catalog, catalog.press_ids()[:10], depth))]
    if template == "initiatives.html":
        return [line for kind, label, ids in catalog.initiatives_by_kind() for line in section(esc(label), table(
            ["Initiative", "Region", "Beginn"], ([link(catalog, "initiatives", i, depth),
                                                 link(catalog, "regions", catalog.initiatives[i].region, depth),
                                                 date(catalog.initiatives[i].start)] for i in ids)))]
    if template == "measures.html":
        return [line for _, heading, ids in catalog.by_status(measures) for line in section(esc(heading), measure_rows(catalog, ids, depth))]
    if template == "measures-selection.html":
        chosen = {"overdue": catalog.overdue_ids, "stale": catalog.stale_measure_ids,
                  "untargeted": lambda: [m for m in measures if catalog.measures[m].target is None],
                  "status": lambda: [m for m in measures if catalog.status(m) == meta.get("status")]}[meta["selection"]]()
        return measure_rows(catalog, chosen, depth)
    if template == "partners.html":
        by_type = {kind: [o for o in catalog.sorted_ids("organisations") if catalog.organisations[o].type == kind]
                   for kind in labels.ORG_TYPE}
        return [*(line for kind, ids in by_type.items() if ids for line in section(esc(labels.ORG_TYPE[kind]), bullets(
                    link(catalog, "organisations", o, depth) + ": " + ", ".join(
                        link(catalog, "initiatives", iid, depth) for iid, _ in catalog.initiatives_of_org(o)) for o in ids))),
                *section("Personen", bullets(f"{link(catalog, 'people', p, depth)}: " + "; ".join(
                    f"{esc(r.role)}, {link(catalog, 'organisations', r.organisation, depth)}{dated(r.start)}"
                    for r in catalog.people[p].roles) for p in catalog.sorted_ids("people")))]
    if template == "timeline.html":
        return [line for _, heading, entries in catalog.timeline_by_year() for line in section(esc(heading), table(
            ["Datum", "Ereignis", "Initiative"], ([date(e.milestone.date), esc(e.milestone.title),
                                                  link(catalog, "initiatives", e.initiative_id, depth)] for e in entries)))]
    if template in ("topics.html", "regions.html"):
        collection = "topics" if template == "topics.html" else "regions"
        return bullets(link(catalog, collection, key, depth) for key in catalog.sorted_ids(collection))
    if template == "press.html":
        return sources(catalog, catalog.press_ids(), depth)
    if template in ("sources.html", "changes.html"):
        ids = catalog.sort_documents(list(catalog.documents))
        return sources(catalog, ids if template == "sources.html" else ids[:50], depth)
    return []


def _docs_pages(catalog: Any, docs: Path, target: Path) -> int:
    """The portal's own Markdown pages, without their template and with their lists written out."""
    count = 0
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        text = path.read_text(encoding="utf-8")
        found = FRONT.match(text)
        meta = yaml.safe_load(found.group(1)) or {} if found else {}
        body = text[found.end():] if found else text
        front = {key: value for key, value in meta.items() if key == "title"}
        lines = overview(catalog, src, meta)
        out = target / src
        out.parent.mkdir(parents=True, exist_ok=True)
        head = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" if front else ""
        out.write_text(head + body + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
        count += 1
    return count


def write_twin(data_dir: Path, target: Path, today: dt.date, portal_root: Path = ROOT) -> dict[str, int]:
    """Write the bare twin of the portal over ``data_dir`` into ``target`` (a new folder); returns the
    number of Markdown pages per collection (``docs`` for the portal's own Markdown pages)."""
    portal = Portal(data_dir.parent, today, data_dir=data_dir)
    catalog = portal.catalog
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    docs.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(twin_config(portal_root / "mkdocs.yml"), allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    counts = {"docs": _docs_pages(catalog, portal_root / "docs", docs)}
    for plan in portal.plans.values():
        out = docs / plan.src_uri
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page(plan.title, DETAIL[plan.collection](catalog, plan.record_id)), encoding="utf-8")
        counts[plan.collection] = counts.get(plan.collection, 0) + 1
    assert set(counts) <= {"docs", *PAGE_TYPES}
    return counts


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Den nackten MkDocs-Zwilling des Portals schreiben")
    parser.add_argument("data", type=Path)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    print(write_twin(args.data.resolve(), args.target.resolve(), dt.date.today()))
