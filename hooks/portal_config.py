"""The portal's own settings under ``extra:`` in mkdocs.yml, as typed MkDocs configuration.

MkDocs hands ``extra`` to the templates unchecked. The portal reads four settings from it::

    extra:
      stale_after_years: 2    # int, 1 to 50 (portal.evidence)
      edit:                   # EditConfig: repository (https://…, or empty: no edit and report links), branch
      operator:               # OperatorConfig: one text per field of portal.legal.FIELDS
      license:                # LicenseConfig: id (one of portal.licensing.LICENSES), holder (whom to name)

They are declared the way Material declares its plugins' options (``material/plugins/blog/config.py``,
``BlogConfig``): a ``mkdocs.config.base.Config`` subclass per section with one config option per key,
so ``settings.operator.name`` is a ``str`` and ``settings.stale_after_years`` an ``int``.

``load_settings`` checks them in ``on_config``, before any content is read or a file written, and reports every
problem at once, in German and in the form of the content check (file, line, column, the key path, what
is wrong – what to write instead)::

    mkdocs.yml:118:5: extra: operator: nmae: unbekanntes Feld – meinten Sie name?

MkDocs' own ``Config.validate`` stops at the first wrong option and only warns about unknown keys;
``Settings`` reports all of them and refuses unknown keys in the portal's sections. Keys directly
under ``extra`` that are not the portal's belong to the theme (Material reads ``extra.social``,
``extra.analytics``, ``extra.consent``, … – ``MATERIAL_KEYS``) and pass; one that is nearly the name
of a portal setting (``stale_after_year``) gets a warning, since the setting it meant is then left at
its default.

The check is about form: no unknown field, text where text belongs, one of the allowed values where
there is a fixed set (``portal.legal.CHOICES``). Placeholders in [brackets] are text like any other:
whether the site may be published with them is decided by ``portal.legal.publish_problems``. What
passes reaches the domain package as plain values (an int, dicts of text); ``hooks/portal/`` never
sees a MkDocs type.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

import yaml
from mkdocs.config.base import BaseConfigOption, Config, ConfigErrors, ConfigWarnings, ValidationError

from portal.evidence import configured_years, stale_years_problem
from portal.legal import CHOICES, FIELD, FIELDS, choice_problem
from portal.licensing import DEFAULT_LICENSE, LICENSES, license_problem
from portal.messages import BOOL_HINT, describe, unknown_field
from portal.problems import visible

# What Material for MkDocs 9 reads from ``extra`` (its templates and plugins): never a typo of a portal key.
MATERIAL_KEYS = frozenset({"alternate", "analytics", "annotate", "consent", "generator", "homepage", "polyfills",
                           "scope", "social", "status", "tags", "version"})
EXAMPLE_REPOSITORY = "https://github.com/industrie-initiativen-nrw/portal"


@dataclass(frozen=True)
class SettingProblem:
    """One wrong setting: where under ``extra`` (key path), what is wrong, what to write instead."""

    path: tuple[str, ...]
    message: str
    hint: str = ""
    label: str = ""  # the field's German name, where it has one (the operator's fields)

    def below(self, key: str, label: str = "") -> SettingProblem:
        """The same problem seen from the section that holds ``key``."""
        return replace(self, path=(key, *self.path), label=self.label if self.path else label)

    def text(self) -> str:
        """``extra: operator: email (E-Mail-Adresse): what is wrong – what to write``; invisible characters written out."""
        place = ": ".join(("extra", *self.path)) + (f" ({self.label})" if self.label else "")
        return visible(f"{place}: {self.message}" + (f" – {self.hint}" if self.hint else ""))


class Wrong(ValidationError):
    """A MkDocs validation error that carries the portal's problems (one or, from a section, several)."""

    def __init__(self, *problems: SettingProblem) -> None:
        super().__init__("; ".join(problem.text() for problem in problems))
        self.problems = problems


class SettingsError(Exception):
    """The portal's settings have problems; ``lines`` says each one, ready for the build log."""

    def __init__(self, lines: list[str], file: str) -> None:
        count = "Ein Problem" if len(lines) == 1 else f"{len(lines)} Probleme"
        super().__init__(f"{count} in den Einstellungen des Portals ({file}, extra:); die Website wurde nicht "
                         "gebaut. Bitte die oben genannten Stellen korrigieren.")
        self.lines = lines


