"""The operator's details for the legal pages (``extra: operator:`` in mkdocs.yml), what the law asks of
each kind of operator, and which details are still open.

The operator's kind (``kind``) decides which law the Impressum, the Datenschutzerklärung and the
Erklärung zur Barrierefreiheit name (``KINDS``):

- ``behoerde-land``, ``behoerde-kommune``: a public body of the state of NRW or of a municipality in
  NRW. Art. 6 (1) e DSGVO with § 3 DSG NRW; a data protection officer; BGG NRW and BITV NRW, enforced
  by the NRW Ombudsstelle für barrierefreie Informationstechnik; complaints to the LDI NRW.
- ``behoerde-bund``: a federal public body. Art. 6 (1) e DSGVO with § 3 BDSG; a data protection
  officer; BGG and BITV 2.0, Schlichtungsstelle nach § 16 BGG; complaints to the BfDI.
- ``verein``, ``unternehmen``, ``person``: private operators. Art. 6 (1) f DSGVO; no statutory
  accessibility duty (the statement is voluntary); no enforcement body.

The shipped configuration holds placeholders in square brackets ("[Name eintragen]"). The legal pages
show a notice while any of them is left; ``open_fields`` gives the same list for a build-time message.
Publishing a German website without the provider's details is an offence (§ 5 DDG, Art. 13 DSGVO):
the deploy build sets ``PORTAL_PUBLISH=1``, and then ``publish_problems`` stops it while anything is
open, including what the operator's kind requires on top of the fields every site needs.

Every build first checks the form of the configuration (``hooks/portal_config.py``, a typed MkDocs
configuration built from ``FIELDS``): no unknown field, text where text belongs, and for the fields
with a fixed set of values (``CHOICES``) one of them. Empty values and placeholders pass that check;
whether they may stay is decided here, by the publish gate.

No MkDocs imports: ``hooks/portal_hooks.py`` hands ``page_context`` to the templates.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    """One operator setting: its key, German label, whether every operator needs it, and what to write."""

    key: str
    label: str
    required: bool  # for every kind; what a kind requires on top is in Kind.requires
    hint: str  # what to write, for the build's messages


FIELDS: tuple[Field, ...] = (
    Field("kind", "Art des Betreibers", True,
          "die Art des Betreibers (behoerde-land, behoerde-kommune, behoerde-bund, verein, unternehmen oder person)"),
    Field("name", "Name des Betreibers", True, "den vollständigen Namen des Betreibers"),
    Field("legal_form", "Rechtsform", False,
          "die Rechtsform, zum Beispiel „eingetragener Verein“, „GmbH“ oder „Körperschaft des öffentlichen Rechts“"),
    Field("street", "Straße und Hausnummer", True, "Straße und Hausnummer"),
    Field("city", "Postleitzahl und Ort", True, "Postleitzahl und Ort"),
    Field("representative", "Vertreten durch", False,
          "wer den Betreiber gesetzlich vertritt, mit Funktion, zum Beispiel „Oberbürgermeisterin Erika Muster“ "
          "oder „Vorstand: Max Muster (Vorsitzender)“"),
    Field("email", "E-Mail-Adresse", True, "eine E-Mail-Adresse, die gelesen wird, zum Beispiel redaktion@example.org"),
    Field("phone", "Telefonnummer", False, "eine Telefonnummer mit Vorwahl, zum Beispiel 0211 123456"),
    Field("contact_form", "Kontaktformular", False,
          "die Web-Adresse eines Kontaktformulars, beginnend mit https://"),
    Field("register", "Registereintrag", False,
          "Register, Registergericht und Nummer, zum Beispiel „Vereinsregister, Amtsgericht Düsseldorf, VR 12345“, "
          "oder „nicht eingetragen“"),
    Field("vat_id", "Umsatzsteuer-Identifikationsnummer", False, "die Umsatzsteuer-Identifikationsnummer"),
    Field("supervisory_authority", "Aufsichtsbehörde", False, "die zuständige Aufsichtsbehörde"),
    Field("editorial_name", "Verantwortliche Person nach § 18 Abs. 2 MStV", True,
          "Vor- und Nachname der Person, die für die Inhalte verantwortlich ist"),
    Field("editorial_address", "Anschrift der verantwortlichen Person", True,
          "die Anschrift der verantwortlichen Person (Straße, Postleitzahl und Ort)"),
    Field("privacy_officer", "Datenschutzbeauftragte oder Datenschutzbeauftragter", False,
          "Name oder Funktion, zum Beispiel „Behördliche Datenschutzbeauftragte der Stadt Musterstadt“"),
    Field("privacy_officer_email", "E-Mail-Adresse der oder des Datenschutzbeauftragten", False,
          "die E-Mail-Adresse der oder des Datenschutzbeauftragten, zum Beispiel datenschutz@example.org"),
    Field("host_role", "Rolle von GitHub beim Hosting", True,
          "eigenverantwortlich (kein Vertrag über eine Auftragsverarbeitung mit GitHub) oder "
          "auftragsverarbeitung (Vertrag nach Art. 28 DSGVO mit GitHub geschlossen)"),
    Field("host_log_retention", "Speicherdauer der Server-Protokolle bei GitHub", False,
          "die Speicherdauer, die GitHub Ihnen genannt hat, zum Beispiel „höchstens 90 Tage“"),
)
FIELD = {field.key: field for field in FIELDS}

# Values of host_role: whether GitHub serves the site under a contract for processing on the
# operator's behalf (Art. 28 DSGVO, e.g. GitHub's Data Protection Agreement of a paid plan) or only
# under GitHub's own terms and privacy statement.
HOST_ROLES: dict[str, str] = {
    "eigenverantwortlich": "kein Vertrag über eine Auftragsverarbeitung mit GitHub",
    "auftragsverarbeitung": "Vertrag nach Art. 28 DSGVO mit GitHub geschlossen",
}


@dataclass(frozen=True)
class Law:
    """A law the legal pages cite: the short form for running text and the full name."""

    short: str  # as cited in running text: "BITV NRW"
    name: str  # written out: "Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen"


@dataclass(frozen=True)
class Body:
    """An authority the pages name, with its website (a plain link) and, where the page gives it, its address."""

    name: str
    url: str
    address: str = ""


DSG_NRW = Law("§ 3 DSG NRW", "§ 3 Datenschutzgesetz Nordrhein-Westfalen (DSG NRW)")
BDSG = Law("§ 3 BDSG", "§ 3 Bundesdatenschutzgesetz (BDSG)")
BGG_NRW = Law("BGG NRW", "Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW)")
BITV_NRW = Law("BITV NRW", "Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW)")
BGG = Law("BGG", "Behindertengleichstellungsgesetz (BGG)")
BITV_2 = Law("BITV 2.0", "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0)")

# Enforcement of accessibility (§§ 10d, 10e BGG NRW with §§ 9 ff. BITV NRW; § 16 BGG).
OMBUDSSTELLE_NRW = Body("Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen",
                        "https://www.lbbp.nrw.de/ombudsstelle")
SCHLICHTUNGSSTELLE_BGG = Body("Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG)",
                              "https://www.schlichtungsstelle-bgg.de")
# Data protection supervisory authorities.
LDI_NRW = Body("Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW)",
               "https://www.ldi.nrw.de", "Kavalleriestraße 2–4, 40213 Düsseldorf")
BFDI = Body("Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)",
            "https://www.bfdi.bund.de", "Graurheindorfer Straße 153, 53117 Bonn")


@dataclass(frozen=True)
class Kind:
    """One kind of operator and what follows from it."""

    key: str
    label: str  # German, for messages: "öffentliche Stelle des Landes Nordrhein-Westfalen"
    requires: tuple[str, ...]  # fields required on top of those every operator fills in
    level: str  # "land", "kommune" or "bund" for public bodies, "" for private operators
    privacy_law: Law | None = None  # the national basis next to Art. 6 (1) e DSGVO
    accessibility_laws: tuple[Law, ...] = ()  # empty: no statutory duty, the statement is voluntary
    enforcement: Body | None = None  # where readers turn when the operator does not help
    privacy_authority: Body | None = None  # the data protection authority competent for the operator

    @property
    def public(self) -> bool:
        """A public body: Art. 6 (1) e DSGVO, a data protection officer, accessibility law and enforcement."""
        return bool(self.level)

    @property
    def nrw(self) -> bool:
        """A public body of the state of NRW or of a municipality in NRW: DSG NRW, BGG NRW, BITV NRW."""
        return self.level in ("land", "kommune")


_PUBLIC = ("legal_form", "representative", "privacy_officer", "privacy_officer_email")
_PRIVATE_BODY = ("legal_form", "representative", "register")

KINDS: dict[str, Kind] = {kind.key: kind for kind in (
    Kind("behoerde-land", "öffentliche Stelle des Landes Nordrhein-Westfalen (Ministerium, Landesbehörde, "
         "Landesbetrieb, Kammer oder andere Körperschaft unter Landesaufsicht)", _PUBLIC, "land",
         DSG_NRW, (BGG_NRW, BITV_NRW), OMBUDSSTELLE_NRW, LDI_NRW),
    Kind("behoerde-kommune", "Gemeinde, Stadt, Kreis oder andere kommunale Stelle in Nordrhein-Westfalen",
         _PUBLIC, "kommune", DSG_NRW, (BGG_NRW, BITV_NRW), OMBUDSSTELLE_NRW, LDI_NRW),
    Kind("behoerde-bund", "öffentliche Stelle des Bundes", _PUBLIC, "bund", BDSG, (BGG, BITV_2), SCHLICHTUNGSSTELLE_BGG,
         BFDI),
    Kind("verein", "Verein oder Verband", _PRIVATE_BODY, ""),
    Kind("unternehmen", "Unternehmen", _PRIVATE_BODY, ""),
    Kind("person", "Privatperson", (), ""),
)}

# The kind the first version knew; it does not say which law applies, so it is refused with advice.
OLD_KINDS = {"behoerde": ("behoerde-land", "behoerde-kommune", "behoerde-bund")}

# Why a kind requires a field, for the build's messages.
REASONS: dict[str, str] = {
    "legal_form": "§ 5 Abs. 1 Nr. 1 DDG verlangt bei juristischen Personen und öffentlichen Stellen die Rechtsform",
    "representative": "§ 5 Abs. 1 Nr. 1 DDG verlangt bei juristischen Personen und öffentlichen Stellen die "
                      "vertretungsberechtigte Person",
    "register": "§ 5 Abs. 1 Nr. 4 DDG verlangt den Registereintrag",
    "privacy_officer": "öffentliche Stellen müssen eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten "
                       "benennen (Art. 37 Abs. 1 Buchst. a DSGVO)",
    "privacy_officer_email": "die Datenschutzerklärung muss sagen, wie die oder der Datenschutzbeauftragte zu "
                             "erreichen ist (Art. 13 Abs. 1 Buchst. b DSGVO)",
}
SECOND_CHANNEL = "Telefonnummer oder Kontaktformular"
# Fields with a fixed set of values: any other filled-in value is refused at every build, not only
# when publishing (an unknown kind would leave the pages without the law that applies).
CHOICES = ("kind", "host_role")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_placeholder(value: object) -> bool:
    """A value the operator still has to replace: text in square brackets, e.g. ``[Betreiber eintragen]``."""
    text = str(value).strip() if value is not None else ""
    return text.startswith("[") and text.endswith("]")


def operator_values(operator: Mapping[str, object] | None) -> dict[str, str]:
    """Every field's value as trimmed text ('' when missing), for the legal pages' template."""
    operator = operator if isinstance(operator, Mapping) else {}
    return {field.key: str(operator.get(field.key) or "").strip() for field in FIELDS}


def operator_kind(operator: Mapping[str, object] | None) -> Kind | None:
    """The operator's kind, or None while it is a placeholder, empty or unknown."""
    return KINDS.get(operator_values(operator)["kind"])


