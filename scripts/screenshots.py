"""Screenshots of the main page types on a desktop and a phone, for reviews and the README.

    .venv/bin/python scripts/screenshots.py [--site DIR] [--out DIR]

Builds the shipped content into a temporary folder (or takes ``--site``), serves it on 127.0.0.1
and photographs each page of ``sitetools.PAGES`` in Debian's Chromium at 1280×800 (desktop) and
375×740 (phone) into ``screenshots/<page>-desktop.png`` and ``screenshots/<page>-mobile.png``.
Only the first screen of each page: that is what a reader sees first, and it keeps the files small.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import Browser, ViewportSize, sync_playwright
from sitetools import CHROMIUM, CHROMIUM_ARGS, PAGES, ROOT, add_site_argument, served_site

# (suffix, viewport, phone?) — the phone at device pixel ratio 1 keeps the PNGs at 375 px width.
DEVICES: list[tuple[str, ViewportSize, bool]] = [
    ("desktop", {"width": 1280, "height": 800}, False),
    ("mobile", {"width": 375, "height": 740}, True),
]


def photograph(browser: Browser, base: str, out: Path) -> list[Path]:
    """Save one viewport-sized PNG per page and device; returns the files written."""
    written = []
    for suffix, viewport, phone in DEVICES:
        # Light scheme and no animations, so two runs give the same pictures.
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, device_scale_factor=1,
                                      locale="de-DE", color_scheme="light", reduced_motion="reduce")
        page = context.new_page()
        for name, path in PAGES.items():
            page.goto(base + path, wait_until="networkidle")
            # After a jump to an anchor Material shows its "back to top" button over the content.
            # (Hidden through the DOM: the Content-Security-Policy refuses an injected style sheet.)
            page.evaluate("document.querySelectorAll('.md-top').forEach(function (el) { el.hidden = true; })")
            target = out / f"{name}-{suffix}.png"
            page.screenshot(path=str(target), full_page=False, animations="disabled")
            written.append(target)
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    add_site_argument(parser)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="Zielordner (Standard: screenshots/)")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        raise SystemExit(f"Chromium fehlt unter {CHROMIUM} (CHROMIUM_PATH setzen)")
    args.out.mkdir(parents=True, exist_ok=True)
    with served_site(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            written = photograph(browser, base, args.out)
        finally:
            browser.close()
    for path in written:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
