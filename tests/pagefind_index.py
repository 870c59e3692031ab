"""Read a built Pagefind index in Python: what the search knows about each page, without a browser.

Pagefind writes one fragment per page (``pagefind/fragment/*.pf_fragment``): gzip, a short signature,
then JSON with the page's ``url``, indexed ``content``, ``meta`` and ``filters``. The search itself
(stemming, ranking) is asserted in Chromium (``tests/test_search_index.py``)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any


def fragments(site: Path) -> dict[str, dict[str, Any]]:
    """Every indexed page of the site in ``site`` by its site-relative address ("massnahmen/x/", "" for the start page)."""
    pages = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        pages[fragment["url"].lstrip("/")] = fragment
    return pages