def required_fields(kind: Kind | None) -> set[str]:
    """Keys of the fields that must hold a value for this kind (the second contact channel is extra)."""
    return {field.key for field in FIELDS if field.required} | set(kind.requires if kind else ())


def _second_channel_missing(values: Mapping[str, str]) -> bool:
    return not values["phone"] and not values["contact_form"]


def open_fields(operator: Mapping[str, object] | None) -> list[str]:
    """Labels of the fields that are still placeholders, or required and empty, in configuration order."""
    values = operator_values(operator)
    required = required_fields(KINDS.get(values["kind"]))
    found = [field.label for field in FIELDS
             if is_placeholder(values[field.key]) or (field.key in required and not values[field.key])]
    if _second_channel_missing(values):
        found.append(SECOND_CHANNEL)
    return found


def open_fields_message(operator: Mapping[str, object] | None) -> str | None:
    """One German line for the build log, or None when every field is filled in."""
    labels = open_fields(operator)
    if not labels:
        return None
    return (
        "Impressum, Datenschutzerklärung und Erklärung zur Barrierefreiheit enthalten noch Platzhalter: "
        + ", ".join(labels)
        + ". Bitte in mkdocs.yml unter 'extra: operator:' eintragen (Felder, die nicht zutreffen und nicht "
        "Pflicht sind, leer lassen: \"\")."
    )


