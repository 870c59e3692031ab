"""Lighthouse report for the main page types: scores per page and category, and what failed.

    .venv/bin/python scripts/lighthouse.py [--site DIR] [--desktop] [--pages NAME ...] [--keep DIR]

Builds the shipped content into a temporary folder (or takes ``--site``), serves it on 127.0.0.1
and runs ``node_modules/.bin/lighthouse`` in Debian's Chromium (``CHROME_PATH``; ``$CHROMIUM_PATH``
or /usr/bin/chromium) with the same offline flags as the browser tests. It is a report, not a gate:
it exits 0 unless Lighthouse itself fails. Accessibility, best practices and SEO are stable on these
machines; performance is noisy on two cores, so read it as a rough hint only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sitetools import CHROMIUM, CHROMIUM_ARGS, PAGES, ROOT, add_site_argument, served_site

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["accessibility", "best-practices", "seo", "performance"]
# Only these get their failed audits listed: performance audits are timing, not things to fix in a template.
LISTED = ["accessibility", "best-practices", "seo"]
REPORTED_PAGES = ["start", "initiative", "massnahme", "organisation", "zeitleiste", "presse"]
# The metrics the performance score is made of (id, short label).
METRICS = [("first-contentful-paint", "FCP"), ("largest-contentful-paint", "LCP"),
           ("total-blocking-time", "TBT"), ("cumulative-layout-shift", "CLS"), ("speed-index", "SI")]
# How many failing elements to show per audit: enough to find the template, not the whole page.
MAX_ITEMS = 3


def chrome_flags() -> str:
    """The browser tests' Chromium flags as one --chrome-flags string.

    Lighthouse splits that string with yargs-parser, so a value with spaces (the resolver rule)
    must be double-quoted: --host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"."""
    parts = []
    for flag in CHROMIUM_ARGS:
        name, _, value = flag.partition("=")
        parts.append(f'{name}="{value}"' if " " in value else flag)
    return " ".join(parts)


def run_lighthouse(url: str, output: Path, desktop: bool) -> dict[str, Any]:
    """One Lighthouse run on ``url``; returns the parsed JSON result."""
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={chrome_flags()}"]
    if desktop:
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not output.is_file():
        raise SystemExit(f"Lighthouse ist bei {url} fehlgeschlagen ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
    result: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        raise SystemExit(f"Lighthouse meldet bei {url}: {result['runtimeError']}")
    return result


def score(result: dict[str, Any], category: str) -> str:
    """A category's score 0–100, or '–' when Lighthouse could not compute it."""
    value = result["categories"].get(category, {}).get("score")
    return "–" if value is None else str(round(value * 100))


def failed_audits(result: dict[str, Any], category: str) -> list[tuple[str, str, list[str]]]:
    """(id, title, examples) of the category's audits that scored below 1.

    Manual, informative and not-applicable audits have no score and are left out."""
    failed = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if audit.get("score") is None or audit["score"] >= 1:
            continue
        failed.append((ref["id"], audit["title"], _examples(audit)))
    return failed


def _examples(audit: dict[str, Any]) -> list[str]:
    """A few failing elements (selector and snippet) or URLs, to find the template that needs fixing."""
    items = (audit.get("details") or {}).get("items") or []
    examples = []
    for item in items[:MAX_ITEMS]:
        node = item.get("node") or {}
        if node:
            text = f"{node.get('selector', '')}  {node.get('snippet', '')}".strip()
            if node.get("explanation"):
                text += "  – " + " ".join(node["explanation"].split())[:200]
        else:
            text = str(item.get("url") or item.get("source") or item.get("description") or "")
        if text:
            examples.append(text[:300])
    if len(items) > MAX_ITEMS:
        examples.append(f"… und {len(items) - MAX_ITEMS} weitere")
    return examples


def report(results: dict[str, dict[str, Any]]) -> None:
    """Print the score table and, per page, the failed audits."""
    width = max(len(name) for name in results) + 2
    header = "Seite".ljust(width) + "".join(category.rjust(16) for category in CATEGORIES)
    print(header)
    print("-" * len(header))
    for name, result in results.items():
        print(name.ljust(width) + "".join(score(result, category).rjust(16) for category in CATEGORIES))
    print()
    any_failed = False
    for name, result in results.items():
        for category in LISTED:
            for audit_id, title, examples in failed_audits(result, category):
                if not any_failed:
                    print("Nicht bestandene Prüfungen (Score < 1):")
                any_failed = True
                print(f"- {name} · {category} · {audit_id}: {title}")
                for example in examples:
                    print(f"    {example}")
    if not any_failed:
        print("Keine nicht bestandenen Prüfungen in " + ", ".join(LISTED) + ".")
    # Performance as the metrics behind the score, so a layout shift or a slow paint can be traced.
    print("\nLeistung (Messwerte, auf 2 Kernen verrauscht):")
    for name, result in results.items():
        values = [f"{label} {result['audits'][audit_id].get('displayValue', '–')}"
                  for audit_id, label in METRICS if audit_id in result["audits"]]
        print(f"- {name}: " + ", ".join(values).replace("\xa0", " "))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    add_site_argument(parser)
    parser.add_argument("--desktop", action="store_true", help="Desktop-Voreinstellung statt Lighthouses Mobil-Emulation")
    parser.add_argument("--pages", nargs="+", choices=sorted(PAGES), default=REPORTED_PAGES,
                        help="welche Seiten (Standard: " + " ".join(REPORTED_PAGES) + ")")
    parser.add_argument("--keep", type=Path, help="Ordner für die JSON-Berichte (sonst werden sie verworfen)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse fehlt: npm ci installiert es nach node_modules/")
    if not CHROMIUM.exists():
        raise SystemExit(f"Chromium fehlt unter {CHROMIUM} (CHROMIUM_PATH setzen)")

    results: dict[str, dict[str, Any]] = {}
    with served_site(args.site) as base, tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in args.pages:
            started = time.monotonic()
            url = base + PAGES[name]
            results[f"{name} (/{PAGES[name]})"] = run_lighthouse(url, out_dir / f"{name}.json", args.desktop)
            print(f"{name}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    print(f"Lighthouse {next(iter(results.values()))['lighthouseVersion']}, "
          f"{'Desktop' if args.desktop else 'Mobil (Standard)'}, Chromium {CHROMIUM}\n")
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