# --- Options --------------------------------------------------------------------------------------


def _what_it_is(value: object) -> str:
    if isinstance(value, dt.date):  # YAML reads 2024-01-31 without quotes as a date
        return f"das Datum {value.isoformat()}"
    return describe(value)


def _text_hint(value: object, what: str, placeholders: bool) -> str:
    """How to write a text where YAML found something else (``placeholders``: may the text be one)."""
    if isinstance(value, bool):
        return BOOL_HINT
    if isinstance(value, int | float):
        return "in Anführungszeichen setzen (\"…\"): ohne sie liest YAML Ziffern als Zahl und verliert führende Nullen"
    if isinstance(value, dt.date):
        return "in Anführungszeichen setzen (\"…\"): ohne sie liest YAML es als Datum"
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
        why = "eckige Klammern ohne Anführungszeichen liest YAML als Liste"
        if placeholders:
            return f"{why}; einen Platzhalter in Anführungszeichen setzen: \"[{value[0]}]\""
        return f"{why}; die Klammern weglassen: {value[0]}"
    if isinstance(value, list):
        return "genau einen Text in dieselbe Zeile schreiben, ohne '- ' davor" + (f": {what}" if what else "")
    if isinstance(value, dict):
        return "den Text in dieselbe Zeile wie den Feldnamen schreiben; enthält er einen Doppelpunkt, in \"…\" setzen"
    return f"{what} eintragen" if what else ""


Check = Callable[[str], tuple[str, str] | None]


class Text(BaseConfigOption[str]):
    """One text on the key's line; left out (or nothing after the colon) it is ``default``.

    ``what`` says what belongs there (for the messages); ``check`` judges the text written there and
    returns what is wrong and what to write instead, or None.
    """

    placeholders = False  # whether a [placeholder] may stand here (the messages suggest one)

    def __init__(self, default: str = "", what: str = "", check: Check | None = None) -> None:
        super().__init__()
        self.default = default
        self.what = what
        self.check = check

    def run_validation(self, value: object, /) -> str:
        """The value as trimmed text (the default when left out); a German problem for anything else."""
        if value is None:
            return str(self.default)
        if not isinstance(value, str):
            raise Wrong(SettingProblem((), f"erwartet wird Text, gefunden: {_what_it_is(value)}",
                                       _text_hint(value, self.what, self.placeholders)))
        if self.check and (problem := self.check(value)):
            raise Wrong(SettingProblem((), *problem))
        return value


class OperatorField(Text):
    """A field of ``extra.operator``: what belongs there, and the allowed values where there is a fixed
    set, come from ``portal.legal.FIELDS`` by the attribute's name. Placeholders pass (the publish gate
    decides about them)."""

    placeholders = True

    def __set_name__(self, owner: type, name: str) -> None:
        super().__set_name__(owner, name)
        self.what = FIELD[name].hint  # a KeyError here: the class names a field legal.py does not know
        if name in CHOICES:
            self.check = lambda value: (problem, "") if (problem := choice_problem(name, value)) else None


class Years(BaseConfigOption[int]):
    """A whole number of years (``portal.evidence``: 1 to 50, ``DEFAULT_STALE_YEARS`` when left out)."""

    def run_validation(self, value: object, /) -> int:
        """The stale period in years; the default when left out."""
        if value is not None and (problem := stale_years_problem(value)):
            raise Wrong(SettingProblem((), *problem))
        return configured_years(value)


S = TypeVar("S", bound="Settings")


class Section(BaseConfigOption[S]):
    """A key with a section of its own settings below it (like MkDocs' ``SubConfig``, with every
    problem of the section reported, in German)."""

    def __init__(self, config_class: type[S]) -> None:
        super().__init__()
        self.config_class = config_class
        self._config_file_path: str | None = None

    def pre_validation(self, config: Config, key_name: str) -> None:
        """Remember mkdocs.yml's path, so problems inside the section can name their line."""
        self._config_file_path = config.config_file_path

    def run_validation(self, value: object, /) -> S:
        """The section checked as its Settings class, every problem of it reported at once."""
        if value is None:  # "operator:" with nothing below: every field left out
            value = {}
        if not isinstance(value, dict):
            keys = ", ".join(key for key, _ in self.config_class._schema)
            raise Wrong(SettingProblem((), f"erwartet wird ein Abschnitt mit Feldern, gefunden: {_what_it_is(value)}",
                                       f"die Felder eingerückt in die Zeilen darunter schreiben, je Zeile 'name: wert' ({keys})"))
        section = self.config_class(config_file_path=self._config_file_path)
        section.load_dict(value)
        failed, _ = section.validate()
        if failed:
            raise Wrong(*[problem for key, error in failed for problem in section.problems_of(key, error)])
        return section