def _kind_problem(value: str) -> str | None:
    """What is wrong with a kind that is neither empty nor a placeholder, or None when it is known."""
    if value in KINDS:
        return None
    allowed = ", ".join(KINDS)
    if value in OLD_KINDS:
        choices = OLD_KINDS[value]
        return (f"'{value}' reicht nicht mehr aus, denn welches Datenschutz- und Barrierefreiheitsrecht gilt, hängt "
                "davon ab, zu wem die Stelle gehört – " + ", ".join(f"{key} ({KINDS[key].label})" for key in choices[:-1])
                + f" oder {choices[-1]} ({KINDS[choices[-1]].label}) eintragen")
    guess = difflib.get_close_matches(value.lower(), list(KINDS), n=1, cutoff=0.6)
    hint = f" (gemeint ist vielleicht '{guess[0]}')" if guess else ""
    return f"'{value}' ist keine bekannte Art{hint} – eine von {allowed} eintragen"


def choice_problem(key: str, value: str) -> str | None:
    """What is wrong with the value of a field with a fixed set of values (``CHOICES``), or None.

    Empty values and placeholders are not judged here: the publish gate decides about them."""
    value = value.strip()
    if not value or is_placeholder(value):
        return None
    if key == "kind":
        return _kind_problem(value)
    if key == "host_role" and value not in HOST_ROLES:
        return f"'{value}' ist kein erlaubter Wert – {FIELD[key].hint} eintragen"
    return None


