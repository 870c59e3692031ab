"""What every output of one build knows: the content, the site address, the reference date, the
dates of the last changes. Pages, open-data files and the coming feeds and calendars all receive it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .licensing import DEFAULT_LICENSE, LICENSES, Terms

if TYPE_CHECKING:
    import datetime as dt

    from .catalog import Catalog

PORTAL_NAME = "Industrie-Initiativen NRW"


@dataclass(frozen=True)
class BuildContext:
    """One build's shared facts for every output."""

    catalog: Catalog
    site_url: str            # "https://…/" with a trailing slash, or "" when the address is not known (local builds)
    today: dt.date           # the reference date: overdue, stale, and which documents are out yet
    # The licence of the portal's texts and data and whom to name (extra.license, portal.licensing).
    terms: Terms = Terms(LICENSES[DEFAULT_LICENSE], PORTAL_NAME, PORTAL_NAME)
    contact: str = ""        # the operator's e-mail (extra.operator.email), "" while it is a [placeholder]

    def changed(self, collection: str, record_id: str) -> dt.date | None:
        """When the record's file last changed (git), or None when git does not know it."""
        return self.catalog.changed.get((collection, record_id))

    def absolute(self, path: str) -> str:
        """A site-relative address as an absolute URL when the site address is known."""
        return self.site_url + path if self.site_url else path