# --- The portal's settings ------------------------------------------------------------------------


class Settings(Config):
    """A MkDocs ``Config`` that reports every wrong setting (MkDocs' own stops at the first) and, unless
    ``theme_keys`` is set, refuses keys it does not declare, suggesting the closest."""

    labels: ClassVar[Mapping[str, str]] = {}  # German names of the keys, where they have one
    theme_keys: ClassVar[bool] = False  # extra itself: undeclared keys belong to the theme

    def _validate(self) -> tuple[ConfigErrors, ConfigWarnings]:
        failed: ConfigErrors = []
        warnings: ConfigWarnings = []
        for key, option in self._schema:
            try:
                self[key] = option.validate(self.get(key))
            except ValidationError as error:
                failed.append((key, error))
            warnings.extend((key, warning) for warning in option.warnings)
            option.reset_warnings()
        declared = [key for key, _ in self._schema]
        for key in [key for key in self if key not in self._schema_keys]:
            name = str(key)
            if not self.theme_keys:
                failed.append((name, Wrong(SettingProblem((), *_unknown(name, declared)))))
            elif name not in MATERIAL_KEYS and (meant := difflib.get_close_matches(name.lower(), declared, n=1, cutoff=0.8)):
                warnings.append((name, f"ist keine Einstellung des Portals und bleibt unbeachtet – meinten Sie {meant[0]}? "
                                       "(Andere Felder unter extra gehören dem Theme, zum Beispiel social.)"))
        return failed, warnings

    def problems_of(self, key: str, error: Exception) -> list[SettingProblem]:
        """The portal's problems in a failure of ``key``, seen from this section."""
        label = self.labels.get(key, "")
        if isinstance(error, Wrong):
            return [problem.below(key, label) for problem in error.problems]
        return [SettingProblem((key,), str(error), label=label)]


def _unknown(name: str, known: list[str]) -> tuple[str, str]:
    return unknown_field(name, known, "unbekanntes Feld")


def _web_address(value: str) -> tuple[str, str] | None:
    if value == "" or (value.startswith("https://") and len(value) > len("https://") and not any(c.isspace() for c in value)):
        return None
    return (f"'{value}' ist keine vollständige Web-Adresse",
            f"die Adresse des Repositorys mit https:// vorn schreiben, zum Beispiel {EXAMPLE_REPOSITORY}; "
            "leer (\"\"), wenn die Seiten keine Links zum Bearbeiten und Melden zeigen sollen")


def _branch(value: str) -> tuple[str, str] | None:
    if value.strip() and not any(c.isspace() for c in value):
        return None
    return ("ist leer" if not value.strip() else f"'{value}' ist kein Name eines Zweigs",
            "den Zweig schreiben, aus dem die Website gebaut wird, zum Beispiel main (ohne Leerzeichen)")


class EditConfig(Settings):
    """``extra.edit``: where "Datei auf GitHub bearbeiten" and the report links lead (plain links to
    GitHub's web editor and issue form, ``portal.urls``)."""

    repository = Text("", what=f"die Web-Adresse des Repositorys, zum Beispiel {EXAMPLE_REPOSITORY}",
                      check=_web_address)
    branch = Text("main", what="den Zweig, aus dem die Website gebaut wird, zum Beispiel main", check=_branch)


class OperatorConfig(Settings):
    """``extra.operator``: the operator's details for Impressum, Datenschutzerklärung and Erklärung zur
    Barrierefreiheit, one text per field of ``portal.legal.FIELDS`` (in its order; names, hints and the
    allowed kinds come from there). Empty and [placeholder] values pass: the publish gate decides."""

    labels = {field.key: field.label for field in FIELDS}

    kind = OperatorField()
    name = OperatorField()
    legal_form = OperatorField()
    street = OperatorField()
    city = OperatorField()
    representative = OperatorField()
    email = OperatorField()
    phone = OperatorField()
    contact_form = OperatorField()
    register = OperatorField()
    vat_id = OperatorField()
    supervisory_authority = OperatorField()
    editorial_name = OperatorField()
    editorial_address = OperatorField()
    privacy_officer = OperatorField()
    privacy_officer_email = OperatorField()
    host_role = OperatorField()
    host_log_retention = OperatorField()