def _format_problem(key: str, value: str) -> str | None:
    """What is wrong with the form of a filled-in value of a free-text field, or None."""
    if key in ("email", "privacy_officer_email") and not _EMAIL.match(value):
        return f"'{value}' ist keine E-Mail-Adresse – {FIELD[key].hint} eintragen"
    if key == "contact_form" and not re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", value):
        return f"'{value}' ist keine vollständige Web-Adresse – die Adresse des Formulars mit https:// vorn eintragen"
    if key == "phone" and sum(char.isdigit() for char in value) < 5:
        return f"'{value}' ist keine Telefonnummer – {FIELD[key].hint} eintragen"
    return None


def publish_problems(operator: Mapping[str, object] | None) -> list[str]:
    """German lines, one per field, that keep the site from being published (empty when complete)."""
    values = operator_values(operator)
    kind = KINDS.get(values["kind"])
    required = required_fields(kind)
    problems = []
    for field in FIELDS:
        where = f"mkdocs.yml, extra: operator: {field.key} ({field.label})"
        value = values[field.key]
        if is_placeholder(value):
            problems.append(f"{where}: steht noch der Platzhalter {value} – den echten Wert eintragen"
                            + ("" if field.key in required else ' oder, wenn es nicht zutrifft, leer lassen: ""'))
        elif not value:
            if field.key in required:
                why = (f"für einen Betreiber der Art '{kind.key}' nötig: {REASONS[field.key]}"
                       if kind and field.key in kind.requires else "ist Pflicht")
                problems.append(f"{where}: fehlt – {why}; {field.hint} eintragen")
        elif problem := choice_problem(field.key, value) or _format_problem(field.key, value):
            problems.append(f"{where}: {problem}")
    if _second_channel_missing(values):
        problems.append(
            f"mkdocs.yml, extra: operator: phone oder contact_form ({SECOND_CHANNEL}): fehlt – neben der E-Mail-Adresse "
            "braucht das Impressum einen zweiten schnellen und unmittelbaren Kontaktweg (§ 5 Abs. 1 Nr. 2 DDG, "
            "EuGH C-298/07); eine Telefonnummer (phone) oder die Web-Adresse eines Kontaktformulars (contact_form) "
            "eintragen")
    if values["privacy_officer"] and not is_placeholder(values["privacy_officer"]) and not values["privacy_officer_email"] \
            and "privacy_officer_email" not in required:
        problems.append(
            f"mkdocs.yml, extra: operator: privacy_officer_email ({FIELD['privacy_officer_email'].label}): fehlt – "
            f"wer eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten nennt, muss sagen, wie sie oder er zu "
            f"erreichen ist (Art. 13 Abs. 1 Buchst. b DSGVO); {FIELD['privacy_officer_email'].hint} eintragen")
    return problems


def contact_email(operator: Mapping[str, object] | None) -> str:
    """The operator's e-mail address for readers' reports, or '' while it is a placeholder or empty."""
    email = operator_values(operator)["email"]
    return "" if is_placeholder(email) or "@" not in email else email


def page_context(operator: Mapping[str, object] | None) -> dict[str, object]:
    """What the legal pages' template needs (overrides/legal.html): ``operator`` (every field as trimmed
    text), ``operator_open`` (labels still to fill in) and ``operator_kind`` (a Kind, or None while the
    kind is open or unknown)."""
    return {"operator": operator_values(operator), "operator_open": open_fields(operator),
            "operator_kind": operator_kind(operator)}
