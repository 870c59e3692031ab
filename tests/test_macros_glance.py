"""Examples of the macros in overrides/portal/glance.html: status summaries, the stacked status bar,
the legend, the start page's tiles and bounded lists by status (see tests/test_macros.py)."""

from __future__ import annotations
