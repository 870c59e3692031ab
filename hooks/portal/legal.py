"""The operator's details for the legal pages (``extra: operator:`` in mkdocs.yml), and which are still open.

The shipped configuration holds placeholders in square brackets ("[Name eintragen]"). The legal pages
show a notice while any of them is left; ``open_fields`` gives the same list for a build-time message.

Publishing a German website without the provider's details is an offence (§ 5 DDG, Art. 13 DSGVO):
the deploy build sets ``PORTAL_PUBLISH=1``, and then ``publish_problems`` stops it while anything is
open, including what the operator's kind (``kind``) requires on top of the fields every site needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    required: bool  # optional fields may be emptied ("") when they do not apply; then they are left out


FIELDS: tuple[Field, ...] = (
    Field("kind", "Art des Betreibers", True),
    Field("name", "Name des Betreibers", True),
    Field("street", "Straße und Hausnummer", True),
    Field("city", "Postleitzahl und Ort", True),
    Field("representative", "Vertreten durch", False),
    Field("email", "E-Mail-Adresse", True),
    Field("phone", "Telefonnummer", False),
    Field("register", "Registereintrag", False),
    Field("vat_id", "Umsatzsteuer-Identifikationsnummer", False),
    Field("supervisory_authority", "Aufsichtsbehörde", False),
    Field("editorial_name", "Verantwortliche Person nach § 18 Abs. 2 MStV", True),
    Field("editorial_address", "Anschrift der verantwortlichen Person", True),
    Field("privacy_officer", "Datenschutzbeauftragte Stelle", False),
)


# What § 5 DDG asks of each kind of operator beyond the fields every operator fills in: a public body
# names who leads it and its supervisory authority; an association its board and register entry; a
# company its managing director and register entry (a company or association without an entry
# writes "nicht eingetragen"). A private person needs nothing more.
KINDS: dict[str, tuple[str, ...]] = {
    "behoerde": ("representative", "supervisory_authority"),
    "verein": ("representative", "register"),
    "unternehmen": ("representative", "register"),
    "person": (),
}


def is_placeholder(value: object) -> bool:
    """A value the operator still has to replace: text in square brackets, e.g. ``[Betreiber eintragen]``."""
    text = str(value).strip() if value is not None else ""
    return text.startswith("[") and text.endswith("]")


def operator_values(operator: Mapping[str, object] | None) -> dict[str, str]:
    """Every field's value as trimmed text ('' when missing), for the legal pages' template."""
    operator = operator if isinstance(operator, Mapping) else {}
    return {field.key: str(operator.get(field.key) or "").strip() for field in FIELDS}


def open_fields(operator: Mapping[str, object] | None) -> list[str]:
    """Labels of the fields that are still placeholders, or required and empty, in configuration order."""
    operator = operator if isinstance(operator, Mapping) else {}
    found = []
    for field in FIELDS:
        value = operator.get(field.key)
        empty = value is None or not str(value).strip()
        if is_placeholder(value) or (field.required and empty):
            found.append(field.label)
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


def publish_problems(operator: Mapping[str, object] | None) -> list[str]:
    """German lines, one per field, that keep the site from being published (empty when complete)."""
    operator = operator if isinstance(operator, Mapping) else {}
    values = operator_values(operator)
    kind = values["kind"]
    required = {field.key for field in FIELDS if field.required} | set(KINDS.get(kind, ()))
    problems = []
    for field in FIELDS:
        where = f"mkdocs.yml, extra: operator: {field.key} ({field.label})"
        value = values[field.key]
        if field.key == "kind" and not is_placeholder(value) and value and value not in KINDS:
            problems.append(f"{where}: '{value}' ist keine bekannte Art – eine von {', '.join(KINDS)} eintragen")
        elif is_placeholder(value):
            problems.append(f"{where}: steht noch der Platzhalter {value} – den echten Wert eintragen"
                            + ("" if field.key in required else ' oder, wenn es nicht zutrifft, leer lassen: ""'))
        elif field.key in required and not value:
            why = f"für einen Betreiber der Art '{kind}' nach § 5 DDG nötig" if field.key in KINDS.get(kind, ()) else "ist Pflicht"
            problems.append(f"{where}: fehlt – {why}; den Wert eintragen")
    return problems


def contact_email(operator: Mapping[str, object] | None) -> str:
    """The operator's e-mail address for readers' reports, or '' while it is a placeholder or empty."""
    email = operator_values(operator)["email"]
    return "" if is_placeholder(email) or "@" not in email else email
