"""The licence of the portal's own texts and data (``extra: license:`` in mkdocs.yml).

The operator chooses one of ``LICENSES``; the portal shows it on ``/daten/`` and in every page's
footer, names it in every data file's metadata and in the DCAT-AP.de catalogue (``portal.dcat``,
by its dcat-ap.de licence URI), and gives the attribution text users must write when they reuse
texts or data (``Terms.attribution``).

Third-party material keeps its own terms and is not covered: the map's boundaries (© GeoBasis-DE /
BKG, their own attribution beside the map), the press releases and documents the portal summarises
and links (their publishers' terms), and logos or names of the organisations.
"""

from __future__ import annotations

from dataclasses import dataclass

from .legal import is_placeholder


@dataclass(frozen=True)
class License:
    """One licence an operator can choose: names, the legal text's address and machine identifiers."""

    key: str          # the value in mkdocs.yml
    name: str         # the full German name
    short: str        # the usual short form, as in attributions
    url: str          # the licence text (German where there is one)
    dcat_uri: str     # dcat-ap.de's licence vocabulary (http://dcat-ap.de/def/licenses/…), for the catalogue
    spdx: str         # SPDX identifier, for the Data Package's "licenses"


LICENSES: dict[str, License] = {
    "cc-by-4.0": License("cc-by-4.0", "Creative Commons Namensnennung 4.0 International", "CC BY 4.0",
                         "https://creativecommons.org/licenses/by/4.0/deed.de",
                         "http://dcat-ap.de/def/licenses/cc-by/4.0", "CC-BY-4.0"),
    "dl-de-by-2.0": License("dl-de-by-2.0", "Datenlizenz Deutschland – Namensnennung – Version 2.0", "dl-de/by-2-0",
                            "https://www.govdata.de/dl-de/by-2-0",
                            "http://dcat-ap.de/def/licenses/dl-by-de/2.0", "DL-DE-BY-2.0"),
}
DEFAULT_LICENSE = "cc-by-4.0"

# What stays under its owners' terms; shown on /daten/ and named in the data files' metadata.
THIRD_PARTY = ("Nicht unter dieser Lizenz stehen Inhalte Dritter: die Verwaltungsgrenzen der Karte "
               "(© GeoBasis-DE / BKG, mit eigener Namensnennung neben der Karte), die verlinkten "
               "Pressemitteilungen und Dokumente, die das Portal in eigenen Worten zusammenfasst "
               "(es gelten die Bedingungen ihrer Herausgeber), sowie Namen und Logos der Organisationen.")


@dataclass(frozen=True)
class Terms:
    """The licence of one build with whom to name: what every output says about reuse."""

    license: License
    holder: str       # whom users must name (the operator, before it is configured the portal's name)
    site_name: str

    def attribution(self, address: str = "") -> str:
        """The attribution text users must give, e.g. ``Industrie-Initiativen NRW (…), Lizenz: CC BY 4.0 (https://…)``;
        with the portal's address when it is known."""
        source = self.site_name if self.holder == self.site_name else f"{self.holder}: {self.site_name}"
        where = f", {address}" if address else ""
        return f"{source}{where}, Lizenz: {self.license.short} ({self.license.url})"

    def metadata(self, address: str = "") -> dict[str, str]:
        """The licence as a data file's metadata (JSON files' ``lizenz``): name, address, identifiers,
        attribution text and the note on third-party material."""
        return {"name": self.license.name, "kurzname": self.license.short, "url": self.license.url,
                "spdx": self.license.spdx, "dcat_ap_de": self.license.dcat_uri,
                "namensnennung": self.attribution(address), "inhalte_dritter": THIRD_PARTY}


def license_problem(value: str) -> tuple[str, str] | None:
    """What is wrong with ``extra.license.id``, and what to write instead; None when it is a known licence."""
    if value in LICENSES:
        return None
    choices = ", ".join(f"{key} ({lic.name})" for key, lic in LICENSES.items())
    return (f"'{value}' ist keine der Lizenzen, die das Portal kennt", f"eine davon eintragen: {choices}")


def terms(key: str, holder: str, operator_name: str, site_name: str) -> Terms:
    """The build's terms: the licence ``key`` (already checked), naming ``holder``, else the operator
    (unless still a [placeholder]), else the portal's name."""
    named = holder.strip() or ("" if is_placeholder(operator_name) else operator_name.strip()) or site_name
    return Terms(LICENSES[key], named, site_name)