class LicenseConfig(Settings):
    """``extra.license``: the licence of the portal's own texts and data (``portal.licensing``) and whom
    users must name; left out, CC BY 4.0 naming the operator."""

    id = Text(DEFAULT_LICENSE, what="den Schlüssel einer Lizenz: " + " oder ".join(LICENSES), check=license_problem)
    holder = Text("", what="wen die Namensnennung nennt, zum Beispiel den Betreiber; leer: der Name aus operator")


class PortalSettings(Settings):
    """The portal's keys under ``extra``; the theme's keys (Material: social, analytics, …) pass unchecked."""

    theme_keys = True

    stale_after_years = Years()
    edit = Section(EditConfig)
    operator = Section(OperatorConfig)
    license = Section(LicenseConfig)

    def edit_links(self) -> dict[str, str]:
        """``extra.edit`` as ``portal.site.Portal`` takes it (a plain dict: no MkDocs type leaves the glue)."""
        return {"repository": self.edit.repository, "branch": self.edit.branch}

    def operator_values(self) -> Mapping[str, str]:
        """``extra.operator`` as ``portal.legal`` takes it: every field as text, read-only."""
        return MappingProxyType({key: str(self.operator[key]) for key, _ in self.operator._schema})


# --- Loading, with places in the file -------------------------------------------------------------


def load_settings(extra: Mapping[str, Any], config_file_path: str | None) -> tuple[PortalSettings, list[str]]:
    """Check the portal's settings in ``extra`` (MkDocs' ``config.extra``): the typed settings and the
    warnings as log lines; ``SettingsError`` with every problem when any is wrong."""
    settings = PortalSettings(config_file_path=config_file_path)
    settings.load_dict(dict(extra))
    failed, warnings = settings.validate()
    places = Places(config_file_path)
    if failed:
        problems = [problem for key, error in failed for problem in settings.problems_of(key, error)]
        problems.sort(key=places.sort_key)
        raise SettingsError([places.render(problem) for problem in problems], places.file)
    return settings, [places.render(SettingProblem((key,), message)) for key, message in warnings]


class Places:
    """Line and column of each key under ``extra`` in the configuration file, so a message leads there
    like the content check's (``mkdocs.yml:118:5: …``). Keys the file does not hold (``INHERIT``)
    are named without a place."""

    def __init__(self, config_file_path: str | None) -> None:
        self.file = Path(config_file_path).name if config_file_path else "mkdocs.yml"
        self.where: dict[tuple[str, ...], tuple[int, int]] = {}
        try:
            # Composing only parses: no tag (!ENV, !!python/name) is resolved.
            root = yaml.compose(Path(config_file_path).read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader) \
                if config_file_path else None
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            root = None
        if isinstance(root, yaml.MappingNode):
            for key, value in root.value:
                if isinstance(key, yaml.ScalarNode) and key.value == "extra":
                    self._walk(value, ())

    def _walk(self, node: yaml.Node, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    inner = (*path, str(key.value))
                    self.where.setdefault(inner, (key.start_mark.line + 1, key.start_mark.column + 1))
                    self._walk(value, inner)

    def of(self, path: tuple[str, ...]) -> tuple[int, int] | None:
        """The place of ``path``, or of its nearest section the file holds."""
        while path:
            if path in self.where:
                return self.where[path]
            path = path[:-1]
        return None

    def sort_key(self, problem: SettingProblem) -> tuple[int, int]:
        """Line and column of the problem's key, so problems come out in file order (unknown places first)."""
        return self.of(problem.path) or (0, 0)

    def render(self, problem: SettingProblem) -> str:
        """The problem as 'mkdocs.yml:line:column: message', or without a place the file does not hold."""
        place = self.of(problem.path)
        return f"{self.file}:{place[0]}:{place[1]}: {problem.text()}" if place else f"{self.file}: {problem.text()}"
